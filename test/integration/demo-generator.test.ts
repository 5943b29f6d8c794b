// The demo book is deterministic, and each planted pattern really has the behaviour it claims.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoWorkspace, demoDefaults } from '../../electron/backend/demo/write-demo';
import { patternCounts, demoPatterns } from '../../electron/backend/demo/patterns';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import type { Db } from '../../electron/backend/store/sqlite';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

const params = demoDefaults({ accounts: 2000, seed: 42, endDate: '2026-03-02' });

function contentHash(db: Db): string {
  const hash = createHash('sha256');
  for (const table of ['accounts', 'periods', 'outcomes', 'account_patterns', 'demo_patterns']) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

let db: Db;
beforeAll(async () => {
  await writeDemoWorkspace(join(dir.path, 'a.ladder'), params);
  db = (await openWorkspace(join(dir.path, 'a.ladder'))).db;
});
afterAll(() => db?.close());

/** Per-pattern average of an expression over the latest period. */
function latestByPattern(expr: string): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT ap.pattern AS pattern, avg(${expr}) AS value
       FROM periods p JOIN accounts a ON a.key = p.account_key JOIN account_patterns ap ON ap.account_key = a.key
       WHERE p.period_start = (SELECT max(period_start) FROM periods) GROUP BY ap.pattern`,
    )
    .all() as { pattern: string; value: number }[];
  return Object.fromEntries(rows.map((r) => [r.pattern, r.value]));
}

describe('demo generator', () => {
  it('gives the same book for the same seed, and another for another seed', async () => {
    await writeDemoWorkspace(join(dir.path, 'b.ladder'), params);
    await writeDemoWorkspace(join(dir.path, 'c.ladder'), { ...params, seed: 43 });
    const b = (await openWorkspace(join(dir.path, 'b.ladder'))).db;
    const c = (await openWorkspace(join(dir.path, 'c.ladder'))).db;
    expect(contentHash(b)).toBe(contentHash(db));
    expect(contentHash(c)).not.toBe(contentHash(db));
    b.close();
    c.close();
  });

  it('splits accounts into exact pattern counts that add up', () => {
    for (const n of [10, 999, 2000, 1_000_000]) {
      const counts = patternCounts(n);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
      counts.forEach((c, i) => expect(Math.abs(c - demoPatterns[i]!.share * n)).toBeLessThan(1));
    }
  });

  it('true expanders keep seats above 80 % for two quarters and spread to enough departments', () => {
    const rows = db
      .prepare(
        `SELECT a.segment, min(p.seats_used * 1.0 / a.seats_licensed) AS min_util,
                max(CASE WHEN p.period_start = (SELECT max(period_start) FROM periods) THEN p.departments_active END) AS depts
         FROM periods p JOIN accounts a ON a.key = p.account_key JOIN account_patterns ap ON ap.account_key = a.key
         WHERE ap.pattern = 'true_expander' AND p.period_start > date('2026-03-02', '-182 days')
         GROUP BY a.key`,
      )
      .all() as { segment: string; min_util: number; depts: number }[];
    expect(rows).toHaveLength(240);
    const need = { SMB: 2, 'Mid-Market': 3, Enterprise: 5 } as Record<string, number>;
    expect(rows.filter((r) => r.min_util > 0.8).length / rows.length).toBeGreaterThan(0.9);
    expect(rows.every((r) => r.depts >= need[r.segment]!)).toBe(true);
  });

  it('single champions concentrate sessions in one user; others do not', () => {
    const share = latestByPattern('p.top_user_sessions * 1.0 / p.total_sessions');
    expect(share.single_champion).toBeGreaterThan(0.55);
    expect(share.true_expander).toBeLessThan(0.35);
    expect(share.ordinary).toBeLessThan(0.35);
  });

  it('admin-only accounts have provisioned seats but little frontline use', () => {
    const util = latestByPattern('p.seats_used * 1.0 / a.seats_licensed');
    const frontline = latestByPattern('p.non_admin_active_users * 1.0 / p.seats_used');
    const adminActions = latestByPattern('p.admin_actions');
    expect(util.admin_only).toBeGreaterThan(0.8);
    expect(frontline.admin_only).toBeLessThan(0.15);
    expect(frontline.true_expander).toBeGreaterThan(0.5);
    expect(adminActions.admin_only).toBeGreaterThan(5 * adminActions.ordinary!);
  });

  it('launch spikes peak two to five weeks ago and fade', () => {
    const rows = db
      .prepare(
        `SELECT max(p.active_users) * 1.0 / (SELECT active_users FROM periods q WHERE q.account_key = p.account_key AND q.period_start = '2026-03-02') AS fade
         FROM periods p JOIN account_patterns ap ON ap.account_key = p.account_key
         WHERE ap.pattern = 'launch_spike' AND p.period_start BETWEEN date('2026-03-02', '-35 days') AND date('2026-03-02', '-7 days')
         GROUP BY p.account_key`,
      )
      .pluck()
      .all() as number[];
    const faded = rows.filter((r) => r >= 1.5).length;
    expect(faded / rows.length).toBeGreaterThan(0.8);
  });

  it('no-buying-path accounts use the product broadly but have no known buyer, no exec contact and a distant renewal', () => {
    const row = db
      .prepare(
        `SELECT max(a.economic_buyer_known) AS buyer, min(julianday(a.renewal_date) - julianday('2026-03-02')) AS renewal_days,
                sum(p.exec_meetings) AS exec
         FROM accounts a JOIN account_patterns ap ON ap.account_key = a.key JOIN periods p ON p.account_key = a.key
         WHERE ap.pattern = 'no_buying_path'`,
      )
      .get() as { buyer: number; renewal_days: number; exec: number };
    expect(row).toEqual({ buyer: 0, renewal_days: expect.any(Number), exec: 0 });
    expect(row.renewal_days).toBeGreaterThanOrEqual(200);
    expect(latestByPattern('p.seats_used * 1.0 / a.seats_licensed').no_buying_path).toBeGreaterThan(0.85);
  });

  it('unhappy high-usage accounts have low health, negative NPS and many reactive tickets', () => {
    const row = db
      .prepare(
        `SELECT max(a.health_score) AS health, max(a.nps) AS nps FROM accounts a JOIN account_patterns ap ON ap.account_key = a.key
         WHERE ap.pattern = 'unhappy_high_usage'`,
      )
      .get() as { health: number; nps: number };
    expect(row.health).toBeLessThan(50);
    expect(row.nps).toBeLessThan(0);
    const tickets = latestByPattern('p.tickets_reactive');
    expect(tickets.unhappy_high_usage).toBeGreaterThan(3 * tickets.healthy_narrow!);
  });

  it('won expansions cluster on true expanders', () => {
    const rates = Object.fromEntries(
      (
        db
          .prepare(
            `SELECT ap.pattern, avg(EXISTS (SELECT 1 FROM outcomes o WHERE o.account_key = ap.account_key AND o.is_expansion = 1 AND o.won = 1)) AS rate
             FROM account_patterns ap GROUP BY ap.pattern`,
          )
          .raw()
          .all() as [string, number][]
      ).map(([p, r]) => [p, r]),
    );
    expect(rates.true_expander).toBeGreaterThan(0.55);
    for (const other of ['healthy_narrow', 'admin_only', 'unhappy_high_usage', 'launch_spike'])
      expect(rates[other]).toBeLessThan(0.2);
  });

  it('a cancelled generation leaves no file behind', async () => {
    const controller = new AbortController();
    const path = join(dir.path, 'cancelled.ladder');
    const run = writeDemoWorkspace(
      path,
      { ...params, accounts: 20_000 },
      {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    await expect(run).rejects.toThrow(/cancelled/);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir.path).filter((f) => f.startsWith('cancelled'))).toEqual([]);
  });
});
