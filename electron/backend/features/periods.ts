// Loads the period series of a range of accounts (periods starting on or before the as-of date)
// into the calendar layout window functions read (shared/expr/window.ts): each account's rows,
// oldest first, numbered by calendar period in the account's grain, at most one row per period.
// Rows of one calendar period (day rows, or weeks not starting on Monday) are merged: counts add
// up, snapshots keep the latest value. After the rows come one "gap" value per account, the fill of
// a period without a row: 0 for counts, missing for snapshots.
import type { FillRule } from '#shared/domain/period-metrics';
import type { PeriodLayout } from '#shared/expr/window';
import { grainCode, periodOfDay, type PeriodGrain } from '#shared/periods/calendar';
import type { Db } from '../store/sqlite';
import { customPath } from './custom-fields';
import { isSet } from '#shared/missing';
import { readRowsByCallback, rowsOutOfOrder } from './row-callback';

/** One per-period input: a canonical column or a key of periods.custom. */
export interface PeriodInput {
  /** The name expressions use for it. */
  id: string;
  /** A canonical column of the periods table, or a key of its `custom` JSON. */
  source: { column: string } | { customKey: string };
  fill: FillRule;
}

export interface PeriodChunk {
  layout: PeriodLayout;
  /** Per input: one value per row, then one gap value per account (NaN = missing). */
  columns: Map<string, Float64Array>;
}

const epochJulianDay = 2440587.5;

const selectOf = (input: PeriodInput) =>
  'column' in input.source ? `"${input.source.column}"` : `json_extract(custom, ?)`;

export interface ChunkOptions {
  asOf: string;
  asOfDay: number;
  /** The grain of accounts that have no row on or before the as-of date (asked only when a chunk has one). */
  defaultGrain: PeriodGrain | (() => PeriodGrain);
}

/**
 * The raw period rows of accounts [from, to) starting on or before a date, oldest first per
 * account, before any merging: calibration reads them once up to its latest as-of date and lays
 * them out for each earlier date (layoutPeriodRows keeps the rows on or before it).
 */
export interface PeriodRows {
  accounts: number;
  /** Rows of account a: offsets[a] … offsets[a + 1] − 1. */
  offsets: Int32Array;
  /** The day each row's period starts. */
  days: Int32Array;
  /** 1 when the row is a month, 0 a week. */
  month: Uint8Array;
  /** Per input, one value per row (a count with no value is 0, a snapshot NaN). */
  values: Float64Array[];
}

/** How the rows are read: `auto` takes the fast path and falls back by itself (tests pin one). */
export type PeriodReadPath = 'auto' | 'rows' | 'callback';

export function readPeriodRows(
  db: Db,
  keys: Int32Array,
  from: number,
  to: number,
  inputs: readonly PeriodInput[],
  asOf: string,
  path: PeriodReadPath = 'auto',
): PeriodRows {
  if (path !== 'rows') {
    const rows = readRows(db, keys, from, to, inputs, asOf, 'callback');
    if (rows) return rows;
    if (path === 'callback') throw new Error('The period rows did not arrive in key order.');
  }
  return readRows(db, keys, from, to, inputs, asOf, 'rows')!;
}

/** The rows, or null when the callback path saw them out of (key, day) order (then the row path is used). */
function readRows(
  db: Db,
  keys: Int32Array,
  from: number,
  to: number,
  inputs: readonly PeriodInput[],
  asOf: string,
  path: 'rows' | 'callback',
): PeriodRows | null {
  const accounts = to - from;
  const offsets = new Int32Array(accounts + 1);
  const inputCount = inputs.length;
  // Rows go straight into typed arrays, doubled when full: on the hot path of every feature build.
  let capacity = Math.max(16, accounts * 16);
  let length = 0;
  let days = new Int32Array(capacity);
  let month = new Uint8Array(capacity);
  const values = inputs.map(() => new Float64Array(capacity));
  // Within the metric's history, a count with no value is zero (windows never read before it).
  const fillOf = Float64Array.from(inputs, (i) => (i.fill === 'zero' ? 0 : NaN));
  let a = 0; // position of the account whose rows are being read; keys are sorted like the rows
  const grow = () => {
    // Sized from the rows per account so far (a year of weeks fills the first guess a third of the way
    // in): usually the only copy, where doubling made two.
    const perAccount = length / Math.max(1, a + 1);
    capacity = Math.max(Math.ceil(capacity * 1.5), Math.ceil(perAccount * accounts * 1.1));
    const biggerDays = new Int32Array(capacity);
    biggerDays.set(days);
    days = biggerDays;
    const biggerMonth = new Uint8Array(capacity);
    biggerMonth.set(month);
    month = biggerMonth;
    for (let m = 0; m < inputCount; m++) {
      const column = new Float64Array(capacity);
      column.set(values[m]!);
      values[m] = column;
    }
  };
  const customParams = inputs.flatMap((i) => ('customKey' in i.source ? [customPath(i.source.customKey)] : []));
  const selected = inputs.map((i) => `, ${selectOf(i)}`).join('');
  // The day and the grain travel in one integer (day * 2 + 1 for a month row): one value fewer per
  // row to hand to JavaScript, on the hot path of every feature build.
  const dayAndGrain = `CAST(julianday(period_start) - ${epochJulianDay} AS INTEGER) * 2 + (grain = 'month')`;
  const params = [...customParams, keys[from], keys[to - 1], asOf];

  /** Takes one row [account_key, day and grain, ...inputs]; false once the rows have passed the chunk. */
  const accept = (row: ArrayLike<unknown>): boolean => {
    const key = row[0] as number;
    while (a < accounts && keys[from + a]! < key) offsets[++a] = length;
    if (a >= accounts) return false;
    if (keys[from + a] !== key) return true; // a period of an account not in the table: skipped
    if (length === capacity) grow();
    const packed = row[1] as number;
    // Arithmetic shift and mask split it back, negative days (before 1970) included.
    days[length] = packed >> 1;
    month[length] = packed & 1;
    for (let m = 0; m < inputCount; m++) {
      const v = row[2 + m];
      values[m]![length] = typeof v === 'number' ? v : fillOf[m]!;
    }
    length++;
    return true;
  };

  if (path === 'rows') {
    const rows = db
      .prepare(
        `SELECT account_key, ${dayAndGrain}${selected}
         FROM periods WHERE account_key BETWEEN ? AND ? AND period_start <= ? ORDER BY account_key, period_start`,
      )
      .raw()
      .iterate(...params) as IterableIterator<unknown[]>;
    for (const row of rows) if (!accept(row)) break;
  } else {
    // Rows must come in primary-key order: keys never go back and, within a key, days strictly
    // rise (two period_start texts naming one day, not canonical ISO dates, take the row path too).
    // The unary plus keeps the period_start index out of the plan, so the primary key is scanned.
    let lastKey = -Infinity;
    let lastDay = 0;
    let open = true;
    const inOrder = readRowsByCallback(
      db,
      (call) =>
        `SELECT count(${call}(account_key, ${dayAndGrain}${selected})) FROM periods
         WHERE account_key BETWEEN ? AND ? AND +period_start <= ?`,
      params,
      (row) => {
        if (!open) return;
        const key = row[0];
        const day = (row[1] as number) >> 1;
        if (typeof key !== 'number' || key < lastKey || (key === lastKey && day <= lastDay)) rowsOutOfOrder();
        lastKey = key;
        lastDay = day;
        open = accept(row);
      },
    );
    if (!inOrder) return null;
  }
  while (a < accounts) offsets[++a] = length;
  return {
    accounts,
    offsets,
    days: days.slice(0, length),
    month: month.slice(0, length),
    values: values.map((v) => v.slice(0, length)),
  };
}

