// Many rows per customer rolled up into accounts (issue 9, problem 4), through `ladder import` on
// files shaped like users' exports: order lines with cancelled lines, a subscriptions export with
// churn flags and a replaced subscription, and a Stripe subscriptions export whose own id is unique.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '#shared/import/report';
import { queryWorkspace } from '../../helpers/query-workspace';
import { runLadder } from '../../helpers/run-cli';
import { repoRoot, tempDir } from '../../helpers/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'own-data');
const dir = tempDir();
afterAll(() => dir.cleanup());

async function rollUp(file: string, workspace: string, ...extra: string[]) {
  const args = ['import', join(fixtures, file), '--workspace', workspace, '--kind', 'accounts', '--json'];
  const run = await runLadder([...args, '--roll-up', ...extra]);
  return { ...run, report: JSON.parse(run.stdout || 'null') as ImportReport | null };
}
const query = queryWorkspace;

describe('rolling rows up into accounts', () => {
  it('order lines: one account per customer, seats summed over the lines not cancelled', async () => {
    const ws = join(dir.path, 'orders.ladder');
    const { status, report, stderr } = await rollUp('order-lines.csv', ws);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(report).toMatchObject({ rowsRead: 62, rowsRejected: 0, inserted: 12, duplicates: 0 });
    expect(report!.rollUp).toEqual({
      keyColumn: 'Customer ID',
      rows: 62,
      accounts: 12,
      activeRows: 57,
      ended: { flag: 0, status: 5, 'ended date': 0, replaced: 0 },
    });
    expect(report!.warnings).toContain(
      '62 rows rolled up into 12 accounts (one per "Customer ID"): ARR and seats are sums over the 57 active rows; 5 ended rows count for neither (5 by their "Status").',
    );
    // CUST-000: two cancelled lines (16 and 40) and three active ones (27 + 13 + 6).
    expect(
      query(
        ws,
        `SELECT id, name, seats_licensed AS seats, json_extract(custom, '$."Order ID"') AS lastOrder
         FROM accounts WHERE id IN ('CUST-000', 'CUST-005') ORDER BY id`,
      ),
    ).toEqual([
      { id: 'CUST-000', name: 'CUST-000', seats: 46, lastOrder: 'SO-5001' },
      { id: 'CUST-005', name: 'CUST-005', seats: 60, lastOrder: 'SO-5051' },
    ]);
    expect(query(ws, 'SELECT count(*) AS n, sum(seats_licensed) AS seats FROM accounts')).toEqual([
      { n: 12, seats: 1141 },
    ]);
  });

  it('subscriptions: churned ones count for nothing, a subscription replaced by a later one neither', async () => {
    const ws = join(dir.path, 'subscriptions.ladder');
    const { status, report } = await rollUp('subscriptions-churned.csv', ws);
    expect(status).toBe(0);
    expect(report!.rollUp).toMatchObject({
      rows: 5,
      accounts: 4,
      activeRows: 2,
      ended: { flag: 2, status: 0, 'ended date': 0, replaced: 1 },
    });
    expect(
      query(
        ws,
        `SELECT id, arr, seats_licensed AS seats, tier, contract_start AS since,
                json_extract(custom, '$.end_date') AS endDate, json_extract(custom, '$.subscription_id') AS sub
         FROM accounts ORDER BY id`,
      ),
    ).toEqual([
      // Acme: S-001 (Basic, ended 2023-12-31) was replaced by S-002 (Pro, open-ended).
      {
        id: '0015g00000Acme01AAA',
        arr: 18000,
        seats: 20,
        tier: 'Pro',
        since: '2023-01-01',
        endDate: null,
        sub: 'S-002',
      },
      // Churned: ARR and seats 0, the last subscription's other fields kept.
      {
        id: '0015g00000Glob02AAA',
        arr: 0,
        seats: 0,
        tier: 'Pro',
        since: '2023-03-01',
        endDate: '2024-02-29',
        sub: 'S-003',
      },
      {
        id: '0015g00000Init03AAA',
        arr: 60000,
        seats: 50,
        tier: 'Enterprise',
        since: '2023-06-01',
        endDate: '2024-05-31',
        sub: 'S-004',
      },
      {
        id: '0015g00000Umbr04AAA',
        arr: 0,
        seats: 0,
        tier: 'Basic',
        since: '2023-09-01',
        endDate: '2024-01-15',
        sub: 'S-005',
      },
    ]);
  });

  it('a Stripe subscriptions export rolls up by "Customer ID", not by the subscription id', async () => {
    const ws = join(dir.path, 'stripe.ladder');
    const { status, report } = await rollUp('stripe-subscriptions-history.csv', ws);
    expect(status).toBe(0);
    expect(report!.columns.find((c) => c.name === 'Customer ID')?.field).toBe('account_id');
    expect(report!.columns.find((c) => c.name === 'id')?.field).toBe('custom:id');
    expect(report!.rollUp).toMatchObject({ accounts: 4, activeRows: 4, ended: { status: 3 } });
    // Acme cancelled its Team subscription for Pro; Umbrella has an active and a trialing one.
    expect(query(ws, 'SELECT id, name, tier, seats_licensed AS seats FROM accounts ORDER BY id')).toEqual([
      { id: 'cus_PQ1acme', name: 'Customer 0', tier: 'price_pro', seats: 10 },
      { id: 'cus_PQ2globex', name: 'Customer 1', tier: 'price_pro', seats: 0 },
      { id: 'cus_PQ3initech', name: 'Customer 2', tier: 'price_pro', seats: 5 },
      { id: 'cus_PQ4umbrella', name: 'Customer 3', tier: 'price_team', seats: 9 },
    ]);
  });

  it('a dry run writes nothing; a mapping file with "rollUp" does the same as --roll-up and is recorded', async () => {
    const ws = join(dir.path, 'mapping.ladder');
    const dry = await rollUp('order-lines.csv', ws, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.report).toMatchObject({ dryRun: true, committed: false, inserted: 12 });
    // A dry run into a new workspace does not even leave the file behind.
    expect(existsSync(ws)).toBe(false);

    const mapping = join(dir.path, 'roll-up.json');
    writeFileSync(mapping, JSON.stringify({ kind: 'accounts', rollUp: true }));
    const args = ['import', join(fixtures, 'order-lines.csv'), '--workspace', ws, '--kind', 'accounts'];
    const run = await runLadder([...args, '--mapping', mapping, '--json']);
    expect(run.status).toBe(0);
    expect(query(ws, 'SELECT count(*) AS n, sum(seats_licensed) AS seats FROM accounts')).toEqual([
      { n: 12, seats: 1141 },
    ]);
    const recorded = query(ws, "SELECT json_extract(mapping, '$.rollUp') AS rollUp FROM imports");
    expect(recorded).toEqual([{ rollUp: 1 }]);
  });

  it('rolled up into accounts already in the workspace: they are updated, with their old values kept for undo', async () => {
    const ws = join(dir.path, 'again.ladder');
    expect((await rollUp('order-lines.csv', ws)).status).toBe(0);
    const again = await rollUp('order-lines.csv', ws);
    expect(again.status).toBe(0);
    expect(again.report).toMatchObject({ inserted: 0, updated: 12, duplicates: 0, rowsRejected: 0 });
    expect(query(ws, 'SELECT count(*) AS n FROM import_undo WHERE import_id = 2')).toEqual([{ n: 12 }]);
  });
});
