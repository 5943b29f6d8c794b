// Parsing one cell into a typed value. Every parser returns `undefined` for "not this type" so
// the caller can report the raw value with a reason; nothing is coerced silently.

export const nullTokens = new Set(['', 'null', 'NULL', 'Null', '#N/A', 'N/A', 'n/a', 'NaN', 'nan', 'None', '(blank)']);

/** Blank or a spreadsheet/database null marker (only for typed columns: text keeps "N/A"). */
export function isNullText(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  // Hot path (millions of cells): most values start and end with a visible character.
  if (text.charCodeAt(0) > 32 && text.charCodeAt(n - 1) > 32) return n <= 8 && nullTokens.has(text);
  return nullTokens.has(text.trim()) || (n < 64 && text.trim() === '');
}

const currencyPrefix = /^(?:[$€£¥₹]|USD|EUR|GBP|JPY|CAD|AUD|CHF|INR|US\$|C\$|A\$)\s?/i;
const currencySuffix = /\s?(?:[$€£¥₹]|USD|EUR|GBP|JPY|CAD|AUD|CHF|INR)$/i;
const plainNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const groupedNumber = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export interface ParsedNumber {
  value: number;
  /** Written with a % sign (already divided by 100). */
  percent: boolean;
}

/** `1,234.5`, `$1,200`, `(1,200)`, `-3`, `85%`, `1.2e3`, `EUR 40`, `12 USD`. */
export function parseNumber(raw: string): ParsedNumber | undefined {
  // Hot path: a plain number needs none of the currency, sign and grouping handling below.
  if (plainNumber.test(raw)) {
    const value = Number(raw);
    return Number.isFinite(value) ? { value, percent: false } : undefined;
  }
  // Next hottest (CRM amounts): `1,234,567.89` as it stands, which the steps below would also reach.
  if (groupedNumber.test(raw)) {
    const value = Number(raw.replaceAll(',', ''));
    return Number.isFinite(value) ? { value, percent: false } : undefined;
  }
  let text = raw.trim();
  if (text === '') return undefined;
  let negative = false;
  if (text.length > 2 && text.charCodeAt(0) === 40 /* ( */ && text.charCodeAt(text.length - 1) === 41 /* ) */) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-') && currencyPrefix.test(text.slice(1))) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(currencyPrefix, '').replace(currencySuffix, '');
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trimEnd();
  }
  let value: number;
  if (plainNumber.test(text)) value = Number(text);
  else if (groupedNumber.test(text)) value = Number(text.replaceAll(',', ''));
  else return undefined;
  if (!Number.isFinite(value)) return undefined;
  if (negative) value = -value;
  if (percent) value = value / 100;
  return { value, percent };
}

const trueWords = new Set(['true', 'yes', 'y', '1', 't']);
const falseWords = new Set(['false', 'no', 'n', '0', 'f']);

export function parseBoolean(raw: string): boolean | undefined {
  const text = raw.trim().toLowerCase();
  if (trueWords.has(text)) return true;
  if (falseWords.has(text)) return false;
  return undefined;
}

// ---- dates -----------------------------------------------------------------------------------

export type DateOrder = 'DMY' | 'MDY';

export interface ParsedDate {
  /** ISO date `YYYY-MM-DD` as written (no time-zone shift: the day the export shows). */
  date: string;
  /** ISO date-time when the value carried a time; offsets are kept as written. */
  dateTime: string | null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number) => String(n).padStart(4, '0');

export function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    m - 1
  ]!;
  return d <= days;
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (the POSIX convention). */
export const expandYear = (y: number, digits: number) => (digits > 2 ? y : y < 70 ? 2000 + y : 1900 + y);

const isoDate =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const numericDate =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$/;
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const namedDayFirst = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]+(\d{4})$/;
const namedMonthFirst = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;

function time(h: number, min: number, s: number, fraction = ''): string | undefined {
  if (h > 23 || min > 59 || s > 59) return undefined;
  return `${pad2(h)}:${pad2(min)}:${pad2(s)}${fraction}`;
}

