// Point-in-time labels and the train / held-out split.
import { isoToDay } from '#shared/dates';
import { labelAccounts, negative, notCustomer, openAtAsOf, positive, unknownType } from '#shared/calibrate/labels';
import { hashUnit, holdOut, splitFor, timeSplit } from '#shared/calibrate/split';

const day = isoToDay;
const T = day('2026-06-01');

describe('labels as of T with a 90-day horizon', () => {
  // Accounts: 0 won an expansion inside (T, T+90]; 1 won one after the horizon; 2 had one open at
  // T; 3 started after T; 4 churned before T; 5 won an outcome of unknown type; 6 lost an expansion
  // in the window; 7 won a renewal (not an expansion) in the window; 8 has no contract start.
  const lifecycle = {
    contractStartDay: Float64Array.from([
      day('2025-01-01'),
      day('2025-01-01'),
      day('2025-01-01'),
      day('2026-07-01'),
      day('2024-01-01'),
      day('2025-01-01'),
      day('2025-01-01'),
      day('2025-01-01'),
      NaN,
    ]),
    churnDay: Float64Array.from([NaN, NaN, NaN, NaN, day('2026-03-01'), NaN, NaN, NaN, NaN]),
  };
  const o = (account: number, opened: string, close: string, won: number, isExpansion: number) => ({
    account,
    openedDay: day(opened),
    closeDay: day(close),
    won,
    isExpansion,
  });
  const outcomes = [
    o(0, '2026-06-10', '2026-07-15', 1, 1),
    o(1, '2026-09-10', '2026-09-15', 1, 1), // T + 106 days
    o(2, '2026-05-01', '2026-06-20', 1, 1),
    o(5, '2026-06-05', '2026-07-01', 1, NaN),
    o(6, '2026-06-05', '2026-07-01', 0, 1),
    o(7, '2026-06-05', '2026-07-01', 1, 0),
    o(8, '2026-06-02', '2026-08-29', 1, 1), // T + 89 days
  ];
  const set = labelAccounts(lifecycle, outcomes, T, 90);

  it('gives each account its label or exclusion reason', () => {
    expect(Array.from(set.labels)).toEqual([
      positive,
      negative,
      openAtAsOf,
      notCustomer,
      notCustomer,
      unknownType,
      negative,
      negative,
      positive,
    ]);
  });

  it('counts positives, negatives and exclusions by reason', () => {
    expect(set.positives).toBe(2);
    expect(set.negatives).toBe(3);
    expect(set.excluded).toBe(4);
    expect(set.excludedBy).toEqual({ notCustomer: 2, openAtAsOf: 1, unknownType: 1 });
  });

  it('the horizon end is inclusive and the as-of date exclusive', () => {
    const edge = labelAccounts(
      { contractStartDay: Float64Array.from([NaN, NaN]), churnDay: Float64Array.from([NaN, NaN]) },
      [o(0, '2026-05-01', '2026-06-01', 1, 1), o(1, '2026-06-01', '2026-08-30', 1, 1)],
      T,
      90,
    );
    // Account 0 closed on T itself (before the window); account 1 closed on T + 90, opened on T (open at T).
    expect(Array.from(edge.labels)).toEqual([negative, openAtAsOf]);
  });
});

describe('splits', () => {
  it('holds out a seeded 30 % of accounts, independent of order', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `ACC-${i}`);
    const a = holdOut(ids, 7);
    const share = a.reduce((s, x) => s + x, 0) / ids.length;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.32);
    const reversed = holdOut([...ids].reverse(), 7).reverse();
    expect(Array.from(reversed)).toEqual(Array.from(a));
    expect(Array.from(holdOut(ids, 8))).not.toEqual(Array.from(a));
    expect(hashUnit('ACC-1', 7)).toBe(hashUnit('ACC-1', 7));
  });

  it('one date → hold-out; several → by time with a gap as long as the horizon', () => {
    expect(splitFor(['2026-01-05'], 90, 3)).toEqual({ kind: 'holdout', share: 0.3, seed: 3 });
    const dates = Array.from({ length: 10 }, (_, k) =>
      new Date(Date.UTC(2026, 0, 5 + 28 * k)).toISOString().slice(0, 10),
    );
    const split = timeSplit(dates, 90);
    expect(split.test).toEqual(dates.slice(7));
    // The first held-out date is 2026-07-20; training dates must end their horizon by then.
    expect(split.train).toEqual(dates.slice(0, 4));
    expect(split.gap).toEqual(dates.slice(4, 7));
    expect(split.overlap).toBe(false);
  });

  it('two close dates: trains on the earlier one and says the periods overlap', () => {
    const split = timeSplit(['2026-03-02', '2026-02-02'], 90);
    expect(split).toEqual({ kind: 'time', train: ['2026-02-02'], test: ['2026-03-02'], gap: [], overlap: true });
  });
});
