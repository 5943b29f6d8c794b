// Random workspaces and packs with window functions for the whole-model SQL property test: a few
// accounts, each weekly, monthly or daily, with sparse periods (gaps, blank values, several rows in
// one week), counts and snapshots, a custom per-period count; derived metrics built from every
// window function over random series (conditions too), and signals whose thresholds are values the
// engine computed, so accounts sit exactly on them.
import fc from 'fast-check';
import { addDays } from '#shared/dates';
import type { Db } from '../../../electron/backend/store/sqlite';

export interface RandomAccount {
  segment: string | null;
  seats: number | null;
  health: number | null;
  grain: 'week' | 'month' | 'day';
  rows: {
    back: number;
    day: number;
    users: number | null;
    sessions: number | null;
    admin: number | null;
    seats: number | null;
    headcount: number | null;
    events: number | null;
  }[];
}

const value = (ints: boolean) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }) },
    { weight: ints ? 0 : 4, arbitrary: fc.constantFrom(0.1, 0.2, 0.7, 1.5, 2.25, 1 / 3, 12.345, 0.3) },
  );

const rowArb = (grain: RandomAccount['grain']) =>
  fc.record({
    back: fc.integer({ min: 0, max: grain === 'month' ? 8 : 24 }),
    day: fc.integer({ min: 0, max: grain === 'day' ? 6 : 0 }),
    // Several rows of one period add up in an order each engine chooses: exact for whole numbers only.
    users: value(grain === 'day'),
    sessions: value(grain === 'day'),
    admin: value(grain === 'day'),
    seats: value(false),
    headcount: fc.oneof(fc.constant(null), fc.integer({ min: 10, max: 500 })),
    events: value(grain === 'day'),
  });

export const accountArb: fc.Arbitrary<RandomAccount> = fc
  .constantFrom<RandomAccount['grain']>('week', 'week', 'week', 'month', 'day')
  .chain((grain) =>
    fc.record({
      segment: fc.constantFrom('SMB', 'Mid-Market', 'Enterprise', null),
      seats: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 60 })),
      health: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 })),
      grain: fc.constant(grain),
      rows: fc.uniqueArray(rowArb(grain), { minLength: 4, maxLength: 22, selector: (r) => `${r.back}:${r.day}` }),
    }),
  );

const counts = ['active_users', 'total_sessions', 'admin_actions', 'custom.events'];
const snapshots = ['seats_used', 'headcount'];
const numberSeries = fc.oneof(
  fc.constantFrom(...counts, ...snapshots),
  fc.constantFrom(...counts).map((c) => `${c} / seats_licensed`),
  fc.tuple(fc.constantFrom(...counts), fc.constantFrom(...snapshots)).map(([a, b]) => `coalesce(${b}, ${a})`),
  fc.tuple(fc.constantFrom(...counts), fc.constantFrom(...counts)).map(([a, b]) => `${a} + 0.1 * ${b}`),
  fc.tuple(fc.constantFrom(...counts), fc.constantFrom(...snapshots)).map(([a, b]) => `if(${a} > 3, ${b}, ${a})`),
  fc.tuple(fc.constantFrom(...counts), fc.constantFrom(...snapshots)).map(([a, b]) => `max(${a}, ${b}) - min(${a}, 2)`),
);
const boolSeries = fc.oneof(
  fc.tuple(fc.constantFrom(...counts), fc.integer({ min: 0, max: 5 })).map(([a, k]) => `${a} >= ${k}`),
  fc.tuple(fc.constantFrom(...snapshots), fc.constantFrom(...counts)).map(([a, b]) => `${a} > 5 and ${b} < 20`),
  fc.tuple(fc.constantFrom(...counts), fc.constantFrom(...snapshots)).map(([a, b]) => `not (${a} > ${b}) or ${a} == 0`),
);

const windowArb = fc.oneof(
  fc
    .tuple(fc.constantFrom('value_at', 'delta', 'pct_change'), numberSeries, fc.integer({ min: 1, max: 120 }))
    .map(([f, s, n]) => `${f}(${s}, ${n})`),
  fc
    .tuple(
      fc.constantFrom('rolling_mean', 'rolling_sum', 'rolling_min', 'rolling_max'),
      numberSeries,
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 0, max: 4 }),
    )
    .map(([f, s, n, o]) => (o === 0 ? `${f}(${s}, ${n})` : `${f}(${s}, ${n}, ${o})`)),
  fc
    .tuple(fc.constantFrom('spike_ratio', 'weeks_above_baseline'), numberSeries, fc.integer({ min: 1, max: 6 }))
    .map(([f, s, n]) => `${f}(${s}, ${n})`),
  boolSeries.map((s) => `consecutive(${s})`),
  fc.tuple(boolSeries, fc.integer({ min: 1, max: 10 })).map(([s, n]) => `count_if(${s}, ${n})`),
);

export const metricsArb = fc
  .tuple(fc.array(windowArb, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '-', '/', 'and'))
  .map(([windows, combine]) => {
    const metrics = windows.map((expr, i) => ({ id: `w${i}`, label: `w${i}`, expr }));
    if (combine && windows.length > 1)
      metrics.push({
        id: 'combined',
        label: 'combined',
        expr: combine === 'and' ? 'if(w0 > 1 and not (w1 < 0), w0, w1)' : `w0 ${combine} w1 + health_score / 100`,
      });
    return metrics;
  });

export const asOfArb = fc.constantFrom('2026-03-30', '2026-04-02', '2026-02-01', '2025-10-06');
const lastMonday = '2026-03-30';

export function insertRandomAccounts(db: Db, accounts: RandomAccount[]): void {
  const insertAccount = db.prepare(
    'INSERT INTO accounts (key, id, name, segment, seats_licensed, health_score) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertPeriod = db.prepare(
    `INSERT OR IGNORE INTO periods (account_key, period_start, grain, active_users, total_sessions, admin_actions, seats_used, headcount, custom)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    accounts.forEach((a, key) => {
      insertAccount.run(key + 1, `R-${key}`, `Random ${key}`, a.segment, a.seats, a.health);
      for (const r of a.rows) {
        const start =
          a.grain === 'month'
            ? `${addDays(lastMonday, -30 * r.back).slice(0, 8)}01`
            : addDays(lastMonday, -7 * r.back + r.day);
        const custom = r.events === null ? null : JSON.stringify({ events: r.events });
        insertPeriod.run(key + 1, start, a.grain, r.users, r.sessions, r.admin, r.seats, r.headcount, custom);
      }
    });
  })();
}
