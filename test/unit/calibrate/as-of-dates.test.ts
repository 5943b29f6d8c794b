// Computed as-of dates end a calendar period, so the period containing each date holds no day after
// it: Sundays for weekly data, a month's last day for monthly data. Dates the user names are kept.
import {
  endsPeriod,
  lastPeriodEnd,
  resolveAsOfDates,
  type DataRange,
} from '../../../electron/backend/calibrate/as-of-dates';

const weekly: DataRange = { firstPeriod: '2025-11-17', dataEnd: '2026-11-16', grain: 'week' };
const monthly: DataRange = { firstPeriod: '2025-01-01', dataEnd: '2026-11-01', grain: 'month' };
const outcomes: [string, string] = ['2026-01-20', '2026-11-10'];

describe('as-of dates at period ends', () => {
  it('knows the last day of weeks (Sunday) and months', () => {
    expect(endsPeriod('week', '2026-08-16')).toBe(true); // a Sunday
    expect(endsPeriod('week', '2026-08-17')).toBe(false); // the Monday after
    expect(lastPeriodEnd('week', '2026-08-18')).toBe('2026-08-16');
    expect(lastPeriodEnd('week', '2026-08-16')).toBe('2026-08-16');
    expect(endsPeriod('month', '2026-02-28')).toBe(true);
    expect(endsPeriod('month', '2024-02-28')).toBe(false); // a leap year
    expect(lastPeriodEnd('month', '2026-08-03')).toBe('2026-07-31');
    expect(lastPeriodEnd('month', '2026-12-31')).toBe('2026-12-31');
  });

  it('by default takes the last period end whose horizon the data cover', () => {
    // 2026-11-16 − 90 days is Tuesday 2026-08-18; its week started on the 17th.
    expect(resolveAsOfDates({ horizonDays: 90 }, weekly, outcomes)).toEqual(['2026-08-16']);
    // 2026-11-01 − 90 days is 2026-08-03: the last month end before it is 31 July.
    expect(resolveAsOfDates({ horizonDays: 90 }, monthly, outcomes)).toEqual(['2026-07-31']);
  });

  it('--every steps back from there, every date a period end, none before the first outcome', () => {
    // From Sunday 16 August back in steps of 56 days, down to the first outcome (20 January).
    expect(resolveAsOfDates({ horizonDays: 90, every: '8w' }, weekly, outcomes)).toEqual([
      '2026-03-01',
      '2026-04-26',
      '2026-06-21',
      '2026-08-16',
    ]);
    // Steps of 30 days from 31 July, each taken back to the month end before it.
    const months = resolveAsOfDates({ horizonDays: 90, every: '1m' }, monthly, outcomes);
    expect(months).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
    ]);
  });

  it('keeps the dates the user names, sorted and without repeats', () => {
    expect(
      resolveAsOfDates({ horizonDays: 90, asOf: ['2026-05-05', '2026-02-03', '2026-05-05'] }, weekly, outcomes),
    ).toEqual(['2026-02-03', '2026-05-05']);
  });
});
