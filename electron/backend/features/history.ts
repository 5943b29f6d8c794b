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
  return historyAcrossDates(db, inputs)(asOf);
}

/**
 * readHistory for many dates of one pack (calibration's backtests): the first row, and the first
 * row with a value per input, are found once over the whole table; the first of those on or before
 * a date is the global first when that is on or before it, else there is none — the same answers
 * as the per-date queries, without a walk of the period index per date.
 */
export function historyAcrossDates(db: Db, inputs: readonly PeriodInput[]): (asOf: string) => WorkspaceHistory {
  const first = db.prepare('SELECT min(period_start) FROM periods').pluck().get() as string | null;
  const sinceByInput = new Map<string, string | undefined>();
  for (const input of inputs) {
    if (input.fill === 'missing' || !first) continue;
    // The period index walks dates in order and stops at the first row with a value.
    const value = 'column' in input.source ? `"${input.source.column}"` : 'json_extract(custom, ?)';
    const params = 'column' in input.source ? [] : [customPath(input.source.customKey)];
    const since = db
      .prepare(
        `SELECT period_start FROM periods INDEXED BY periods_by_start
         WHERE ${value} IS NOT NULL ORDER BY period_start LIMIT 1`,
      )
      .pluck()
      .get(...params) as string | undefined;
    sinceByInput.set(input.id, since);
  }
  const latestGrain = latestGrainReader(db);
  return (asOf) => {
    const onOrBefore = (iso: string | null | undefined) => (iso && iso <= asOf ? iso : null);
    const firstByDate = onOrBefore(first);
    const any = startOf(firstByDate);
    const byInput = new Map<string, HistoryStart>();
    for (const input of inputs) {
      if (input.fill === 'missing' || !firstByDate) byInput.set(input.id, any);
      else byInput.set(input.id, startOf(onOrBefore(sinceByInput.get(input.id))));
    }
    let grain: PeriodGrain | undefined;
    const defaultGrain = () => (grain ??= latestGrain(asOf));
    return { defaultGrain, any, byInput };
  };
}

/**
 * The grain of accounts without a row on or before a date: months when any of the latest rows is
 * monthly (a rule the whole-model SQL can follow, not "whichever row comes first").
 */
export function latestGrainReader(db: Db): (asOf: string) => PeriodGrain {
  const latestMonthly = db
    .prepare(
      `SELECT max(grain = 'month') FROM periods
       WHERE period_start = (SELECT max(period_start) FROM periods WHERE period_start <= ?)`,
    )
    .pluck();
  return (asOf) => (latestMonthly.get(asOf) === 1 ? 'month' : 'week');
}
