// Whether a column's values can fill a field of a type, and if not, why, in words for the mapping
// screen. A date field takes only values that read as dates; whole numbers only when they are
// plausible Excel serials (1954–2119) or Unix epochs, so a "Days to renewal" count is not a date.
import type { ValueType } from './fields';
import type { ColumnPlan } from './mapping';
import type { ColumnProfile } from './profile';
import { plausibleExcelSerial } from './values';

const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 4 });

/** How the whole numbers of a column count time, when they plausibly do. */
export function numericDates(p: ColumnProfile): ColumnPlan['numericDates'] {
  if (!(p.number && p.integer) || p.nonNull === 0) return null;
  if (p.numMin >= 1e9 && p.numMax < 1e10) return 'epoch-seconds';
  if (p.numMin >= 1e12 && p.numMax < 1e13) return 'epoch-millis';
  if (plausibleExcelSerial(p.numMin) && plausibleExcelSerial(p.numMax)) return 'excel';
  return null;
}

/** Can a column with this profile fill a field of this type? */
export function fits(type: ValueType, p: ColumnProfile): boolean {
  if (p.nonNull === 0) return true;
  switch (type) {
    case 'text':
      return true;
    case 'number':
    case 'percent':
      return p.number;
    case 'integer':
      return p.number && p.integer;
    case 'boolean':
      return p.boolean || p.zeroOne;
    case 'date':
    case 'datetime':
      return p.date || numericDates(p) !== null;
  }
}

/** What the column holds, briefly ("whole numbers 0 to 365", "text such as "Acme""). */
export function describeValues(p: ColumnProfile): string {
  if (p.nonNull === 0) return 'only blanks';
  if (p.number) return `${p.integer ? 'whole numbers' : 'numbers'} ${n(p.numMin)} to ${n(p.numMax)}`;
  if (p.date) return 'dates';
  if (p.boolean) return 'yes/no values';
  const sample = p.samples[0];
  return sample === undefined ? 'text' : `text such as "${sample}"`;
}

/** Why a column cannot fill a field of this type (the caller knows it does not fit). */
export function misfit(type: ValueType, p: ColumnProfile): string {
  const holds = describeValues(p);
  switch (type) {
    case 'date':
    case 'datetime':
      return p.number && p.integer
        ? `its values are ${holds}, not dates (nor plausible Excel serials or epoch times)`
        : `its values are ${holds}, not dates`;
    case 'number':
    case 'percent':
      return `its values are ${holds}, not numbers`;
    case 'integer':
      return `its values are ${holds}, not whole numbers`;
    case 'boolean':
      return `its values are ${holds}, not yes/no values`;
    case 'text':
      return '';
  }
}

/** What the values show, for a column they fit ("every value reads as a date"). */
export function evidence(type: ValueType, p: ColumnProfile): string {
  if (p.nonNull === 0) return 'the column is blank so far';
  switch (type) {
    case 'date':
    case 'datetime': {
      const counted = numericDates(p);
      return counted && !p.date
        ? `its values are ${counted === 'excel' ? 'Excel date serials' : `Unix times (${counted.slice(6)})`}`
        : 'every value reads as a date';
    }
    case 'number':
    case 'percent':
    case 'integer':
      return `its values are ${describeValues(p)}`;
    case 'boolean':
      return 'its values are yes/no';
    case 'text':
      return '';
  }
}
