// Pass one of an import: what each column holds, over the whole column. A candidate type stays
// alive only while every non-blank value fits it, so the decision never rests on a sample, and the
// day/month order of `A/B/YYYY` dates is settled by the values that can only be read one way.
import type { ValueType } from './fields';
import { isNullText, numericDateParts, parseBoolean, parseDate, parseNumber, type DateOrder } from './values';

/** A cell as a source reader delivers it: text formats give strings, typed formats numbers too. */
export type Cell = string | number | boolean | null;

export interface ColumnProfile {
  nonNull: number;
  nulls: number;
  /** Candidates still alive: every non-blank value so far fits. */
  boolean: boolean;
  /** Only 0 and 1 seen (a flag column or a count column: the header decides). */
  zeroOne: boolean;
  number: boolean;
  integer: boolean;
  percentSigns: number;
  /** The first value written with a % sign, for messages. */
  percentExample: string | null;
  /** Digits with a leading zero ("00123", a zip code): numbers would drop the zero, so text. */
  leadingZero: boolean;
  date: boolean;
  withTime: number;
  dayFirstOnly: number;
  monthFirstOnly: number;
  eitherOrder: number;
  numMin: number;
  numMax: number;
  /** Largest absolute value among the numbers written without a % sign (-Infinity: none). */
  plainMax: number;
  maxLength: number;
  samples: string[];
  /** The first `keyCheckRows` rows, seen as a key would be: rows, blanks, distinct values. */
  keyRows: number;
  keyBlanks: number;
  keyDistinct: number;
  /** A value the key rows repeat (the first one), for messages. */
  keyRepeated: string | null;
  /** The key rows' values while profiling; dropped by `finishProfile`. */
  keySeen?: Set<string>;
}

/** Rows over which a column is checked as a key (unique, non-blank) and the file's grain is judged. */
export const keyCheckRows = 20_000;

export function emptyProfile(): ColumnProfile {
  return {
    nonNull: 0,
    nulls: 0,
    boolean: true,
    zeroOne: true,
    number: true,
    integer: true,
    percentSigns: 0,
    percentExample: null,
    leadingZero: false,
    date: true,
    withTime: 0,
    dayFirstOnly: 0,
    monthFirstOnly: 0,
    eitherOrder: 0,
    numMin: Infinity,
    numMax: -Infinity,
    plainMax: -Infinity,
    maxLength: 0,
    samples: [],
    keyRows: 0,
    keyBlanks: 0,
    keyDistinct: 0,
    keyRepeated: null,
  };
}

/** Ends a profile: the set of key values is dropped (the counts stay), so profiles stay small. */
export function finishProfile(p: ColumnProfile): ColumnProfile {
  delete p.keySeen;
  return p;
}

