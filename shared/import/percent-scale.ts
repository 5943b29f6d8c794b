// A numeric column where some values carry a % sign and the others do not mixes scales unless it
// is read with care: in a 0–100 health column, "70%" means 70, not 0.7; in a column of fractions,
// "45%" means 0.45. The plain values decide the scale (any above 1: 0–100), and the mix is reported.
// A percentage column without signs is 0–100 (Salesforce's "Probability (%)": 75) unless every
// value lies between 0 and 1 (HubSpot's "Deal probability": 0.9): then it holds fractions already,
// and reading 1 as 1 % would make a closed deal at probability 1 a lost one.
import type { ValueType } from './fields';
import type { ColumnPlan } from './mapping';
import type { ColumnProfile } from './profile';

const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 4 });

export function percentScaleOf(type: ValueType, p: ColumnProfile): ColumnPlan['percentScale'] {
  if (type !== 'number' && type !== 'integer' && type !== 'percent') return null;
  if (!p.number || p.percentSigns === p.nonNull) return null;
  if (p.percentSigns === 0) return type === 'percent' && fractionsOnly(p) ? 'fraction' : null;
  return p.plainMax > 1 ? 'hundred' : 'fraction';
}

/** Every value a plain number from 0 to 1, and at least one above 0. */
const fractionsOnly = (p: ColumnProfile) => p.numMin >= 0 && p.plainMax <= 1 && p.numMax > 0;

/** The note the mapping shows for a column with a `percentScale`: fractions only, or mixed signs. */
export function describePercentScale(
  c: Pick<ColumnPlan, 'source' | 'type' | 'percentScale'>,
  p: ColumnProfile,
): string {
  if (p.percentSigns === 0) {
    const example = p.samples.find((s) => Number(s) > 0 && Number(s) < 1) ?? p.samples[0] ?? '1';
    const percent = n(Number((Number(example) * 100).toPrecision(15)));
    return (
      `Column "${c.source}" holds numbers from 0 to 1 only (such as "${example}"): ` +
      `they are read as fractions, so "${example}" is ${percent} %.`
    );
  }
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
