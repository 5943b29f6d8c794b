// The mapping checks itself (issue 9, problem 4), through the real CLI on files shaped like users'
// exports: a CRM account export whose score column mentions "Account", a snapshot whose renewal
// column counts days, order lines with many rows per customer, a 0–100 health column with one "70%".
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '#shared/import/report';
import { ladder } from '../../helpers/cli';
import { queryWorkspace } from '../../helpers/query-workspace';
import { repoRoot, tempDir } from '../../helpers/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'own-data');
const dir = tempDir();
afterAll(() => dir.cleanup());

function importJson(file: string, workspace: string, ...extra: string[]) {
  const run = ladder([
    'import',
    join(fixtures, file),
    '--workspace',
    workspace,
    '--kind',
    'accounts',
    '--json',
    ...extra,
  ]);
  return { ...run, report: JSON.parse(run.stdout || 'null') as ImportReport | null };
}
const query = queryWorkspace;
const field = (r: ImportReport, name: string) => r.columns.find((c) => c.name === name)?.field;

describe('a mapping that checks itself', () => {
  it('a CRM export: the unique External_ID is the account id, not the score column that mentions "Account"', () => {
    const ws = join(dir.path, 'crm.ladder');
    const { status, report } = importJson('crm-accounts.csv', ws);
    expect(status).toBe(0);
    expect(report).toMatchObject({ rowsRead: 60, rowsImported: 60, rowsRejected: 0, duplicates: 0 });
    expect(field(report!, 'External_ID')).toBe('account_id');
    expect(field(report!, 'Account Health Score')).toBe('health_score');
    expect(query(ws, "SELECT id, name, health_score FROM accounts WHERE id = 'EXT-1000'")).toEqual([
      { id: 'EXT-1000', name: 'Company 00', health_score: 85 },
    ]);
  });

  it('a day count whose header mentions renewal is not a date; Excel serials are', () => {
    const ws = join(dir.path, 'snapshot.ladder');
    const { status, report } = importJson('snapshot-day-counts.csv', ws);
    expect(status).toBe(0);
    expect(report).toMatchObject({ rowsRead: 40, rowsImported: 40, rowsRejected: 0 });
    expect(report!.columns.find((c) => c.name === 'Days Until Renewal')).toMatchObject({
      field: 'custom:Days Until Renewal',
      type: 'integer',
    });
    expect(field(report!, 'Customer Since')).toBe('contract_start');
    expect(
      query(
        ws,
        "SELECT renewal_date, contract_start, json_extract(custom, '$.\"Days Until Renewal\"') AS d FROM accounts WHERE id = 'A000'",
      ),
    ).toEqual([{ renewal_date: null, contract_start: '2018-06-20', d: 292 }]);
  });

  it('order lines are refused as accounts, saying what they look like and what to do; nothing is written', () => {
    const ws = join(dir.path, 'orders.ladder');
    const run = ladder(['import', join(fixtures, 'order-lines.csv'), '--workspace', ws, '--kind', 'accounts']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'order-lines.csv: 62 rows name 12 distinct "Customer ID" values (5.2 rows each): this looks like order lines, not one row per account.',
    );
    expect(run.stderr).toContain('roll it up into accounts');
    // A failed import into a new workspace leaves no file behind.
    expect(existsSync(ws)).toBe(false);
  });

  it('a 0–100 health column with one "70%" cell reads it as 70 and says the scales were mixed', () => {
    const ws = join(dir.path, 'health.ladder');
    const { status, report } = importJson('health-percent.csv', ws);
    expect(status).toBe(0);
    expect(report!.warnings).toContain(
      'Column "Health Score" mixes scales: 1 of 30 values carry a % sign (such as "70%"), the others are plain numbers up to 98; the signed values are read on the plain 0–100 scale ("70%" is 70).',
    );
    expect(query(ws, "SELECT health_score FROM accounts WHERE id = 'H17'")).toEqual([{ health_score: 70 }]);
    expect(query(ws, 'SELECT min(health_score) AS lo FROM accounts')).toEqual([{ lo: expect.any(Number) }]);
    expect((query(ws, 'SELECT min(health_score) AS lo FROM accounts')[0] as { lo: number }).lo).toBeGreaterThan(1);
  });
});
