// Windows count calendar periods, not rows (issue 9, problems 2 and 3). Real imports of an events
// export with sparse weeks and of monthly snapshots with a missing month, then every window
// function checked against values worked out by hand from the fixture files (see their README).
import { join } from 'node:path';
import { buildFeatureTable } from '../../electron/backend/features/build';
import { openWorkspace, type Workspace } from '../../electron/backend/store/open-workspace';
import { ladder } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/temp';
import { basicStages, signal, valid } from '../unit/engine/fixtures';

const fixtures = join(repoRoot, 'test', 'fixtures', 'own-data');
const dir = tempDir();
const path = join(dir.path, 'sparse.ladder');
let ws: Workspace;

const importFile = (file: string, kind: string) => {
  const run = ladder(['import', join(fixtures, file), '--workspace', path, '--kind', kind, '--json']);
  expect(run.status, run.stderr).toBe(0);
};

beforeAll(async () => {
  importFile('sparse-accounts.csv', 'accounts');
  importFile('sparse-events.csv', 'events');
  importFile('monthly-snapshots.csv', 'periods');
  ws = await openWorkspace(path);
});
afterAll(() => {
  ws?.db.close();
  dir.cleanup();
});

const metrics = {
  events_13: 'rolling_sum(custom.events, 13)',
  events_prev_13: 'rolling_sum(custom.events, 13, 13)',
  active_weeks_26: 'count_if(active_users >= 1, 26)',
  users_mean_4: 'rolling_mean(active_users, 4)',
  active_run: 'consecutive(active_users >= 1)',
  events_3w_ago: 'value_at(custom.events, 21)',
  events_delta_2w: 'delta(custom.events, 14)',
  seats_mean_3: 'rolling_mean(seats_used, 3)',
  seats_40d_ago: 'value_at(seats_used, 40)',
  tickets_4: 'rolling_sum(tickets_reactive, 4)',
  tickets_5: 'rolling_sum(tickets_reactive, 5)',
  users_spike_4: 'spike_ratio(active_users, 4)',
  events_above_4: 'weeks_above_baseline(custom.events, 4)',
  events_pct_3w: 'pct_change(custom.events, 21)',
  seats_growth: 'annualized_growth(seats_used, 59)',
  seats_min_4: 'rolling_min(seats_used, 4)',
  seats_max_4: 'rolling_max(seats_used, 4)',
};

function calendarPack(extraSignals: Record<string, unknown>[] = []) {
  return valid({
    schemaVersion: 1,
    name: 'Calendar windows',
    metrics: Object.entries(metrics).map(([id, expr]) => ({ id, label: id, expr })),
    signals: [
      ...Object.keys(metrics).map((id) => signal(id, id, '>', 0, 1)),
      signal('active_now', 'active_users', '>=', 1, 1),
      signal('active_2w', 'active_users', '>=', 1, 1, { sustainedPeriods: 2 }),
      signal('seats_now', 'seats_used', '>', 0, 1),
      signal('events_now', 'custom.events', '>', 0, 1),
      ...extraSignals,
    ],
    ladder: { stages: basicStages },
  });
}

function columns(workspace: Workspace, asOf: string, pack = calendarPack()) {
  const { table } = buildFeatureTable(workspace.db, pack, asOf);
  const order = table.accountIds;
  return Object.fromEntries(
    [...table.columns].map(([key, column]) => [
      key,
      Object.fromEntries(order.map((id, i) => [id.slice(0, 4), column[i]])),
    ]),
  );
}

