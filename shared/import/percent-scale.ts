// A numeric column where some values carry a % sign and the others do not mixes scales unless it
// is read with care: in a 0–100 health column, "70%" means 70, not 0.7; in a column of fractions,
// "45%" means 0.45. The plain values decide the scale (any above 1: 0–100), and the mix is reported.
import type { ValueType } from './fields';
import type { ColumnPlan } from './mapping';
import type { ColumnProfile } from './profile';

const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 4 });

export function percentScaleOf(type: ValueType, p: ColumnProfile): ColumnPlan['percentScale'] {
  if (type !== 'number' && type !== 'integer' && type !== 'percent') return null;
  if (!p.number || p.percentSigns === 0 || p.percentSigns === p.nonNull) return null;
  return p.plainMax > 1 ? 'hundred' : 'fraction';
}

/** The note the mapping shows for a column with a `percentScale`. */
export function describePercentMix(c: Pick<ColumnPlan, 'source' | 'type' | 'percentScale'>, p: ColumnProfile): string {
  const example = p.percentExample ?? '70%';
  const counted = `${n(p.percentSigns)} of ${n(p.nonNull)} values carry a % sign (such as "${example}")`;
  const hundred = c.percentScale === 'hundred';
  const plain = hundred ? `plain numbers up to ${n(p.plainMax)}` : 'plain numbers between 0 and 1';
  const asNumber = Number(example.replace('%', '').trim());
  const read =
    c.type === 'percent'
      ? hundred
        ? 'every value is read as a percentage (plain 70 and "70%" are both 0.7)'
        : 'the plain values are read as fractions already (0.7 stays 0.7) and the signed ones as percentages'
      : hundred
        ? `the signed values are read on the plain 0–100 scale ("${example}" is ${n(asNumber)})`
        : `the signed values are read as fractions ("${example}" is ${n(asNumber / 100)})`;
  return `Column "${c.source}" mixes scales: ${counted}, the others are ${plain}; ${read}.`;
}
