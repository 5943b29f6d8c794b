// Window functions over one weekly series (as of 2026-03-30, the last value is the latest week).
import { evalWindow, N } from './helpers';

// Twelve weeks, oldest first.
const users = [10, 10, 11, 10, 12, 30, 12, 13, 14, 15, 16, 17];

describe('window functions', () => {
  it('value_at, delta, pct_change look back whole days from the as-of date', () => {
    // 28 days back is exactly four weeks: the 8th value (13).
    expect(evalWindow('value_at(users, 28)', { users })).toBe(13);
    expect(evalWindow('value_at(users, 29)', { users })).toBe(12); // falls between weeks: the older one
    expect(evalWindow('delta(users, 28)', { users })).toBe(4);
    expect(evalWindow('pct_change(users, 77)', { users })).toBe(0.7); // (17 - 10) / 10
    expect(evalWindow('value_at(users, 400)', { users })).toBeNaN(); // before the first period
    expect(evalWindow('pct_change(z, 7)', { z: [0, 0, 5] })).toBeNaN(); // old value 0
  });

  it('annualized_growth scales the change to a year', () => {
    expect(evalWindow('annualized_growth(users, 77)', { users })).toBeCloseTo(1.7 ** (365 / 77) - 1, 12);
  });

  it('rolling mean/sum/min/max over the last N periods, with an optional offset', () => {
    expect(evalWindow('rolling_mean(users, 4)', { users })).toBe(15.5);
    expect(evalWindow('rolling_sum(users, 4)', { users })).toBe(62);
    expect(evalWindow('rolling_sum(users, 4, 4)', { users })).toBe(12 + 30 + 12 + 13); // the four weeks before the latest four
    expect(evalWindow('rolling_min(users, 6)', { users })).toBe(12);
    expect(evalWindow('rolling_max(users, 7)', { users })).toBe(30);
    expect(evalWindow('rolling_mean(users, 13)', { users })).toBeNaN(); // not enough history
    expect(evalWindow('rolling_mean(z, 3)', { z: [1, N, 5] })).toBe(3); // missing values are skipped
  });

  it('consecutive counts the latest periods in a row meeting the condition', () => {
    expect(evalWindow('consecutive(users > 12)', { users })).toBe(5);
    expect(evalWindow('consecutive(users > 100)', { users })).toBe(0);
    expect(evalWindow('consecutive(z > 0)', { z: [1, N, 1, 1] })).toBe(2); // a missing week breaks the run
  });

  it('count_if counts periods meeting the condition in the window', () => {
    expect(evalWindow('count_if(users >= 12, 8)', { users })).toBe(8);
    expect(evalWindow('count_if(users == 10, 12)', { users })).toBe(3);
  });

  it('spike_ratio is max over median of the window', () => {
    expect(evalWindow('spike_ratio(users, 12)', { users })).toBe(30 / 12.5);
    expect(evalWindow('spike_ratio(z, 3)', { z: [0, 0, 5] })).toBeNaN();
  });

  it('weeks_above_baseline counts latest periods above the median of the N before them', () => {
    // Baseline: median of weeks 5–8 (12, 30, 12, 13) = 12.5; the latest 4 (14…17) are all above.
    expect(evalWindow('weeks_above_baseline(users, 4)', { users })).toBe(4);
    // A one-off spike: baseline of [10,10,10] is 10, latest three are 10, 30, 10 → the run is 0.
    expect(evalWindow('weeks_above_baseline(z, 3)', { z: [10, 10, 10, 10, 30, 10] })).toBe(0);
    expect(evalWindow('weeks_above_baseline(users, 8)', { users })).toBeNaN(); // needs 16 periods
  });

  it('combines windows and arithmetic in one expression', () => {
    expect(evalWindow('rolling_mean(users, 4) / rolling_mean(users, 4, 4) - 1', { users })).toBe(15.5 / 16.75 - 1);
  });
});
