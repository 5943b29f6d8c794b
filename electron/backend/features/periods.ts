// Loads the period series of a range of accounts (periods starting on or before the as-of date)
// into the row layout window functions read: rows grouped by account, oldest first.
import type { PeriodLayout } from '#shared/expr/window';
import type { Db } from '../store/sqlite';

export interface PeriodChunk {
  layout: PeriodLayout;
  columns: Map<string, Float64Array>;
}

const epochJulianDay = 2440587.5;

function growable(initial: number) {
  let data = new Float64Array(initial);
  let length = 0;
  return {
    push(v: number) {
      if (length === data.length) {
        const bigger = new Float64Array(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[length++] = v;
    },
    finish: () => data.subarray(0, length),
  };
}

export function loadPeriodChunk(
  db: Db,
  keys: Int32Array,
  from: number,
  to: number,
  metricIds: readonly string[],
  asOf: string,
  asOfDay: number,
): PeriodChunk {
  const accounts = to - from;
  const offsets = new Int32Array(accounts + 1);
  const estimate = Math.max(16, accounts * 16);
  const days = growable(estimate);
  const values = metricIds.map(() => growable(estimate));
  const columns = metricIds.map((id) => `"${id}"`).join(', ');
  const rows = db
    .prepare(
      `SELECT account_key, CAST(julianday(period_start) - ${epochJulianDay} AS INTEGER)${columns ? `, ${columns}` : ''}
       FROM periods WHERE account_key BETWEEN ? AND ? AND period_start <= ? ORDER BY account_key, period_start`,
    )
    .raw()
    .iterate(keys[from], keys[to - 1], asOf) as IterableIterator<unknown[]>;
  let a = 0; // position within the chunk; keys are sorted like the rows
  let count = 0;
  for (const row of rows) {
    const key = row[0] as number;
    while (a < accounts && keys[from + a]! < key) offsets[++a] = count;
    if (a >= accounts || keys[from + a] !== key) continue; // a period of an account not in the table
    days.push(row[1] as number);
    for (let m = 0; m < values.length; m++) {
      const v = row[2 + m];
      values[m]!.push(typeof v === 'number' ? v : NaN);
    }
    count++;
  }
  while (a < accounts) offsets[++a] = count;
  return {
    layout: { accounts, offsets, days: Int32Array.from(days.finish()), asOfDay },
    columns: new Map(metricIds.map((id, m) => [id, values[m]!.finish()])),
  };
}
