// Calibration computes every as-of date's features in one pass over the periods; each date's
// columns must equal what the feature builder computes for that date alone — for every preset,
// in small chunks of accounts, including dates before any period and after the last one.
import { join } from 'node:path';
import { addDays, dayToIso, isoToDay } from '#shared/dates';
import { computeFeaturesForDates } from '../../../electron/backend/calibrate/features-by-date';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { buildFeatureTable, loadAccountInputs } from '../../../electron/backend/features/build';
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
