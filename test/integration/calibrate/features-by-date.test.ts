// Calibration computes every as-of date's features in one pass over the periods; each date's
// columns must equal what the feature builder computes for that date alone — for every preset,
// in small chunks of accounts, including dates before any period and after the last one.
import { join } from 'node:path';
import { addDays, dayToIso, isoToDay } from '#shared/dates';
import { computeFeaturesForDates } from '../../../electron/backend/calibrate/features-by-date';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import {
  buildFeatureTable,
  loadAccountInputs,
  loadAccountInputsForDates,
} from '../../../electron/backend/features/build';
import { historyAcrossDates } from '../../../electron/backend/features/history';
import type { PeriodInput } from '../../../electron/backend/features/periods';
import { noHistory } from '#shared/expr/window';
import { periodOfDay } from '#shared/periods/calendar';
import { listPresets, loadPreset } from '../../../electron/backend/packs/presets';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';
import { basicStages, signal, valid } from '../../unit/engine/fixtures';

const dir = tempDir();
let ws: Workspace;
beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 700, seed: 5, endDate: '2026-11-16' }));
  ws = await openWorkspace(path);
});
afterAll(() => {
  ws?.db.close();
  dir.cleanup();
});

it('equals the per-date feature builder for every preset and date', async () => {
  const dates = ['2025-10-01', '2026-01-12', '2026-05-18', '2026-08-18', '2026-11-16', '2027-01-04'];
  for (const { id } of listPresets()) {
    const valid = loadPreset(id);
    const inputs = dates.map((d) => loadAccountInputs(ws.db, d));
    const together = await computeFeaturesForDates(ws.db, valid, dates, inputs, { chunkAccounts: 250 });
    dates.forEach((d, k) => {
      const alone = buildFeatureTable(ws.db, valid, d, 250).table.columns;
      expect([...together[k]!.keys()].sort(), `${id} ${d}`).toEqual([...alone.keys()].sort());
      for (const [key, column] of alone)
        expect(Array.from(together[k]!.get(key)!), `${id} ${d} ${key}`).toEqual(Array.from(column));
    });
  }
});

