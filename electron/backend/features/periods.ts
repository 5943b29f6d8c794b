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

export function loadPeriodChunk(
  db: Db,
  keys: Int32Array,
  from: number,
  to: number,
  inputs: readonly PeriodInput[],
  { asOf, asOfDay, defaultGrain }: ChunkOptions,
): PeriodChunk {
  const accounts = to - from;
  const offsets = new Int32Array(accounts + 1);
  const grain = new Uint8Array(accounts).fill(grainCode[defaultGrain]);
  const estimate = Math.max(16, accounts * 16);
  const periods = growable((n) => new Int32Array(n), estimate);
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

  let a = -1; // position of the account whose rows are being read; keys are sorted like the rows
  let first = 0; // its first row
  let lastGrain = 0;
  /** Numbers the rows of account `a` by calendar period in its grain (that of its latest row), merging duplicates. */
  const finishAccount = () => {
    if (a < 0) return;
    const end = periods.length;
    if (end === first) return;
    grain[a] = lastGrain;
    const g: PeriodGrain = lastGrain === grainCode.month ? 'month' : 'week';
    const p = periods.data;
    let w = first;
    for (let r = first; r < end; r++) {
      const period = periodOfDay(g, p[r]!);
      if (w > first && p[w - 1] === period) {
        for (let m = 0; m < values.length; m++) {
          const column = values[m]!.data;
          const v = column[r]!;
          if (!isSet(v)) continue;
          column[w - 1] = zero[m] ? column[w - 1]! + v : v;
        }
        continue;
      }
      p[w] = period;
      if (w !== r) for (const column of values) column.data[w] = column.data[r]!;
      w++;
    }
    periods.length = w;
    for (const column of values) column.length = w;
  };
  const advanceTo = (target: number) => {
    while (a < target) {
      finishAccount();
      a++;
      offsets[a] = periods.length;
      first = periods.length;
    }
  };

  const inputCount = values.length;
  for (const row of rows) {
    const key = row[0] as number;
    if (a < 0 || keys[from + a] !== key) {
      let target = a < 0 ? 0 : a;
      while (target < accounts && keys[from + target]! < key) target++;
      if (target >= accounts) break;
      advanceTo(target);
      if (keys[from + target] !== key) continue; // a period of an account not in the table: skipped
    }
    const dayAndGrain = row[1] as number;
    // Arithmetic shift and mask split it back, negative days (before 1970) included.
    periods.push(dayAndGrain >> 1);
    lastGrain = dayAndGrain & 1;
    for (let m = 0; m < inputCount; m++) {
      const v = row[2 + m];
      // Within the metric's history, a count with no value is zero (windows never read before it).
      values[m]!.push(typeof v === 'number' ? v : zero[m] ? 0 : NaN);
    }
  }
  advanceTo(accounts - 1);
  finishAccount();
  const total = periods.length;
  offsets[accounts] = total;

  const columns = new Map<string, Float64Array>();
  inputs.forEach((input, m) => {
    const column = new Float64Array(total + accounts);
    column.set(values[m]!.data.subarray(0, total));
    column.fill(zero[m] ? 0 : NaN, total);
    columns.set(input.id, column);
  });
  return {
    layout: {
      accounts,
      offsets,
      periods: periods.data.slice(0, total),
      grain,
      current: { week: periodOfDay('week', asOfDay), month: periodOfDay('month', asOfDay) },
      asOfDay,
    },
    columns,
  };
}
