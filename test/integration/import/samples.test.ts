// Every public sample export in test/fixtures/samples imports through the real CLI with its preset;
// counts, types and date ranges are pinned to what the files hold.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '#shared/import/report';
import { runLadder } from '../../helpers/run-cli';
import { repoRoot, tempDir } from '../../helpers/temp';

const data = join(repoRoot, 'test', 'fixtures', 'samples');
const dir = tempDir();
afterAll(() => dir.cleanup());

async function importJson(
  file: string,
  workspace: string,
  kind: string,
  ...extra: string[]
): Promise<{ status: number | null; report: ImportReport; stderr: string }> {
  const run = await runLadder(['import', file, '--workspace', workspace, '--kind', kind, '--json', ...extra]);
  return { status: run.status, report: JSON.parse(run.stdout || 'null') as ImportReport, stderr: run.stderr };
}
const column = (r: ImportReport, name: string) => r.columns.find((c) => c.name === name)!;
const query = (ws: string, sql: string) => {
  const db = new Database(ws, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('sample exports through `ladder import`', () => {
  it('Salesforce demo org: accounts, opportunities (02/03/24 is 3 Feb 2024), contacts, converted leads', async () => {
    const ws = join(dir.path, 'sf-demo.ladder');
    const accounts = await importJson(
      join(data, 'salesforce-demo/Account.csv'),
      ws,
      'accounts',
      '--preset',
      'salesforce',
    );
    expect(accounts.status).toBe(0);
    expect(accounts.report).toMatchObject({ rowsRead: 18, rowsImported: 18, rowsRejected: 0, committed: true });
    expect(column(accounts.report, 'NumberOfEmployees')).toMatchObject({
      field: 'employees',
      type: 'integer',
      nulls: 7,
      min: 120,
      max: 145000,
    });
    expect(column(accounts.report, 'AnnualRevenue')).toMatchObject({ field: 'custom:AnnualRevenue', type: 'integer' });

    const opps = await importJson(
      join(data, 'salesforce-demo/Opportunity.csv'),
      ws,
      'outcomes',
      '--preset',
      'salesforce',
    );
    expect(opps.status).toBe(0);
    expect(opps.report).toMatchObject({ rowsRead: 36, rowsImported: 36 });
    expect(column(opps.report, 'CloseDate')).toMatchObject({ field: 'close_date', type: 'date' });
    expect(column(opps.report, 'CreatedDate')).toMatchObject({
      field: 'opened_date',
      min: '2026-02-23',
      max: '2026-02-24',
    });
    expect(query(ws, "SELECT close_date, won, amount FROM outcomes WHERE id = '006bm00000LKJNNAA5'")).toEqual([
      // Qualification, not closed: open, so won is NULL (not lost).
      { close_date: '2024-02-03', won: null, amount: 15000 },
    ]);
    // The datetime column stays a custom field, read with its PM hour.
    expect(column(opps.report, 'LastModifiedDate')).toMatchObject({ type: 'datetime', min: '2026-02-23' });
    expect(query(ws, "SELECT json_extract(custom, '$.LastModifiedDate') AS t FROM outcomes LIMIT 1")).toEqual([
      { t: '2026-02-23T20:55:00' },
    ]);

    const contacts = await importJson(join(data, 'salesforce-demo/Contact.csv'), ws, 'users', '--preset', 'salesforce');
    expect(contacts.report).toMatchObject({ rowsRead: 25, rowsImported: 25 });
    // Leads are people; only converted ones belong to an account. The rest are refused by name.
    const leads = await importJson(
      join(data, 'salesforce-demo/Lead.csv'),
      ws,
      'users',
      '--preset',
      'salesforce',
      '--on-error',
      'skip',
    );
    expect(leads.report).toMatchObject({ rowsRead: 22, rowsImported: 5, rowsRejected: 17 });
    expect(leads.report.rejected[0]).toMatchObject({
      column: 'ConvertedAccountId',
      reason: 'Account ID is blank, and users need it',
    });
    // OpportunityHistory holds stage snapshots, not outcomes, and names no account: refused, saying why.
    const history = await runLadder([
      'import',
      join(data, 'salesforce-demo/OpportunityHistory.csv'),
      '--workspace',
      ws,
      '--kind',
      'outcomes',
      '--preset',
      'salesforce',
    ]);
    expect(history.status).toBe(1);
    expect(history.stderr).toMatch(
      /^OpportunityHistory\.csv: No column is mapped to Account ID \(account_id\), which outcomes need\.\n$/,
    );
    expect(query(ws, 'SELECT count(*) AS n FROM outcomes')).toEqual([{ n: 36 }]);
  });

  it('Salesforce Data Cloud: BOM absent from the first header, JSON-in-cell kept intact, +0000 timestamps', async () => {
    const ws = join(dir.path, 'sf-dc.ladder');
    const accounts = await importJson(
      join(data, 'salesforce-datacloud/Account.csv'),
      ws,
      'accounts',
      '--preset',
      'salesforce',
    );
    expect(accounts.report).toMatchObject({ rowsRead: 22, rowsImported: 22 });
    expect(accounts.report.source.encoding).toBe('utf-8-bom');
    expect(accounts.report.columns[0]!.name).toBe('Id');
    expect(accounts.report.columns.every((c) => !c.name.includes('\uFEFF'))).toBe(true);
    const opps = await importJson(
      join(data, 'salesforce-datacloud/Opportunity.csv'),
      ws,
      'outcomes',
      '--preset',
      'salesforce',
    );
    expect(opps.report).toMatchObject({ rowsRead: 50, rowsImported: 50 });
    expect(column(opps.report, 'CreatedDate')).toMatchObject({
      field: 'opened_date',
      type: 'date',
      min: '2024-01-22',
      max: '2024-01-22',
    });
    expect(column(opps.report, 'CloseDate')).toMatchObject({ min: expect.stringMatching(/^20\d\d-\d\d-\d\d$/) });
    const cases = await importJson(
      join(data, 'salesforce-datacloud/Case.csv'),
      ws,
      'tickets',
      '--preset',
      'salesforce',
      '--on-error',
      'skip',
    );
    expect(cases.report).toMatchObject({ rowsRead: 40, rowsImported: 14, rowsRejected: 26 });
    const contacts = await importJson(
      join(data, 'salesforce-datacloud/Contact.csv'),
      ws,
      'users',
      '--preset',
      'salesforce',
      '--on-error',
      'skip',
    );
    expect(contacts.report).toMatchObject({ rowsRead: 102, rowsImported: 18 });
    // A cell holding JSON comes through character for character, as text.
    const cells = query(
      ws,
      "SELECT json_extract(custom, '$.BillingAddress') AS a FROM accounts WHERE a IS NOT NULL",
    ) as { a: string }[];
    expect(cells.length).toBeGreaterThan(0);
    expect(
      cells.some((c) => c.a.startsWith('{"city":"Katherinemouth","country":"United States","geocodeAccuracy":null,')),
    ).toBe(true);
    for (const c of cells) expect(typeof JSON.parse(c.a)).toBe('object');
  });

  it('RavenStack: day-first signup dates, subscriptions and churn as outcomes, feature usage as weekly periods, tickets', async () => {
    const ws = join(dir.path, 'raven.ladder');
    const accounts = await importJson(
      join(data, 'ravenstack/ravenstack_accounts.csv'),
      ws,
      'accounts',
      '--preset',
      'ravenstack',
    );
    expect(accounts.report).toMatchObject({ rowsRead: 500, rowsImported: 500, rowsRejected: 0 });
    expect(column(accounts.report, 'signup_date')).toMatchObject({
      field: 'contract_start',
      type: 'date',
      nulls: 0,
      min: '2023-01-02',
      max: '2024-12-31',
    });
    expect(column(accounts.report, 'churn_flag')).toMatchObject({ type: 'boolean' });
    expect(query(ws, "SELECT contract_start FROM accounts WHERE id = 'A-2e4581'")).toEqual([
      { contract_start: '2024-10-16' },
    ]);
    expect(query(ws, "SELECT contract_start FROM accounts WHERE id = 'A-43a9e3'")).toEqual([
      { contract_start: '2023-08-17' },
    ]);
    const subs = await importJson(
      join(data, 'ravenstack/ravenstack_subscriptions.csv'),
      ws,
      'outcomes',
      '--preset',
      'ravenstack',
    );
    expect(subs.report).toMatchObject({ rowsRead: 5000, rowsImported: 5000 });
    // A churned subscription is lost, never won; the others were sold.
    expect(
      query(ws, 'SELECT churned, won, count(*) AS n FROM outcomes GROUP BY churned, won ORDER BY churned'),
    ).toEqual([
      { churned: 0, won: 1, n: expect.any(Number) },
      { churned: 1, won: 0, n: expect.any(Number) },
    ]);
    const churn = await importJson(
      join(data, 'ravenstack/ravenstack_churn_events.csv'),
      ws,
      'outcomes',
      '--preset',
      'ravenstack',
    );
    expect(churn.report).toMatchObject({ rowsRead: 600, rowsImported: 600 });
    expect(query(ws, "SELECT count(*) AS n FROM outcomes WHERE type = 'Churn' AND is_expansion = 0")).toEqual([
      { n: 600 },
    ]);
    const usage = await importJson(
      join(data, 'ravenstack/ravenstack_feature_usage.csv'),
      ws,
      'events',
      '--preset',
      'ravenstack',
    );
    expect(usage.report).toMatchObject({ rowsRead: 25000, rowsImported: 25000, rowsRejected: 0 });
    expect(
      query(
        ws,
        "SELECT min(period_start) AS a, max(period_start) AS b, sum(json_extract(custom, '$.events')) AS events FROM periods",
      ),
    ).toEqual([{ a: '2022-12-26', b: '2024-12-30', events: expect.any(Number) }]);
    const tickets = await importJson(
      join(data, 'ravenstack/ravenstack_support_tickets.csv'),
      ws,
      'tickets',
      '--preset',
      'ravenstack',
    );
    expect(tickets.report).toMatchObject({ rowsRead: 2000, rowsImported: 2000 });
  });

  it('Pendo and Amplitude events aggregate once their accounts and users are known; group data is refused', async () => {
    const ws = join(dir.path, 'product.ladder');
    const history = await importJson(join(data, 'pendo/account_history.csv'), ws, 'accounts', '--preset', 'pendo');
    expect(history.report).toMatchObject({ rowsRead: 5, rowsImported: 5 });
    const orphans = await importJson(join(data, 'pendo/event.csv'), ws, 'events', '--preset', 'pendo');
    expect(orphans.status).toBe(1);
    expect(orphans.report).toMatchObject({ committed: false, orphans: 5 });
    expect(orphans.stderr).toMatch(
      /Nothing was imported: all 5 rows were rejected \(first: row 2, column "account_id", value "month_train": no account "month_train" in the workspace/,
    );
    // The seed files' events name accounts the account file lacks: add them, then events land.
    const extra = join(dir.path, 'pendo-accounts.csv');
    writeFileSync(
      extra,
      'account_id,name\nmonth_train,Month Train\n1sk7ccaeau_acc,1SK\nbilly_idol,Billy\ngood_day,Good Day\n_winners_acc,Winners\nextinguished_cool,Cool\neclipse_doormat,Eclipse\nleaves_acc,Leaves\n',
    );
    expect((await runLadder(['import', extra, '--workspace', ws, '--kind', 'accounts'])).status).toBe(0);
    for (const f of ['event.csv', 'feature_event.csv']) {
      const events = await importJson(join(data, 'pendo', f), ws, 'events', '--preset', 'pendo', '--on-error', 'skip');
      expect(events.status).toBe(0);
      expect(events.report.rowsRead).toBe(5);
      expect(events.report.rowsImported).toBeGreaterThanOrEqual(4);
      expect(column(events.report, 'timestamp')).toMatchObject({
        field: 'timestamp',
        type: 'datetime',
        min: expect.stringMatching(/^2021-\d\d-\d\d$/),
      });
    }
    const users = join(dir.path, 'amp-users.csv');
    writeFileSync(
      users,
      'account_id,user_id,email\nmonth_train,dev@gmail.com,dev@gmail.com\nmonth_train,a@gmail.com,a@gmail.com\ngood_day,b@gmail.com,b@gmail.com\ngood_day,beyonce@gmail.com,beyonce@gmail.com\n',
    );
    expect((await runLadder(['import', users, '--workspace', ws, '--kind', 'users'])).status).toBe(0);
    const amp = await importJson(
      join(data, 'amplitude/amplitude_event_data.csv'),
      ws,
      'events',
      '--preset',
      'amplitude',
      '--on-error',
      'skip',
    );
    expect(amp.status).toBe(0);
    expect(amp.report.rowsRead).toBe(10);
    expect(amp.report.rowsImported).toBeGreaterThan(0);
    // JSON objects inside cells stay exactly as written.
    expect(column(amp.report, 'event_properties')).toMatchObject({ field: 'custom:event_properties', type: 'text' });
    const group = await runLadder([
      'import',
      join(data, 'pendo/group_data.csv'),
      '--workspace',
      ws,
      '--kind',
      'accounts',
      '--preset',
      'pendo',
    ]);
    expect(group.status).toBe(1);
    expect(group.stderr).toMatch(/does not look like a Pendo accounts export: it has no "agent_name" column/);
  });
});
