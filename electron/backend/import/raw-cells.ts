// Typed values read straight from a CSV field's bytes, for the shapes millions of cells have: plain
// and grouped decimals, `YYYY-MM-DD` and `A/B/YYYY` dates, yes/no words. Each returns undefined for
// anything else, and the caller then decodes the text and takes the general path (values.ts), so
// these only ever save work: on every value they read they agree with it (raw-cells.test.ts).
import { observeSettledDay, type ColumnProfile } from '#shared/import/profile';
import { isoDay, isValidDay, resolveOrder, type DateOrder } from '#shared/import/values';

const isDigit = (c: number) => c >= 48 && c <= 57;
const powersOfTen = Array.from({ length: 16 }, (_, i) => 10 ** i);
const COMMA = 44;
const POINT = 46;

/**
 * `-12`, `3.5`, `.5`, `7.`, `1,234,567.89` as Number() reads their text; undefined for exponents,
 * spaces, currency, % signs and more than 15 digits (where integer arithmetic could round).
 */
export function numberAt(buf: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  if (i < end && (buf[i] === 43 || buf[i] === 45)) {
    negative = buf[i] === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let grouped = false;
  let run = 0; // digits since the last comma
  for (; i < end; i++) {
    const c = buf[i]!;
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      run++;
    } else if (c === COMMA) {
      if (grouped ? run !== 3 : run < 1 || run > 3) return undefined;
      grouped = true;
      run = 0;
    } else break;
  }
  if (grouped && run !== 3) return undefined;
  let fraction = 0;
  if (i < end && buf[i] === POINT) {
    for (i++; i < end; i++) {
      const c = buf[i]!;
      if (!isDigit(c)) return undefined;
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      fraction++;
    }
    if (grouped && fraction === 0) return undefined;
  }
  if (i !== end || digits === 0 || digits > 15) return undefined;
  // Both operands are exact, so the one division rounds correctly: the double Number() gives.
  const value = fraction === 0 ? mantissa : mantissa / powersOfTen[fraction]!;
  return negative ? -value : value;
}

function digitsAt(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i]!;
    if (!isDigit(c)) return -1;
    n = n * 10 + c - 48;
  }
  return n;
}

/** A valid day as the number YYYYMMDD (ordered as the days are), else -1. */
const dayNumber = (y: number, m: number, d: number): number => (isValidDay(y, m, d) ? y * 10_000 + m * 100 + d : -1);

/** The day YYYYMMDD as its ISO text, `YYYY-MM-DD` (what isoDay gives). */
export const isoOfDayNumber = (n: number): string =>
  isoDay(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100)!;

/**
 * The day of a `YYYY-MM-DD` or `A/B/YYYY` field (no time) as parseDate reads it in `order`, as the
 * number YYYYMMDD; -1 for anything else. Writers put its ISO digits straight into a batch.
 */
export function dayNumberAt(buf: Uint8Array, start: number, end: number, order: DateOrder | undefined): number {
  const n = end - start;
  if (n === 10 && buf[start + 4] === 45 && buf[start + 7] === 45) {
    const y = digitsAt(buf, start, start + 4);
    const m = digitsAt(buf, start + 5, start + 7);
    const d = digitsAt(buf, start + 8, end);
    return y < 0 || m < 0 || d < 0 ? -1 : dayNumber(y, m, d);
  }
  if (n < 8 || n > 10) return -1;
  let i = start;
  let a = 0;
  for (; i < start + 2 && isDigit(buf[i]!); i++) a = a * 10 + buf[i]! - 48;
  if (i === start) return -1;
  const separator = buf[i];
  if (separator !== 47 && separator !== 46 && separator !== 45) return -1;
  const bStart = ++i;
  let b = 0;
  for (; i - bStart < 2 && isDigit(buf[i]!); i++) b = b * 10 + buf[i]! - 48;
  if (i === bStart || buf[i] !== separator || end - ++i !== 4) return -1;
  const year = digitsAt(buf, i, end);
  if (year < 0) return -1;
  const resolved = resolveOrder(a, b, order);
  if (!resolved) return -1;
  return resolved === 'MDY' ? dayNumber(year, a, b) : dayNumber(year, b, a);
}

/** The ISO day of a `YYYY-MM-DD` or `A/B/YYYY` field (no time), as parseDate reads it in `order`. */
export function dateAt(buf: Uint8Array, start: number, end: number, order: DateOrder | undefined): string | undefined {
  const day = dayNumberAt(buf, start, end, order);
  return day < 0 ? undefined : isoOfDayNumber(day);
}

const lower = (c: number) => (c >= 65 && c <= 90 ? c | 0x20 : c);
const words: [string, boolean][] = [
  ['true', true],
  ['yes', true],
  ['y', true],
  ['1', true],
  ['t', true],
  ['false', false],
  ['no', false],
  ['n', false],
  ['0', false],
  ['f', false],
];

/** A yes/no word in any case (`TRUE`, `no`, `Y`, `1`), as parseBoolean reads it; undefined otherwise. */
export function booleanAt(buf: Uint8Array, start: number, end: number): boolean | undefined {
  const n = end - start;
  if (n < 1 || n > 5) return undefined;
  next: for (const [word, value] of words) {
    if (word.length !== n) continue;
    for (let i = 0; i < n; i++) if (lower(buf[start + i]!) !== word.charCodeAt(i)) continue next;
    return value;
  }
  return undefined;
}

/**
 * Counts the field's bytes into a settled date profile (`settledForDays`) when they are a plain
 * valid day, `YYYY-MM-DD` or `A/B/YYYY` valid in the order observe tries; false (nothing counted)
 * otherwise, for `observe` to read the text.
 */
export function observeDayAt(p: ColumnProfile, buf: Uint8Array, from: number, to: number): boolean {
  const n = to - from;
  if (n === 10 && buf[from + 4] === 45 && buf[from + 7] === 45) {
    if (dateAt(buf, from, to, undefined) === undefined) return false;
    observeSettledDay(p, n);
    return true;
  }
  if (n < 8 || n > 10 || !isDigit(buf[from]!)) return false;
  // The two numbers as plainNumericDate reads them (dateAt checks the rest of the form).
  let i = from;
  let a = 0;
  for (; i < from + 2 && isDigit(buf[i]!); i++) a = a * 10 + buf[i]! - 48;
  let b = 0;
  const bStart = ++i;
  for (; i - bStart < 2 && isDigit(buf[i]!); i++) b = b * 10 + buf[i]! - 48;
  if (dateAt(buf, from, to, a > 12 ? 'DMY' : 'MDY') === undefined) return false;
  observeSettledDay(p, n, a, b);
  return true;
}
