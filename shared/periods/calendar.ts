// Calendar periods (docs/ARCHITECTURE.md §3): weeks start on Monday, months on the 1st. A
// period is numbered from the epoch so that consecutive periods have consecutive numbers: "the
// last N periods as of T" are the numbers period(T) − N + 1 … period(T), rows or no rows.

export type PeriodGrain = 'week' | 'month';
export const periodGrains: readonly PeriodGrain[] = ['week', 'month'];

/** Day numbers count from 1970-01-01, a Thursday: day −3 is the Monday that starts week 0. */
const mondayOffset = 3;

/** Year and month (1–12) of a day number: the civil-from-days conversion (proleptic Gregorian). */
function yearMonthOf(day: number): { year: number; month: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month };
}

/** The number of the calendar period (of the given grain) containing a day. */
export function periodOfDay(grain: PeriodGrain, day: number): number {
  if (grain === 'week') return Math.floor((day + mondayOffset) / 7);
  const { year, month } = yearMonthOf(day);
  return year * 12 + month - 1;
}

/** The first day of a numbered period. */
export function periodStartDay(grain: PeriodGrain, period: number): number {
  if (grain === 'week') return period * 7 - mondayOffset;
  const year = Math.floor(period / 12);
  const month = period - year * 12;
  return Math.floor(Date.UTC(year, month, 1) / 86_400_000);
}

/** Grain codes as stored per row in the feature builder's typed arrays. */
export const grainCode = { week: 0, month: 1 } as const satisfies Record<PeriodGrain, number>;
export const grainOfCode = (code: number): PeriodGrain => (code === grainCode.month ? 'month' : 'week');
