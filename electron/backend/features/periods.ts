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

function growable<T extends Float64Array | Int32Array>(make: (n: number) => T, initial: number) {
  let data = make(initial);
  let length = 0;
  return {
    push(v: number) {
      if (length === data.length) {
        const bigger = make(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[length++] = v;
    },
    get length() {
      return length;
    },
    set length(n: number) {
      length = n;
    },
    get data() {
      return data;
    },
  };
}

const selectOf = (input: PeriodInput) =>
  'column' in input.source ? `"${input.source.column}"` : `json_extract(custom, ?)`;

export interface ChunkOptions {
  asOf: string;
  asOfDay: number;
  /** The grain of accounts that have no row on or before the as-of date. */
  defaultGrain: PeriodGrain;
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

export function readPeriodRows(
  db: Db,
  keys: Int32Array,
  from: number,
  to: number,
  inputs: readonly PeriodInput[],
  asOf: string,
): PeriodRows {
  const accounts = to - from;
  const offsets = new Int32Array(accounts + 1);
  const estimate = Math.max(16, accounts * 16);
  const days = growable((n) => new Int32Array(n), estimate);
  const month = growable((n) => new Int32Array(n), estimate);
  const values = inputs.map(() => growable((n) => new Float64Array(n), estimate));
  const zero = inputs.map((i) => i.fill === 'zero');
  const customParams = inputs.flatMap((i) => ('customKey' in i.source ? [customPath(i.source.customKey)] : []));
  const selected = inputs.map((i) => `, ${selectOf(i)}`).join('');
  const rows = db
    .prepare(
      // The day and the grain travel in one integer (day * 2 + 1 for a month row): one value fewer
      // per row to hand to JavaScript, on the hot path of every feature build.
      `SELECT account_key, CAST(julianday(period_start) - ${epochJulianDay} AS INTEGER) * 2 + (grain = 'month')${selected}
       FROM periods WHERE account_key BETWEEN ? AND ? AND period_start <= ? ORDER BY account_key, period_start`,
    )
    .raw()
    .iterate(...customParams, keys[from], keys[to - 1], asOf) as IterableIterator<unknown[]>;

  let a = 0; // position of the account whose rows are being read; keys are sorted like the rows
  const inputCount = values.length;
  for (const row of rows) {
    const key = row[0] as number;
    while (a < accounts && keys[from + a]! < key) offsets[++a] = days.length;
    if (a >= accounts) break;
    if (keys[from + a] !== key) continue; // a period of an account not in the table: skipped
    const dayAndGrain = row[1] as number;
    // Arithmetic shift and mask split it back, negative days (before 1970) included.
    days.push(dayAndGrain >> 1);
    month.push(dayAndGrain & 1);
    for (let m = 0; m < inputCount; m++) {
      const v = row[2 + m];
      // Within the metric's history, a count with no value is zero (windows never read before it).
      values[m]!.push(typeof v === 'number' ? v : zero[m] ? 0 : NaN);
    }
  }
  while (a < accounts) offsets[++a] = days.length;
  const total = days.length;
  return {
    accounts,
    offsets,
    days: days.data.slice(0, total),
    month: Uint8Array.from(month.data.subarray(0, total)),
    values: values.map((v) => v.data.slice(0, total)),
  };
}

/** The calendar layout of the rows starting on or before `asOfDay` (see the top of this file). */
export function layoutPeriodRows(
  raw: PeriodRows,
  inputs: readonly PeriodInput[],
  { asOfDay, defaultGrain }: Pick<ChunkOptions, 'asOfDay' | 'defaultGrain'>,
): PeriodChunk {
  const { accounts } = raw;
  const offsets = new Int32Array(accounts + 1);
  const grain = new Uint8Array(accounts).fill(grainCode[defaultGrain]);
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
        for (let m = 0; m < values.length; m++) {
          const v = raw.values[m]![r]!;
          if (!isSet(v)) continue;
          values[m]![w - 1] = zero[m] ? values[m]![w - 1]! + v : v;
        }
        continue;
      }
      periods[w] = period;
      for (let m = 0; m < values.length; m++) values[m]![w] = raw.values[m]![r]!;
      w++;
    }
  }
  offsets[accounts] = w;

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
): PeriodChunk {
  return layoutPeriodRows(readPeriodRows(db, keys, from, to, inputs, options.asOf), inputs, options);
}