describe('window functions over calendar periods (sparse weeks and a missing month)', () => {
  it('the events import wrote rows for active weeks only, and the snapshots are monthly', () => {
    const weeks = ws.db
      .prepare(
        "SELECT count(*) FROM periods p JOIN accounts a ON a.key = p.account_key WHERE a.id = 'ACME-001' AND grain = 'week'",
      )
      .pluck()
      .get();
    expect(weeks).toBe(11);
    const months = ws.db.prepare("SELECT count(*) FROM periods WHERE grain = 'month'").pluck().get();
    expect(months).toBe(3);
  });

  it('equals the hand-computed calendar expectation as of Monday 2026-03-30', () => {
    const c = columns(ws, '2026-03-30');
    // ACME weeks back from 2026-03-30 with events: 0 (5 events, 2 users), 1 (3, 1), 3 (4, 3), 6 (2, 1),
    // 10 (6, 2), 14 (1, 1), 18 (2, 1), 22 (3, 1), 25 (1, 1), 30 and 39 (older). BOLT: weeks 20 (3) and 39 (2).
    // COVE: no events (zero within the workspace's events history). DUNE is monthly: 13 or 26 months
    // reach back before the events history (June 2025), so those windows are missing.
    expect(c.events_13).toEqual({ ACME: 5 + 3 + 4 + 2 + 6, BOLT: 0, COVE: 0, DUNE: NaN });
    expect(c.events_prev_13).toEqual({ ACME: 1 + 2 + 3 + 1, BOLT: 3, COVE: 0, DUNE: NaN });
    expect(c.active_weeks_26).toEqual({ ACME: 9, BOLT: 1, COVE: 0, DUNE: NaN });
    // Weeks 0–3: 2, 1, (no row: 0), 3 users. DUNE's months have no active users: zero, not missing.
    expect(c.users_mean_4).toEqual({ ACME: 1.5, BOLT: 0, COVE: 0, DUNE: 0 });
    expect(c.active_run).toEqual({ ACME: 2, BOLT: 0, COVE: 0, DUNE: 0 });
    expect(c.events_3w_ago).toEqual({ ACME: 4, BOLT: 0, COVE: 0, DUNE: 0 });
    expect(c.events_delta_2w).toEqual({ ACME: 5 - 0, BOLT: 0, COVE: 0, DUNE: 0 });
    // Snapshots: February is missing (skipped in the mean, missing on its own); weekly accounts have none.
    expect(c.seats_mean_3).toEqual({ ACME: NaN, BOLT: NaN, COVE: NaN, DUNE: (22 + 24) / 2 });
    expect(c.seats_40d_ago).toEqual({ ACME: NaN, BOLT: NaN, COVE: NaN, DUNE: NaN });
    // Tickets are counts: January's blank and February's missing row are zero; November 2025 is
    // before the first ticket count anywhere (December), so five months reach outside the history.
    expect(c.tickets_4).toEqual({ ACME: 0, BOLT: 0, COVE: 0, DUNE: 2 + 0 + 0 + 1 });
    expect(c.tickets_5).toEqual({ ACME: 0, BOLT: 0, COVE: 0, DUNE: NaN });
    // Weeks 0–3 of users: 2, 1, 0, 3 — the peak over the median 1.5; all-zero windows have no ratio.
    expect(c.users_spike_4).toEqual({ ACME: 3 / 1.5, BOLT: NaN, COVE: NaN, DUNE: NaN });
    // Baseline: the median of weeks 4–7 (0, 0, 2, 0) is 0; weeks 0 and 1 are above it, week 2 (no row) is not.
    expect(c.events_above_4).toEqual({ ACME: 2, BOLT: 0, COVE: 0, DUNE: 0 });
    // Three weeks ago: 4 events, now 5. From zero there is no percentage; DUNE's 21 days stay in March.
    expect(c.events_pct_3w).toEqual({ ACME: (5 - 4) / 4, BOLT: NaN, COVE: NaN, DUNE: NaN });
    // 59 days before 2026-03-30 is in January (22 seats); now 24.
    expect(c.seats_growth).toEqual({ ACME: NaN, BOLT: NaN, COVE: NaN, DUNE: (24 / 22) ** (365 / 59) - 1 });
    // December–March with February missing: 20, 22, 24.
    expect(c.seats_min_4).toEqual({ ACME: NaN, BOLT: NaN, COVE: NaN, DUNE: 20 });
    expect(c.seats_max_4).toEqual({ ACME: NaN, BOLT: NaN, COVE: NaN, DUNE: 24 });
    // Outside a window: the value of the period containing the as-of date.
    expect(c.active_users).toEqual({ ACME: 2, BOLT: 0, COVE: 0, DUNE: 0 });
    expect(c.active_users__min2).toEqual({ ACME: 1, BOLT: 0, COVE: 0, DUNE: 0 });
    expect(c.seats_used).toEqual({ ACME: NaN, BOLT: NaN, COVE: NaN, DUNE: 24 });
    expect(c['custom.events']).toEqual({ ACME: 5, BOLT: 0, COVE: 0, DUNE: 0 });
  });

  it('an as-of date inside a week reads that week; before any data, everything is missing', () => {
    const wednesday = columns(ws, '2026-04-01');
    expect(wednesday.events_13!.ACME).toBe(20);
    const early = columns(ws, '2025-06-01');
    // The whitespace inputs (employees, seats licensed, ARR) are account fields, known at any date.
    const accountFields = new Set(calendarPack().potential.inputs);
    const fromPeriods = Object.entries(early).filter(([key]) => !accountFields.has(key));
    expect(fromPeriods.length).toBeGreaterThan(20);
    for (const [, column] of fromPeriods) for (const v of Object.values(column)) expect(v).toBeNaN();
  });

  it('replays the past exactly on sparse data: as of a date equals a copy truncated at that date', async () => {
    for (const asOf of ['2026-01-14', '2026-02-16', '2025-12-01']) {
      const copy = join(dir.path, `cut-${asOf}.ladder`);
      await ws.db.backup(copy);
      const truncated = await openWorkspace(copy);
      truncated.db.prepare('DELETE FROM periods WHERE period_start > ?').run(asOf);
      const replay = columns(truncated, asOf);
      truncated.db.close();
      expect(replay, asOf).toEqual(columns(ws, asOf));
    }
  });

  it('`custom.NAME` in both places is refused with the two spellings that choose', async () => {
    const copy = join(dir.path, 'ambiguous.ladder');
    await ws.db.backup(copy);
    const both = await openWorkspace(copy);
    try {
      both.db.prepare(`UPDATE accounts SET custom = json_object('events', 7)`).run();
      expect(() => columns(both, '2026-03-30')).toThrow(
        /"custom\.events" is both an account custom field and a per-period custom metric.*account\.custom\.events or period\.custom\.events/,
      );
      const chosen = valid({
        schemaVersion: 1,
        name: 'Chosen',
        metrics: [{ id: 'events_13', label: 'Events', expr: 'rolling_sum(period.custom.events, 13)' }],
        signals: [
          signal('busy', 'events_13', '>', 10, 1),
          signal('flag', 'account.custom.events', '>', 5, 1),
          signal('weekly', 'period.custom.events', '>', 0, 1, { sustainedPeriods: 2 }),
        ],
        ladder: { stages: basicStages },
      });
      const c = columns(both, '2026-03-30', chosen);
      expect(c.events_13!.ACME).toBe(20);
      expect(c['account.custom.events']).toEqual({ ACME: 7, BOLT: 7, COVE: 7, DUNE: 7 });
      expect(c['period.custom.events__min2']!.ACME).toBe(3);
    } finally {
      both.db.close();
    }
  });
});
