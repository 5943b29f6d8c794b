// What the whole-model SQL needs from each engine beyond the scoring part's dialect: dates as day
// numbers, calendar period numbers (docs/ARCHITECTURE.md §3: weeks from Monday, months from the 1st,
// numbered like shared/periods/calendar.ts), integer division and remainder, the as-of
// date as a literal or a parameter, and a NULL-free GREATEST. Every function used here is on the
// dialect's allowed list (allowed-functions.ts), which the tests check the emitted SQL against.
import { dialects, doubleLiteral, type Dialect, type SqlDialect } from '../sql-dialect';

export interface RawDialect {
  d: Dialect;
  /** A DATE literal (SQLite keeps dates as ISO text). */
  date(iso: string): string;
  /** The as-of date read from a query parameter, and how to pass it. */
  asOfParam: { sql: string; how: string };
  /** Whole days since 1970-01-01 of a date. */
  dayNumber(date: string): string;
  /** year × 12 + month − 1 of a date. */
  monthNumber(date: string): string;
  /** The date `days` days before a date. */
  daysBefore(date: string, days: number): string;
  /** Integer division of integers that divide exactly. */
  exactDiv(a: string, b: number): string;
  mod(a: string, b: number): string;
  pow(a: string, b: string): string;
  /** The smaller / larger of values, none of them NULL (engines differ on NULL arguments). */
  least(...values: string[]): string;
  greatest(...values: string[]): string;
}

const standard = (d: Dialect) => ({
  d,
  date: (iso: string) => `DATE '${iso}'`,
  mod: (a: string, b: number) => `MOD(${a}, ${b})`,
  pow: (a: string, b: string) => `POWER(${a}, ${b})`,
  least: (...v: string[]) => `LEAST(${v.join(', ')})`,
  greatest: (...v: string[]) => `GREATEST(${v.join(', ')})`,
  monthNumber: (x: string) => `(YEAR(${x}) * 12 + MONTH(${x}) - 1)`,
});

export const rawDialects: Record<SqlDialect, RawDialect> = {
  sqlite: {
    ...standard(dialects.sqlite),
    date: (iso) => `'${iso}'`,
    asOfParam: { sql: 'date(:as_of)', how: 'bind the named parameter :as_of (YYYY-MM-DD text)' },
    dayNumber: (x) => `CAST(julianday(${x}) - 2440587.5 AS INTEGER)`,
    monthNumber: (x) => `(CAST(strftime('%Y', ${x}) AS INTEGER) * 12 + CAST(strftime('%m', ${x}) AS INTEGER) - 1)`,
    daysBefore: (x, n) => `date(${x}, '-${n} days')`,
    exactDiv: (a, b) => `(${a} / ${b})`,
    mod: (a, b) => `(${a} % ${b})`,
    pow: (a, b) => `pow(${a}, ${b})`,
    least: (...v) => `min(${v.join(', ')})`,
    greatest: (...v) => `max(${v.join(', ')})`,
  },
  postgres: {
    ...standard(dialects.postgres),
    asOfParam: {
      sql: 'CAST($1 AS DATE)',
      how: 'pass the as-of date as parameter $1 (PREPARE … (date), or your driver)',
    },
    dayNumber: (x) => `(${x} - DATE '1970-01-01')`,
    monthNumber: (x) =>
      `(CAST(EXTRACT(YEAR FROM ${x}) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM ${x}) AS INTEGER) - 1)`,
    daysBefore: (x, n) => `(${x} - ${n})`,
    exactDiv: (a, b) => `(${a} / ${b})`,
  },
  duckdb: {
    ...standard(dialects.duckdb),
    asOfParam: { sql: 'CAST($as_of AS DATE)', how: 'bind the named parameter $as_of' },
    dayNumber: (x) => `date_diff('day', DATE '1970-01-01', ${x})`,
    daysBefore: (x, n) => `CAST(${x} - INTERVAL ${n} DAY AS DATE)`,
    // `//` is DuckDB's integer division, but SQL parsers other than DuckDB's own do not know it.
    exactDiv: (a, b) => `CAST(${a} / ${b} AS BIGINT)`,
  },
  snowflake: {
    ...standard(dialects.snowflake),
    asOfParam: { sql: 'TO_DATE($as_of)', how: "set the session variable first: SET as_of = 'YYYY-MM-DD';" },
    dayNumber: (x) => `DATEDIFF(day, DATE '1970-01-01', ${x})`,
    daysBefore: (x, n) => `DATEADD(day, -${n}, ${x})`,
    exactDiv: (a, b) => `FLOOR(${a} / ${b})`,
  },
  bigquery: {
    ...standard(dialects.bigquery),
    asOfParam: { sql: 'CAST(@as_of AS DATE)', how: 'pass the named query parameter @as_of (DATE or YYYY-MM-DD)' },
    dayNumber: (x) => `UNIX_DATE(${x})`,
    monthNumber: (x) => `(EXTRACT(YEAR FROM ${x}) * 12 + EXTRACT(MONTH FROM ${x}) - 1)`,
    daysBefore: (x, n) => `DATE_SUB(${x}, INTERVAL ${n} DAY)`,
    exactDiv: (a, b) => `DIV(${a}, ${b})`,
    pow: (a, b) => `POW(${a}, ${b})`,
  },
  spark: {
    ...standard(dialects.spark),
    asOfParam: {
      sql: 'CAST(:as_of AS DATE)',
      how: 'pass the named parameter :as_of (spark.sql(query, args={"as_of": …}))',
    },
    dayNumber: (x) => `unix_date(${x})`,
    daysBefore: (x, n) => `date_sub(${x}, ${n})`,
    exactDiv: (a, b) => `(${a} DIV ${b})`,
  },
};

/** The calendar week (Monday start) of a day number: ⌊(day + 3) / 7⌋, exact for days before 1970 too. */
export function weekOfDay(r: RawDialect, day: string): string {
  const shifted = `(${day} + 3)`;
  return r.exactDiv(`(${shifted} - ${r.mod(`${r.mod(shifted, 7)} + 7`, 7)})`, 7);
}

/** A value as the dialect's double. */
export const asDouble = (r: RawDialect, sql: string) => `CAST(${sql} AS ${r.d.double})`;

export const num = (r: RawDialect, value: number) => doubleLiteral(r.d, value);
