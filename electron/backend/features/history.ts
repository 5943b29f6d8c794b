// What the workspace knows about time, as of a date: the grain of accounts without rows, and for
// each per-period input the first period that has a value. A window reaching back before the
// history of its inputs is missing, and a count is zero only within its history — a count never
// imported stays missing instead of becoming a column of zeros. Everything here reads rows
// starting on or before the as-of date only, so scoring the past equals scoring a truncated copy.
import { isoToDay } from '#shared/dates';
import { noHistory, type HistoryStart } from '#shared/expr/window';
import { periodOfDay, type PeriodGrain } from '#shared/periods/calendar';
import type { Db } from '../store/sqlite';
import type { PeriodInput } from './periods';
import { customPath } from './custom-fields';

export interface WorkspaceHistory {
  /**
   * The grain of accounts without a row on or before the date. Asked for only when a chunk of
   * accounts has one: it reads every row of the latest period (a second at a million accounts).
   */
  defaultGrain: () => PeriodGrain;
  /** The first period of any row (account-level values inside windows start there). */
  any: HistoryStart;
  /** Per input id: the first period with a value (counts), or `any` (snapshots). */
  byInput: Map<string, HistoryStart>;
}

const startOf = (iso: string | null | undefined): HistoryStart =>
  iso
    ? { week: periodOfDay('week', isoToDay(iso)), month: periodOfDay('month', isoToDay(iso.slice(0, 10))) }
    : noHistory;

/** The later of two history starts, per grain. */
export const laterStart = (a: HistoryStart, b: HistoryStart): HistoryStart => ({
  week: Math.max(a.week, b.week),
  month: Math.max(a.month, b.month),
});

export function readHistory(db: Db, inputs: readonly PeriodInput[], asOf: string): WorkspaceHistory {
  const first = db.prepare('SELECT min(period_start) FROM periods WHERE period_start <= ?').pluck().get(asOf) as
    string | null;
  // Months when any of the latest rows is monthly: a rule the whole-model SQL can follow (not "whichever row comes first").
  let grain: PeriodGrain | undefined;
  const defaultGrain = () => {
    if (grain) return grain;
    const latestMonthly = db
      .prepare(
        `SELECT max(grain = 'month') FROM periods
         WHERE period_start = (SELECT max(period_start) FROM periods WHERE period_start <= ?)`,
      )
      .pluck()
      .get(asOf) as number | null;
    return (grain = latestMonthly === 1 ? 'month' : 'week');
  };
  const any = startOf(first);
  const byInput = new Map<string, HistoryStart>();
  for (const input of inputs) {
    if (input.fill === 'missing' || !first) {
      byInput.set(input.id, any);
      continue;
    }
    // The period index walks dates in order and stops at the first row with a value.
    const value = 'column' in input.source ? `"${input.source.column}"` : 'json_extract(custom, ?)';
    const params = 'column' in input.source ? [asOf] : [customPath(input.source.customKey), asOf];
    const since = db
      .prepare(
        `SELECT period_start FROM periods INDEXED BY periods_by_start
         WHERE ${value} IS NOT NULL AND period_start <= ? ORDER BY period_start LIMIT 1`,
      )
      .pluck()
      .get(...params) as string | undefined;
    byInput.set(input.id, startOf(since));
  }
  return { defaultGrain, any, byInput };
}
