// Property: on random sparse weekly data, the feature builder equals a plain dense-calendar oracle
// (every week from the start of the metric's history to the week of the as-of date, gaps filled
// by the metric's rule), and scoring as of T equals scoring a copy truncated at T.
import fc from 'fast-check';
import { join } from 'node:path';
import { addDays, isoToDay } from '#shared/dates';
import { periodOfDay } from '#shared/periods/calendar';
import { buildFeatureTable } from '../../electron/backend/features/build';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { tempDir } from '../helpers/temp';
import { basicStages, signal, valid } from '../unit/engine/fixtures';
import { isSet } from '#shared/missing';

const dir = tempDir();
afterAll(() => dir.cleanup());

const firstMonday = '2025-01-06';
const weeks = 30;
const cell = fc.option(fc.integer({ min: 0, max: 9 }), { nil: null, freq: 3 });
const accountArb = fc.array(fc.record({ week: fc.integer({ min: 0, max: weeks - 1 }), users: cell, seats: cell }), {
  maxLength: 12,
});
const caseArb = fc.record({
  accounts: fc.array(accountArb, { minLength: 1, maxLength: 4 }),
  asOfDay: fc.integer({ min: 0, max: weeks * 7 + 10 }),
  n: fc.integer({ min: 1, max: 8 }),
  back: fc.integer({ min: 1, max: 60 }),
});

const pack = (n: number, back: number) =>
  valid({
    schemaVersion: 1,
    name: 'Property',
    metrics: [
      { id: 'u_sum', label: 'u', expr: `rolling_sum(active_users, ${n})` },
      { id: 'u_mean', label: 'u', expr: `rolling_mean(active_users, ${n}, 1)` },
      { id: 's_min', label: 's', expr: `rolling_min(seats_used, ${n})` },
      { id: 's_max', label: 's', expr: `rolling_max(seats_used, ${n})` },
      { id: 'u_count', label: 'u', expr: `count_if(active_users > 2, ${n})` },
      { id: 'u_run', label: 'u', expr: 'consecutive(active_users >= 1)' },
      { id: 's_then', label: 's', expr: `value_at(seats_used, ${back})` },
      { id: 'u_delta', label: 'u', expr: `delta(active_users, ${back})` },
    ],
    signals: ['u_sum', 'u_mean', 's_min', 's_max', 'u_count', 'u_run', 's_then', 'u_delta', 'active_users'].map((m) =>
      signal(m, m, '>', 0, 1),
    ),
    ladder: { stages: basicStages },
  });

type Rows = { week: number; users: number | null; seats: number | null }[];

/** The oracle: dense weekly arrays, written independently of the feature builder. */
function expected(accounts: Rows[], asOf: string, n: number, back: number): Record<string, number[]> {
  const cur = periodOfDay('week', isoToDay(asOf));
  const weekOf = (w: number) => periodOfDay('week', isoToDay(firstMonday)) + w;
  const visible = accounts.map((rows) => {
    const byWeek = new Map<number, Rows[number]>();
    for (const r of rows) if (weekOf(r.week) <= cur) byWeek.set(weekOf(r.week), r); // later rows overwrite (upsert)
    return byWeek;
  });
  const all = visible.flatMap((m) => [...m.values()]);
  const start = (pick: (r: Rows[number]) => boolean) =>
    all.filter(pick).reduce((min, r) => Math.min(min, weekOf(r.week)), Infinity);
  const usersStart = start((r) => r.users !== null);
  const anyStart = start(() => true);
  const dense = (byWeek: Map<number, Rows[number]>, metric: 'users' | 'seats', from: number) => {
    const out = new Map<number, number>();
    for (let p = from; p <= cur; p++) {
      const v = byWeek.get(p)?.[metric] ?? null;
      out.set(p, v !== null ? v : metric === 'users' ? 0 : NaN);
    }
    return out;
  };
  const windowOf = (d: Map<number, number>, from: number, to: number, hs: number) =>
    from < hs ? null : Array.from({ length: to - from + 1 }, (_, i) => d.get(from + i)!).filter(isSet);
  const thenWeek = periodOfDay('week', isoToDay(asOf) - back);
  const result: Record<string, number[]> = {};
  const put = (key: string, v: number) => (result[key] ??= []).push(v);
  for (const byWeek of visible) {
    const u = dense(byWeek, 'users', usersStart);
    const s = dense(byWeek, 'seats', anyStart);
    const w = (d: Map<number, number>, from: number, to: number, hs: number) => windowOf(d, from, to, hs);
    const sum = (v: number[] | null) => (v && v.length ? v.reduce((a, b) => a + b, 0) : NaN);
    put('u_sum', sum(w(u, cur - n + 1, cur, usersStart)));
    const mean = w(u, cur - n, cur - 1, usersStart);
    put('u_mean', mean && mean.length ? sum(mean) / mean.length : NaN);
    const sw = w(s, cur - n + 1, cur, anyStart);
    put('s_min', sw && sw.length ? Math.min(...sw) : NaN);
    put('s_max', sw && sw.length ? Math.max(...sw) : NaN);
    const count = cur - n + 1 < usersStart ? NaN : [...u].filter(([p, v]) => p > cur - n && v > 2).length;
    put('u_count', count);
    let run = 0;
    if (cur < usersStart) run = NaN;
    else for (let p = cur; p >= usersStart && u.get(p)! >= 1; p--) run++;
    put('u_run', run);
    put('s_then', thenWeek < anyStart ? NaN : (s.get(thenWeek) ?? NaN));
    const latest = cur < usersStart ? NaN : u.get(cur)!;
    put('u_delta', thenWeek < usersStart ? NaN : latest - u.get(thenWeek)!);
    put('active_users', latest);
  }
  return result;
}

let run = 0;
describe('calendar windows on random sparse data', () => {
  it('equal a dense-calendar oracle and replay exactly on a truncated copy', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ accounts, asOfDay, n, back }) => {
        const path = join(dir.path, `p${run++}.ladder`);
        const ws = await openWorkspace(path, { create: true });
        const insertAccount = ws.db.prepare('INSERT INTO accounts (key, id, name) VALUES (?, ?, ?)');
        const insertPeriod = ws.db.prepare(
          `INSERT OR REPLACE INTO periods (account_key, period_start, active_users, seats_used) VALUES (?, ?, ?, ?)`,
        );
        accounts.forEach((rows, a) => {
          insertAccount.run(a + 1, `A${a}`, `Account ${a}`);
          for (const r of rows) insertPeriod.run(a + 1, addDays(firstMonday, 7 * r.week), r.users, r.seats);
        });
        const asOf = addDays(firstMonday, asOfDay);
        const valid = pack(n, back);
        const columns = (db: typeof ws.db) => {
          const { table } = buildFeatureTable(db, valid, asOf);
          return Object.fromEntries([...table.columns].map(([k, v]) => [k, Array.from(v)]));
        };
        const got = columns(ws.db);
        const want = expected(accounts, asOf, n, back);
        for (const [key, values] of Object.entries(want)) expect(got[key], key).toEqual(values);

        ws.db.prepare('DELETE FROM periods WHERE period_start > ?').run(asOf);
        expect(columns(ws.db)).toEqual(got);
        ws.db.close();
      }),
      { numRuns: 60 },
    );
  });
});