// Periods as users' exports have them: day rows inside a week (merged into one calendar week),
// weeks not starting on Monday, an account switching from weeks to months, custom period fields,
// missing values; as-of dates falling inside a week and inside a month, so a calendar period is cut
// by the date (its rows after the date must not count).
it('equals the per-date feature builder on day rows, mixed grains and custom fields', async () => {
  const messy = await openWorkspace(join(dir.path, 'messy.ladder'), { create: true });
  const account = messy.db.prepare('INSERT INTO accounts (key, id, name) VALUES (?, ?, ?)');
  const period = messy.db.prepare(
    `INSERT INTO periods (account_key, period_start, grain, active_users, seats_used, custom) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (let a = 1; a <= 6; a++) account.run(a, `M${a}`, `Messy ${a}`);
  let day = isoToDay('2026-01-05');
  for (let k = 0; k < 120; k++, day += 1 + (k % 3)) {
    const date = dayToIso(day);
    period.run(1, date, 'day', k % 5, k % 7 === 0 ? null : 10 + (k % 4), JSON.stringify({ events: k % 6 }));
  }
  for (let w = 0; w < 40; w++)
    period.run(2, addDays('2026-01-07', 7 * w), 'week', w % 3 === 0 ? null : w, 20 - (w % 5), null);
  for (let w = 0; w < 20; w++) period.run(3, addDays('2026-01-05', 7 * w), 'week', w, 30, `{"events": ${w}}`);
  for (let m = 5; m <= 10; m++) period.run(3, `2026-${String(m + 1).padStart(2, '0')}-01`, 'month', 4 * m, 31, null);
  for (let m = 0; m < 10; m++)
    period.run(4, `2026-${String(m + 1).padStart(2, '0')}-15`, 'month', m * 2, m % 2 ? null : 40, `{"events": ${m}}`);
  // Account 5 has one row late in the year; account 6 has none.
  period.run(5, '2026-09-09', 'day', 3, 3, '{"events": 1}');
  const valid = messyPack();
  const dates = ['2026-02-11', '2026-03-04', '2026-04-30', '2026-06-17', '2026-07-15', '2026-09-08', '2026-09-10'];
  const inputs = dates.map((d) => loadAccountInputs(messy.db, d));
  const together = await computeFeaturesForDates(messy.db, valid, dates, inputs, { chunkAccounts: 4 });
  dates.forEach((d, k) => {
    const alone = buildFeatureTable(messy.db, valid, d, 4).table.columns;
    expect([...together[k]!.keys()].sort(), d).toEqual([...alone.keys()].sort());
    for (const [key, column] of alone)
      expect(Array.from(together[k]!.get(key)!), `${d} ${key}`).toEqual(Array.from(column));
  });
  // The layout really differs between dates (a test that compared one date with itself would pass too).
  const text = (k: number) => JSON.stringify([...together[k]!].map(([key, c]) => [key, Array.from(c)]));
  expect(new Set(dates.map((_, k) => text(k))).size).toBe(dates.length);
  messy.db.close();
});

// Calibration reads the accounts table once for all its dates and the history bounds once: each
// date's answers must equal the per-date SQL (julianday differences; first rows on or before it).
it('account columns relative to the date equal SQLite’s julianday differences at each date', async () => {
  const small = await openWorkspace(join(dir.path, 'dates.ladder'), { create: true });
  const account = small.db.prepare(
    'INSERT INTO accounts (key, id, name, renewal_date, contract_start) VALUES (?, ?, ?, ?, ?)',
  );
  account.run(1, 'A1', 'Plain dates', '2026-03-01', '2024-02-29');
  account.run(2, 'A2', 'Times of day', '2026-03-01T13:17:05', '2025-07-04 08:30');
  account.run(3, 'A3', 'Unknown', null, null);
  account.run(4, 'A4', 'Unreadable', 'soon', 'a while ago');
  const dates = ['2025-01-01', '2026-02-28', '2026-03-01', '2027-06-30', 'not a date'];
  const together = loadAccountInputsForDates(small.db, dates);
  const sql = small.db.prepare(
    `SELECT julianday(renewal_date) - julianday(@d), julianday(@d) - julianday(contract_start) FROM accounts ORDER BY key`,
  );
  dates.forEach((d, k) => {
    const expected = (sql.raw().all({ d }) as (number | null)[][]).map((r) => r.map((v) => v ?? NaN));
    const { numeric } = together[k]!.accounts;
    expect(Array.from(numeric.get('days_to_renewal')!), d).toEqual(expected.map((r) => r[0]));
    expect(Array.from(numeric.get('contract_age_days')!), d).toEqual(expected.map((r) => r[1]));
    expect(together[k]!.accounts.ids).toEqual(['A1', 'A2', 'A3', 'A4']);
  });
  expect(Array.from(together[1]!.accounts.numeric.get('days_to_renewal')!).slice(0, 1)).toEqual([1]);
  small.db.close();
});

it('history bounds read once equal the per-date first rows', async () => {
  const small = await openWorkspace(join(dir.path, 'history.ladder'), { create: true });
  small.db.prepare('INSERT INTO accounts (key, id, name) VALUES (1, ?, ?), (2, ?, ?)').run('H1', 'One', 'H2', 'Two');
  const period = small.db.prepare(
    `INSERT INTO periods (account_key, period_start, grain, active_users, seats_used, custom) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  period.run(1, '2025-12-29', 'week', null, null, null); // the first row holds no value at all
  period.run(1, '2026-01-05', 'week', 4, null, null);
  period.run(2, '2026-01-12', 'week', null, 7, '{"events": 2}');
  period.run(2, '2026-02-01', 'month', 3, 8, null);
  const inputs: PeriodInput[] = [
    { id: 'active_users', source: { column: 'active_users' }, fill: 'zero' },
    { id: 'seats_used', source: { column: 'seats_used' }, fill: 'missing' },
    { id: 'custom.events', source: { customKey: 'events' }, fill: 'zero' },
    { id: 'api_calls', source: { column: 'api_calls' }, fill: 'zero' }, // never recorded
  ];
  const startOf = (iso: string | null | undefined) =>
    iso ? { week: periodOfDay('week', isoToDay(iso)), month: periodOfDay('month', isoToDay(iso)) } : noHistory;
  const at = historyAcrossDates(small.db, inputs);
  for (const d of ['2025-12-01', '2025-12-29', '2026-01-04', '2026-01-05', '2026-01-12', '2026-02-01', '2026-12-31']) {
    const first = small.db.prepare('SELECT min(period_start) FROM periods WHERE period_start <= ?').pluck().get(d);
    const since = (value: string) =>
      small.db
        .prepare(`SELECT min(period_start) FROM periods WHERE ${value} IS NOT NULL AND period_start <= ?`)
        .pluck()
        .get(d) as string | null;
    const history = at(d);
    expect(history.any, d).toEqual(startOf(first as string | null));
    expect(history.byInput.get('active_users'), d).toEqual(first ? startOf(since('active_users')) : noHistory);
    expect(history.byInput.get('seats_used'), d).toEqual(startOf(first as string | null)); // a snapshot: any row
    expect(history.byInput.get('custom.events'), d).toEqual(
      first ? startOf(since(`json_extract(custom, '$.events')`)) : noHistory,
    );
    expect(history.byInput.get('api_calls'), d).toEqual(noHistory);
    expect(history.defaultGrain, d).toBe(d >= '2026-02-01' ? 'month' : 'week');
  }
  // The bounds differ from the first row where the test means them to.
  expect(at('2026-01-05').byInput.get('active_users')).not.toEqual(at('2026-01-05').any);
  small.db.close();
});

function messyPack() {
  const metrics = {
    users_4: 'rolling_sum(active_users, 4)',
    users_mean_3: 'rolling_mean(active_users, 3)',
    seats_min_4: 'rolling_min(seats_used, 4)',
    seats_then: 'value_at(seats_used, 30)',
    events_8: 'rolling_sum(custom.events, 8)',
    events_delta: 'delta(custom.events, 14)',
    users_run: 'consecutive(active_users >= 1)',
  };
  return valid({
    schemaVersion: 1,
    name: 'Messy periods',
    metrics: Object.entries(metrics).map(([id, expr]) => ({ id, label: id, expr })),
    signals: [
      ...Object.keys(metrics).map((id) => signal(id, id, '>', 0, 1)),
      signal('users_now', 'active_users', '>=', 1, 1),
    ],
    ladder: { stages: basicStages },
  });
}
