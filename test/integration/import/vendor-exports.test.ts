// Every vendor export of the corpus (test/fixtures/own-data/corpus, headers from each vendor's export
// documentation) imported as a new user would: `ladder import` with no preset and no mapping, the
// account file first, then what refers to it. The corpus test pins each file's mapping; this one
// shows that the rows then land with the right values — nothing rejected, outcomes won or lost as
// the vendor meant, probabilities on one scale, one account per customer.
import { join } from 'node:path';
import type { ImportReport } from '#shared/import/report';
import { queryWorkspace } from '../../helpers/query-workspace';
import { runLadder } from '../../helpers/run-cli';
import { repoRoot, tempDir } from '../../helpers/temp';

const corpus = join(repoRoot, 'test', 'fixtures', 'own-data', 'corpus');
const dir = tempDir();
afterAll(() => dir.cleanup());

/** Imports a corpus file, expecting every row in, and returns the report. */
async function imported(workspace: string, file: string, kind: string, ...extra: string[]): Promise<ImportReport> {
  const ws = join(dir.path, workspace);
  const run = await runLadder(['import', join(corpus, file), '--workspace', ws, '--kind', kind, '--json', ...extra]);
  const report = JSON.parse(run.stdout || 'null') as ImportReport | null;
  expect(run.stderr, file).toBe('');
  expect(run.status, file).toBe(0);
  expect(report, file).toMatchObject({ committed: true, rowsRejected: 0, orphans: 0, duplicates: 0 });
  return report!;
}
const query = (workspace: string, sql: string) => queryWorkspace(join(dir.path, workspace), sql);
interface Outcome {
  stage: string;
  won: 0 | 1 | null;
  expansion: 0 | 1 | null;
  probability: number | null;
  seats: number | null;
}
const outcomesOf = (workspace: string) =>
  query(
    workspace,
    'SELECT stage, won, is_expansion AS expansion, probability, seats FROM outcomes ORDER BY id',
  ) as Outcome[];