/**
 * The calendar layout of the rows starting on or before `asOfDay` (see the top of this file). With
 * `rowDays` (arrays as long as raw.days), the first and last raw day merged into each laid-out row.
 */
export function layoutPeriodRows(
  raw: PeriodRows,
  inputs: readonly PeriodInput[],
  { asOfDay, defaultGrain }: Pick<ChunkOptions, 'asOfDay' | 'defaultGrain'>,
  rowDays?: { first: Int32Array; last: Int32Array },
): PeriodChunk {
  const { accounts } = raw;
  const offsets = new Int32Array(accounts + 1);
  const grain = new Uint8Array(accounts);
  const periods = new Int32Array(raw.days.length);
  const values = inputs.map(() => new Float64Array(raw.days.length));
  const zero = inputs.map((i) => i.fill === 'zero');
  let w = 0;
  for (let a = 0; a < accounts; a++) {
    offsets[a] = w;
    const first = raw.offsets[a]!;
    let end = first;
    while (end < raw.offsets[a + 1]! && raw.days[end]! <= asOfDay) end++;
    if (end === first) continue;
    // Numbered by calendar period in the account's grain (that of its latest row), duplicates merged.
    grain[a] = raw.month[end - 1] ? grainCode.month : grainCode.week;
    const g: PeriodGrain = grain[a] === grainCode.month ? 'month' : 'week';
    const start = w;
    for (let r = first; r < end; r++) {
      const period = periodOfDay(g, raw.days[r]!);
      if (w > start && periods[w - 1] === period) {
        if (rowDays) rowDays.last[w - 1] = raw.days[r]!;
        for (let m = 0; m < values.length; m++) {
          const v = raw.values[m]![r]!;
          if (!isSet(v)) continue;
          values[m]![w - 1] = zero[m] ? values[m]![w - 1]! + v : v;
        }
        continue;
      }
      periods[w] = period;
      if (rowDays) rowDays.first[w] = rowDays.last[w] = raw.days[r]!;
      for (let m = 0; m < values.length; m++) values[m]![w] = raw.values[m]![r]!;
      w++;
    }
  }
  offsets[accounts] = w;
  let fallback: number | undefined;
  for (let k = 0; k < accounts; k++) {
    if (offsets[k + 1] !== offsets[k]) continue;
    fallback ??= grainCode[typeof defaultGrain === 'function' ? defaultGrain() : defaultGrain];
    grain[k] = fallback;
  }

  const columns = new Map<string, Float64Array>();
  inputs.forEach((input, m) => {
    const column = new Float64Array(w + accounts);
    column.set(values[m]!.subarray(0, w));
    column.fill(zero[m] ? 0 : NaN, w);
    columns.set(input.id, column);
  });
  return {
    layout: {
      accounts,
      offsets,
      periods: periods.slice(0, w),
      grain,
      current: { week: periodOfDay('week', asOfDay), month: periodOfDay('month', asOfDay) },
      asOfDay,
    },
    columns,
  };
}

export function loadPeriodChunk(
  db: Db,
  keys: Int32Array,
  from: number,
  to: number,
  inputs: readonly PeriodInput[],
  options: ChunkOptions,
  path: PeriodReadPath = 'auto',
): PeriodChunk {
  return layoutPeriodRows(readPeriodRows(db, keys, from, to, inputs, options.asOf, path), inputs, options);
}
