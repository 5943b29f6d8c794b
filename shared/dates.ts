// ISO calendar dates (YYYY-MM-DD) as day numbers, in UTC so no time zone shifts a day.

const msPerDay = 86_400_000;

export function isoToDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / msPerDay);
}

export function dayToIso(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return dayToIso(isoToDay(iso) + days);
}

/** The Monday on or before the given day (weeks start on Monday, as ISO weeks do). */
export function mondayOnOrBefore(iso: string): string {
  const day = isoToDay(iso);
  const weekday = (day + 3) % 7; // 1970-01-01 was a Thursday → 3 days after Monday
  return dayToIso(day - weekday);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = isoToDay(value);
  return Number.isFinite(day) && dayToIso(day) === value;
}
