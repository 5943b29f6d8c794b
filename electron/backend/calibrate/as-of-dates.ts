// Which as-of dates a calibration uses: the dates asked for; or every N days / weeks / months
// counted back from the last date whose horizon the data cover, down to the first outcome; or,
// by default, that last date alone. Computed dates end a calendar period (a Sunday for weekly
// data, a month's last day for monthly): features as of T count every row of the period
// containing T, so a date inside a week would see that week's rows after it — data from the
// outcome window.
import { LadderError } from '#shared/api/result';
import { addDays, dayToIso, isIsoDate, isoToDay } from '#shared/dates';
import { periodOfDay, periodStartDay, type PeriodGrain } from '#shared/periods/calendar';
import type { Db } from '../store/sqlite';

export const defaultHorizonDays = 90;
export const maxAsOfDates = 60;

export interface DataRange {
  firstPeriod: string | null;
  /** The latest date the workspace has data for: its last period or last outcome close. */
  dataEnd: string | null;
  /** The grain of the latest period row (weeks when there are none). */
  grain: PeriodGrain;
}

export function dataRange(db: Db, closeRange: [string, string] | null): DataRange {
  // Two statements: SQLite answers a lone min() or max() from the period_start index in a step, but
  // min() and max() together scan the whole index (0.7 s at 5 million period rows).
  const bound = (fn: 'min' | 'max') =>
    (db.prepare(`SELECT ${fn}(period_start) FROM periods`).pluck().get() as string | null) ?? null;
  const row = { first: bound('min'), last: bound('max') };
  const latestGrain = db.prepare('SELECT grain FROM periods ORDER BY period_start DESC LIMIT 1').pluck().get();
  const ends = [row.last, closeRange?.[1] ?? null].filter((d): d is string => d !== null).sort();
  return {
    firstPeriod: row.first,
    dataEnd: ends[ends.length - 1] ?? null,
    grain: latestGrain === 'month' ? 'month' : 'week',
  };
}

/** Whether a date is the last day of its calendar period. */
export function endsPeriod(grain: PeriodGrain, iso: string): boolean {
  const day = isoToDay(iso);
  return periodStartDay(grain, periodOfDay(grain, day) + 1) === day + 1;
}

/** The date itself if it ends its calendar period, else the last day of the period before. */
export function lastPeriodEnd(grain: PeriodGrain, iso: string): string {
  if (endsPeriod(grain, iso)) return iso;
  return dayToIso(periodStartDay(grain, periodOfDay(grain, isoToDay(iso))) - 1);
}

/** "4w", "28d", "1m" → days. */
export function parseEvery(every: string): number {
  const match = /^(\d{1,3})([dwm])$/.exec(every.trim());
  if (!match || Number(match[1]) === 0)
    throw new LadderError('bad_request', `"${every}" is not an interval; use a number and d, w or m (e.g. 4w).`);
  const n = Number(match[1]);
  return match[2] === 'd' ? n : match[2] === 'w' ? 7 * n : 30 * n;
}

export function resolveAsOfDates(
  options: { asOf?: readonly string[]; every?: string; horizonDays: number },
  range: DataRange,
  closeRange: [string, string] | null,
): string[] {
  if (options.asOf && options.asOf.length > 0) {
    for (const d of options.asOf)
      if (!isIsoDate(d)) throw new LadderError('bad_request', `"${d}" is not a date; use YYYY-MM-DD.`);
    const dates = [...new Set(options.asOf)].sort();
    if (dates.length > maxAsOfDates)
      throw new LadderError('bad_request', `At most ${maxAsOfDates} as-of dates, not ${dates.length}.`);
    return dates;
  }
  if (!range.dataEnd)
    throw new LadderError(
      'bad_request',
      'The workspace has no periods and no outcomes: there is nothing to calibrate against.',
    );
  const last = lastPeriodEnd(range.grain, addDays(range.dataEnd, -options.horizonDays));
  if (options.every === undefined) return [last];
  const step = parseEvery(options.every);
  const floor =
    [closeRange?.[0], range.firstPeriod]
      .filter((d): d is string => !!d)
      .sort()
      .pop() ?? last;
  const dates = new Set<string>();
  for (let day = isoToDay(last); day >= isoToDay(floor) && dates.size < maxAsOfDates; day -= step) {
    const end = lastPeriodEnd(range.grain, dayToIso(day));
    if (end >= floor) dates.add(end);
  }
  if (dates.size === 0) dates.add(last);
  return [...dates].sort();
}