function build(y: number, m: number, d: number, clock?: string, offset?: string): ParsedDate | undefined {
  if (!isValidDay(y, m, d)) return undefined;
  const date = `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
  if (clock === undefined) return { date, dateTime: null };
  const zone = !offset
    ? ''
    : offset === 'Z'
      ? 'Z'
      : offset.includes(':')
        ? offset
        : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return { date, dateTime: `${date}T${clock}${zone}` };
}

function monthOf(name: string): number {
  const at = months.indexOf(name.slice(0, 3).toLowerCase());
  return at === -1 || (name.length > 3 && !new RegExp(`^${months[at]}`, 'i').test(name)) ? 0 : at + 1;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Hot path for the shapes millions of cells have, `A/B/YYYY` (separator `/`, `.` or `-`, A and B of
 * one or two digits): [a, b, year], or undefined for anything else, which the regexes then read.
 */
export function plainNumericDate(s: string): [number, number, number] | undefined {
  const n = s.length;
  if (n < 8 || n > 10) return undefined;
  let i = 0;
  let a = 0;
  for (; i < 2 && isDigit(s.charCodeAt(i)); i++) a = a * 10 + s.charCodeAt(i) - 48;
  if (i === 0) return undefined;
  const separator = s.charCodeAt(i);
  if (separator !== 47 && separator !== 46 && separator !== 45) return undefined;
  const bStart = ++i;
  let b = 0;
  for (; i - bStart < 2 && isDigit(s.charCodeAt(i)); i++) b = b * 10 + s.charCodeAt(i) - 48;
  if (i === bStart || s.charCodeAt(i) !== separator || n - ++i !== 4) return undefined;
  let year = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    year = year * 10 + c - 48;
  }
  return [a, b, year];
}

/** Hot path for `YYYY-MM-DD`: [year, month, day], or undefined for anything else. */
export function plainIsoDate(s: string): [number, number, number] | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    if (i < 4) y = y * 10 + c - 48;
    else if (i < 7) m = m * 10 + c - 48;
    else d = d * 10 + c - 48;
  }
  return [y, m, d];
}

/** The two leading numbers of a `A/B/Y` date, to decide the column's day/month order. */
export function numericDateParts(raw: string): { a: number; b: number } | undefined {
  const plain = plainNumericDate(raw);
  if (plain) return { a: plain[0], b: plain[1] };
  const m = numericDate.exec(raw.trim());
  return m ? { a: Number(m[1]), b: Number(m[3]) } : undefined;
}

/** `YYYY-MM-DD` for a valid day, else undefined: what parseDate gives for a date without a time. */
export const isoDay = (y: number, m: number, d: number): string | undefined =>
  isValidDay(y, m, d) ? `${pad4(y)}-${pad2(m)}-${pad2(d)}` : undefined;

/** The order an `A/B/Y` date is read in: the column's, or the only one its numbers allow. */
export const resolveOrder = (a: number, b: number, order: DateOrder | undefined): DateOrder | undefined =>
  order ?? (a > 12 ? 'DMY' : b > 12 ? 'MDY' : a === b ? 'MDY' : undefined);

/**
 * ISO dates and date-times (with offsets), `A/B/YYYY` or `A/B/YY` (order given by the column),
 * optional `hh:mm[:ss] [AM|PM]`, `5 Jan 2024`, `Jan 5, 2024`. `order` undefined accepts only
 * unambiguous forms.
 */
export function parseDate(raw: string, order?: DateOrder): ParsedDate | undefined {
  const iso = plainIsoDate(raw);
  if (iso) return build(iso[0], iso[1], iso[2]);
  const plain = plainNumericDate(raw);
  if (plain) {
    const [a, b, year] = plain;
    const resolved = resolveOrder(a, b, order);
    if (!resolved) return undefined;
    return resolved === 'MDY' ? build(year, a, b) : build(year, b, a);
  }
  const text = raw.trim();
  let m = isoDate.exec(text);
  if (m) {
    const clock = m[4] === undefined ? undefined : time(Number(m[4]), Number(m[5]), Number(m[6] ?? 0), m[7] ?? '');
    if (m[4] !== undefined && clock === undefined) return undefined;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), clock, m[8]);
  }
  m = numericDate.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const resolved = resolveOrder(a, b, order);
    if (!resolved) return undefined;
    const [month, day] = resolved === 'MDY' ? [a, b] : [b, a];
    const year = expandYear(Number(m[4]), m[4]!.length);
    let clock: string | undefined;
    if (m[5] !== undefined) {
      let h = Number(m[5]);
      const meridiem = m[8]?.toLowerCase();
      if (meridiem) {
        if (h < 1 || h > 12) return undefined;
        h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
      }
      clock = time(h, Number(m[6]), Number(m[7] ?? 0));
      if (clock === undefined) return undefined;
    }
    return build(year, month, day, clock);
  }
  m = namedDayFirst.exec(text);
  if (m) return build(Number(m[3]), monthOf(m[2]!), Number(m[1]));
  m = namedMonthFirst.exec(text);
  if (m) return build(Number(m[3]), monthOf(m[1]!), Number(m[2]));
  return undefined;
}

/** Excel's 1900 date system (with its phantom 29 Feb 1900): serial 45000 is 2023-03-15. */
export function excelSerialToDate(serial: number): ParsedDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  const days = Math.floor(serial) - (serial >= 61 ? 25569 : 25568);
  const ms = days * 86_400_000 + Math.round((serial - Math.floor(serial)) * 86_400) * 1000;
  const iso = new Date(ms).toISOString();
  const date = iso.slice(0, 10);
  return { date, dateTime: serial === Math.floor(serial) ? null : iso.slice(0, 19) };
}

/** Serials that are plausibly dates (1954–2119) when a whole numeric column is mapped to a date. */
export const plausibleExcelSerial = (n: number) => Number.isInteger(n) && n >= 20_000 && n <= 80_000;