function observeKey(p: ColumnProfile, text: string | null): void {
  p.keyRows++;
  if (text === null) {
    p.keyBlanks++;
    return;
  }
  const seen = (p.keySeen ??= new Set());
  const before = seen.size;
  seen.add(text);
  if (seen.size > before) p.keyDistinct++;
  else p.keyRepeated ??= text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const sampleCount = 8;
const leadingZeroPattern = /^0\d/;

export function observe(p: ColumnProfile, cell: Cell): void {
  if (cell === null || (typeof cell === 'string' && isNullText(cell))) {
    p.nulls++;
    if (p.keyRows < keyCheckRows) observeKey(p, null);
    return;
  }
  p.nonNull++;
  if (p.keyRows < keyCheckRows) observeKey(p, typeof cell === 'string' ? cell : String(cell));
  if (typeof cell === 'number') {
    p.boolean = false;
    p.date = false;
    if (cell !== 0 && cell !== 1) p.zeroOne = false;
    if (!Number.isInteger(cell)) p.integer = false;
    if (cell < p.numMin) p.numMin = cell;
    if (cell > p.numMax) p.numMax = cell;
    if (Math.abs(cell) > p.plainMax) p.plainMax = Math.abs(cell);
    if (p.samples.length < sampleCount) addSample(p, String(cell));
    return;
  }
  if (typeof cell === 'boolean') {
    p.number = p.integer = p.date = p.zeroOne = false;
    if (p.samples.length < sampleCount) addSample(p, String(cell));
    return;
  }
  if (cell.length > p.maxLength) p.maxLength = cell.length;
  if (p.samples.length < sampleCount) addSample(p, cell.length > 80 ? `${cell.slice(0, 77)}…` : cell);
  if (p.boolean && parseBoolean(cell) === undefined) p.boolean = false;
  if (p.number) {
    const n = parseNumber(cell);
    if (n === undefined) p.number = p.integer = p.zeroOne = false;
    else {
      if (n.percent) {
        p.percentSigns++;
        p.percentExample ??= cell.trim();
      } else if (Math.abs(n.value) > p.plainMax) p.plainMax = Math.abs(n.value);
      if (!Number.isInteger(n.value)) p.integer = false;
      if (n.value !== 0 && n.value !== 1) p.zeroOne = false;
      if (n.value < p.numMin) p.numMin = n.value;
      if (n.value > p.numMax) p.numMax = n.value;
      if (!p.leadingZero && leadingZeroPattern.test(cell)) p.leadingZero = true;
    }
  }
  if (p.date) observeDate(p, cell);
}

/**
 * Whether observing one more plain valid day (`YYYY-MM-DD`, or `A/B/YYYY` valid in the order its
 * numbers suggest, no spaces) can only count it: the key check and the samples are done, and the
 * column is already known to be neither yes/no nor numbers, only dates. Then `observeSettledDay`
 * does what `observe` would, without the text (whole-file profiling of a date column, a million
 * times over).
 */
export const settledForDays = (p: ColumnProfile): boolean =>
  p.date && !p.boolean && !p.number && p.keyRows >= keyCheckRows && p.samples.length >= sampleCount;

/**
 * `observe(p, day)` for such a day of `length` characters, when `settledForDays(p)`; `a`, `b` are
 * the first two numbers of an `A/B/YYYY` day (0 for an ISO one).
 */
export function observeSettledDay(p: ColumnProfile, length: number, a = 0, b = 0): void {
  p.nonNull++;
  if (length > p.maxLength) p.maxLength = length;
  if (a === b) return;
  if (a > 12) p.dayFirstOnly++;
  else if (b > 12) p.monthFirstOnly++;
  else p.eitherOrder++;
}

function observeDate(p: ColumnProfile, cell: string): void {
  const parts = numericDateParts(cell);
  const parsed = parseDate(cell, parts ? (parts.a > 12 ? 'DMY' : 'MDY') : undefined);
  if (!parsed) {
    p.date = false;
    return;
  }
  if (parsed.dateTime) p.withTime++;
  if (!parts || parts.a === parts.b) return;
  if (parts.a > 12) p.dayFirstOnly++;
  else if (parts.b > 12) p.monthFirstOnly++;
  else p.eitherOrder++;
}

function addSample(p: ColumnProfile, text: string): void {
  if (!p.samples.includes(text)) p.samples.push(text);
}

export interface DateDecision {
  order: DateOrder | null;
  /** Every `A/B/Y` value reads both ways: the user must choose. */
  ambiguous: boolean;
  /** Some values only read day-first and others only month-first. */
  conflicting: boolean;
}

export function decideDateOrder(p: ColumnProfile): DateDecision {
  if (p.dayFirstOnly > 0 && p.monthFirstOnly > 0) {
    return { order: p.dayFirstOnly >= p.monthFirstOnly ? 'DMY' : 'MDY', ambiguous: false, conflicting: true };
  }
  if (p.dayFirstOnly > 0) return { order: 'DMY', ambiguous: false, conflicting: false };
  if (p.monthFirstOnly > 0) return { order: 'MDY', ambiguous: false, conflicting: false };
  return { order: null, ambiguous: p.eitherOrder > 0, conflicting: false };
}

/** The type of a column nobody mapped: typed only when every value fits, else text. */
export function inferType(p: ColumnProfile, header: string): ValueType {
  if (p.nonNull === 0) return 'text';
  const flagName = /^(is|has|can|should)[ _A-Z]|flag$|_?active$/i.test(header);
  if (p.zeroOne && p.number && flagName) return 'boolean';
  if (p.number && !p.leadingZero) {
    if (p.percentSigns === p.nonNull) return 'percent';
    return p.integer ? 'integer' : 'number';
  }
  if (p.boolean && !p.number) return 'boolean';
  if (p.date && !p.number) return p.withTime > 0 ? 'datetime' : 'date';
  return 'text';
}
