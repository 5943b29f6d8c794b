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

/** How a chunk's rows are read: `auto` takes the fast path and falls back by itself (tests pin one). */
export type PeriodReadPath = 'auto' | 'rows' | 'callback';

export function loadPeriodChunk(
  db: Db,
  keys: Int32Array,
  from: number,
  to: number,
  inputs: readonly PeriodInput[],
  options: ChunkOptions,
  path: PeriodReadPath = 'auto',
): PeriodChunk {
  if (path !== 'rows') {
    const chunk = readChunk(db, keys, from, to, inputs, options, 'callback');
    if (chunk) return chunk;
    if (path === 'callback') throw new Error('The period rows did not arrive in key order.');
  }
  return readChunk(db, keys, from, to, inputs, options, 'rows')!;
}

/** The chunk, or null when the callback path saw rows out of (key, day) order (then the row path is used). */
function readChunk(
  db: Db,
  keys: Int32Array,
  from: number,
  to: number,
  inputs: readonly PeriodInput[],
  { asOf, asOfDay, defaultGrain }: ChunkOptions,
  path: 'rows' | 'callback',
): PeriodChunk | null {
  const accounts = to - from;
  const offsets = new Int32Array(accounts + 1);
  const grain = new Uint8Array(accounts);
  const inputCount = inputs.length;
  // Rows go straight into typed arrays, doubled when full: on the hot path of every feature build.
  let capacity = Math.max(16, accounts * 16);
  let length = 0;
  let periods = new Int32Array(capacity);
  const values = inputs.map(() => new Float64Array(capacity));
  const zero = inputs.map((i) => i.fill === 'zero');
  // Within the metric's history, a count with no value is zero (windows never read before it).
  const fillOf = Float64Array.from(zero, (z) => (z ? 0 : NaN));
  const grow = () => {
    capacity *= 2;
    const bigger = new Int32Array(capacity);
    bigger.set(periods);
    periods = bigger;
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

  let a = -1; // position of the account whose rows are being read; keys are sorted like the rows
  let first = 0; // its first row
  let lastGrain = 0;
  /** Numbers the rows of account `a` by calendar period in its grain (that of its latest row), merging duplicates. */
  const finishAccount = () => {
    if (a < 0 || length === first) return;
    grain[a] = lastGrain;
    const month = lastGrain === grainCode.month;
    const p = periods;
    let w = first;
    for (let r = first; r < length; r++) {
      const period = month ? periodOfDay('month', p[r]!) : periodOfDay('week', p[r]!);
      if (w > first && p[w - 1] === period) {
        for (let m = 0; m < inputCount; m++) {
          const column = values[m]!;
          const v = column[r]!;
          if (!isSet(v)) continue;
          column[w - 1] = zero[m] ? column[w - 1]! + v : v;
        }
        continue;
      }
      p[w] = period;
      if (w !== r) for (let m = 0; m < inputCount; m++) values[m]![w] = values[m]![r]!;
      w++;
    }
    length = w;
  };
  const advanceTo = (target: number) => {
    while (a < target) {
      finishAccount();
      a++;
      offsets[a] = length;
      first = length;
    }
  };

  /** Takes one row [account_key, day and grain, ...inputs]; false once the rows have passed the chunk. */
  const accept = (row: ArrayLike<unknown>): boolean => {
    const key = row[0] as number;
    if (a < 0 || keys[from + a] !== key) {
      let target = a < 0 ? 0 : a;
      while (target < accounts && keys[from + target]! < key) target++;
      if (target >= accounts) return false;
      advanceTo(target);
      if (keys[from + target] !== key) return true; // a period of an account not in the table: skipped
    }
    if (length === capacity) grow();
    const packed = row[1] as number;
    // Arithmetic shift and mask split it back, negative days (before 1970) included.
    periods[length] = packed >> 1;
    lastGrain = packed & 1;
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

  advanceTo(accounts - 1);
  finishAccount();
  const total = length;
  offsets[accounts] = total;
  let fallback: number | undefined;
  for (let k = 0; k < accounts; k++) {
    if (offsets[k + 1] !== offsets[k]) continue;
    fallback ??= grainCode[typeof defaultGrain === 'function' ? defaultGrain() : defaultGrain];
    grain[k] = fallback;
  }

  const columns = new Map<string, Float64Array>();
  inputs.forEach((input, m) => {
    const column = new Float64Array(total + accounts);
    column.set(values[m]!.subarray(0, total));
    column.fill(fillOf[m]!, total);
    columns.set(input.id, column);
  });
  return {
    layout: {
      accounts,
      offsets,
      periods: periods.slice(0, total),
      grain,
      current: { week: periodOfDay('week', asOfDay), month: periodOfDay('month', asOfDay) },
      asOfDay,
    },
    columns,
  };
}