describe('vendor exports, imported without a preset', () => {
  it('Salesforce: an Account report, then an Opportunity report with Closed and Won flags', async () => {
    await imported('sf.ladder', 'salesforce-account-report.csv', 'accounts');
    expect(query('sf.ladder', 'SELECT id, region, employees FROM accounts ORDER BY id')).toEqual([
      { id: '0015g00000XyZaBAA1', region: 'United States', employees: 1200 },
      { id: '0015g00000XyZaCAA1', region: 'Germany', employees: 300 },
      { id: '0015g00000XyZaDAA1', region: 'United Kingdom', employees: 45 },
    ]);
    await imported('sf.ladder', 'salesforce-opportunity-report.csv', 'outcomes');
    expect(outcomesOf('sf.ladder')).toEqual([
      { stage: 'Closed Won', won: 1, expansion: 1, probability: 1, seats: null },
      { stage: 'Closed Lost', won: 0, expansion: 0, probability: 0, seats: null },
      { stage: 'Proposal/Price Quote', won: null, expansion: 0, probability: 0.75, seats: null },
    ]);
  });

  it('HubSpot: deal probabilities written as fractions stay fractions; "Existing Business" is left unknown', async () => {
    await imported('hs.ladder', 'hubspot-companies.csv', 'accounts');
    const deals = await imported('hs.ladder', 'hubspot-deals.csv', 'outcomes');
    // HubSpot exports 0.9 for 90 %: read as 0–100, a won deal's 1 would be 1 %.
    expect(outcomesOf('hs.ladder')).toEqual([
      { stage: 'Closed Won', won: 1, expansion: null, probability: 1, seats: null },
      { stage: 'Closed Lost', won: 0, expansion: null, probability: 0, seats: null },
      { stage: 'Contract Sent', won: null, expansion: 0, probability: 0.9, seats: null },
    ]);
    expect(deals.warnings).toContain(
      'Column "Deal probability" holds numbers from 0 to 1 only (such as "0.9"): they are read as fractions, so "0.9" is 90 %.',
    );
    expect(deals.warnings.some((w) => w.includes('"Existing Business" (2 rows)'))).toBe(true);
  });

  it('Gainsight, ChurnZero, Totango and Pendo account exports: ids, dates and scores as the vendor meant', async () => {
    await imported('gs.ladder', 'gainsight-company.csv', 'accounts');
    expect(query('gs.ladder', 'SELECT id, arr, renewal_date AS renewal, health_score AS health FROM accounts')).toEqual(
      [
        { id: '1P02ABCDEF12345678', arr: 288000, renewal: '2025-03-31', health: 78 },
        { id: '1P02ABCDEF12345679', arr: 60000, renewal: '2024-09-14', health: 55 },
        { id: '1P02ABCDEF12345680', arr: 18000, renewal: '2025-01-09', health: null },
      ],
    );
    // ChurnZero writes US dates: 03/31/2025 settles the month-first order for the whole column.
    await imported('cz.ladder', 'churnzero-accounts.csv', 'accounts');
    expect(query('cz.ladder', 'SELECT id, contract_start AS start, seats_licensed AS seats FROM accounts')).toEqual([
      { id: 'acme-001', start: '2021-04-01', seats: 250 },
      { id: 'globex-002', start: '2022-09-15', seats: 60 },
      { id: 'initech-003', start: '2024-01-10', seats: 12 },
    ]);
    await imported('tt.ladder', 'totango-accounts.csv', 'accounts');
    expect(query('tt.ladder', 'SELECT id, arr, owner_csm AS csm FROM accounts ORDER BY id')).toEqual([
      { id: 'acme', arr: 288000, csm: 'Dana Cruz' },
      { id: 'globex', arr: 60000, csm: 'Sam Park' },
      { id: 'initech', arr: 0, csm: 'Dana Cruz' },
    ]);
    await imported('pd.ladder', 'pendo-accounts.csv', 'accounts');
    expect(query('pd.ladder', 'SELECT id, json_extract(custom, \'$."Days Active"\') AS days FROM accounts')).toEqual([
      { id: 'acme', days: 640 },
      { id: 'globex', days: 210 },
      { id: 'initech', days: 33 },
    ]);
  });

  it('Mixpanel events on Totango accounts: epoch seconds become weekly periods', async () => {
    await imported('mx.ladder', 'totango-accounts.csv', 'accounts');
    const events = await imported('mx.ladder', 'mixpanel-events.csv', 'events');
    expect(events.periodsWritten).toBe(3);
    // 1709251200 is Friday 2024-03-01: its week starts on Monday 2024-02-26.
    expect(
      query(
        'mx.ladder',
        "SELECT a.id, p.period_start AS week, json_extract(p.custom, '$.events') AS events " +
          'FROM periods p JOIN accounts a ON a.key = p.account_key ORDER BY a.id',
      ),
    ).toEqual([
      { id: 'acme', week: '2024-02-26', events: 1 },
      { id: 'globex', week: '2024-02-26', events: 1 },
      { id: 'initech', week: '2024-02-26', events: 1 },
    ]);
  });

  it('Amplitude: JSON lines from its export API name the account in "groups"; events per week', async () => {
    await imported('am.ladder', 'totango-accounts.csv', 'accounts');
    const events = await imported('am.ladder', 'amplitude-export.json', 'events');
    expect(events.columns.find((c) => c.name === 'groups.company')?.field).toBe('account_id');
    expect(
      query(
        'am.ladder',
        "SELECT a.id, p.period_start AS week, p.active_users AS users, json_extract(p.custom, '$.events') AS events " +
          'FROM periods p JOIN accounts a ON a.key = p.account_key ORDER BY a.id, week',
      ),
    ).toEqual([
      { id: 'acme', week: '2024-02-26', users: 1, events: 1 },
      { id: 'acme', week: '2024-03-11', users: 1, events: 1 },
      { id: 'globex', week: '2024-02-26', users: 1, events: 1 },
      { id: 'initech', week: '2024-03-11', users: 1, events: 1 },
    ]);
  });

  it('Stripe: a subscriptions export is one account per customer, then its subscriptions are outcomes', async () => {
    // Each customer has one subscription here, so "Customer ID" is as unique as the subscription's
    // bare "id": the account is still the customer, or the outcomes below would find no account.
    const accounts = await imported('st.ladder', 'stripe-subscriptions.csv', 'accounts', '--roll-up');
    expect(accounts.columns.find((c) => c.name === 'Customer ID')?.field).toBe('account_id');
    expect(query('st.ladder', 'SELECT id, name, seats_licensed AS seats FROM accounts ORDER BY name')).toEqual([
      { id: 'cus_PQ1rS2tU3vW4xY', name: 'Acme Corp', seats: 25 },
      { id: 'cus_PQ1rS2tU3vW4xZ', name: 'Globex', seats: 0 },
      { id: 'cus_PQ1rS2tU3vW4xA', name: 'Initech', seats: 5 },
    ]);
    await imported('st.ladder', 'stripe-subscriptions.csv', 'outcomes');
    expect(outcomesOf('st.ladder').map((o) => [o.stage, o.won, o.seats])).toEqual([
      ['active', 1, 25],
      ['canceled', 0, 10],
      ['trialing', null, 5],
    ]);
  });

  it('Chargebee: "Plan Quantity" is the seats of the rolled-up account and of each subscription', async () => {
    await imported('cb.ladder', 'chargebee-subscriptions.csv', 'accounts', '--roll-up');
    expect(query('cb.ladder', 'SELECT id, tier, seats_licensed AS seats FROM accounts ORDER BY id')).toEqual([
      { id: 'cb_acme', tier: 'pro-annual', seats: 25 },
      { id: 'cb_globex', tier: 'team-monthly', seats: 0 },
      { id: 'cb_initech', tier: 'pro-monthly', seats: 5 },
    ]);
    await imported('cb.ladder', 'chargebee-subscriptions.csv', 'outcomes');
    expect(outcomesOf('cb.ladder').map((o) => [o.stage, o.won, o.seats])).toEqual([
      ['active', 1, 25],
      ['cancelled', 0, 10],
      ['in_trial', null, 5],
    ]);
  });

  it('Zendesk: organizations, then tickets classified by what they ask', async () => {
    await imported('zd.ladder', 'zendesk-organizations.csv', 'accounts');
    expect(query('zd.ladder', 'SELECT id, name, domain FROM accounts ORDER BY id')).toEqual([
      { id: '57542', name: 'Acme Corp', domain: 'acme.com' },
      { id: '57543', name: 'Globex', domain: 'globex.de' },
      { id: '57544', name: 'Initech', domain: 'initech.co.uk' },
    ]);
    await imported('zd.ladder', 'zendesk-tickets.csv', 'tickets');
    expect(query('zd.ladder', 'SELECT id, status, kind FROM tickets ORDER BY id')).toEqual([
      { id: '35436', status: 'solved', kind: expect.any(String) },
      { id: '35437', status: 'open', kind: 'exploratory' },
      { id: '35438', status: 'pending', kind: 'reactive' },
    ]);
  });
});
