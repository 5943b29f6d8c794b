// Outcomes that know what was won (issue 9, problem 1), through the real CLI: a Salesforce
// opportunities export with StageName and Type but no IsWon; RavenStack-shaped subscriptions with
// churned rows (its preset used to store every subscription as won); a Stripe subscriptions export
// whose consecutive subscriptions decide the expansions.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '#shared/import/report';
import { ladder } from '../../helpers/cli';
import { repoRoot, tempDir } from '../../helpers/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'own-data');
const dir = tempDir();
afterAll(() => dir.cleanup());

function importJson(file: string, workspace: string, kind: string, ...extra: string[]) {
  const path = file.startsWith('/') ? file : join(fixtures, file);
  const run = ladder(['import', path, '--workspace', workspace, '--kind', kind, '--json', ...extra]);
  return { ...run, report: JSON.parse(run.stdout || 'null') as ImportReport };
}
const rows = (ws: string, sql: string) => {
  const db = new Database(ws, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};
function workspaceWithAccounts(name: string): string {
  const ws = join(dir.path, name);
  expect(importJson('outcome-accounts.csv', ws, 'accounts').status).toBe(0);
  return ws;
}

describe('outcome semantics', () => {
  it('StageName and Type without IsWon: won from the stage words, expansion from the type words, unknown types listed', () => {
    const ws = workspaceWithAccounts('opps.ladder');
    const { status, report } = importJson('opportunities-stage-type.csv', ws, 'outcomes');
    expect(status).toBe(0);
    expect(report).toMatchObject({ rowsImported: 10, rowsRejected: 0 });
    expect(
      rows(
        ws,
        "SELECT name, won, is_expansion FROM (SELECT json_extract(custom, '$.Name') AS name, won, is_expansion, id FROM outcomes) ORDER BY id",
      ),
    ).toEqual([
      { name: 'Acme - New logo', won: 1, is_expansion: 0 },
      { name: 'Acme - More seats', won: 1, is_expansion: 1 },
      // "Renewal" contains the letters "new", not the word: not an expansion, by the word "renewal".
      { name: 'Acme - Renewal 2024', won: 1, is_expansion: 0 },
      // A lost expansion is still an expansion (calibration needs the negatives).
      { name: 'Globex - Add-on', won: 0, is_expansion: 1 },
      { name: 'Globex - Downgrade', won: 1, is_expansion: 0 },
      { name: 'Initech - Platform swap', won: 1, is_expansion: null },
      { name: 'Initech - Expansion', won: null, is_expansion: 1 },
      { name: 'Umbrella - New', won: null, is_expansion: 0 },
      { name: 'Umbrella - Replacement', won: 0, is_expansion: null },
      { name: 'Umbrella - Renewal', won: 1, is_expansion: 0 },
    ]);
    expect(report.outcomes).toMatchObject({
      source: 'opportunities',
      totals: { won: 6, lost: 2, open: 2, unknown: 0 },
      unknownTypes: [{ type: 'Existing Customer - Replacement', rows: 2 }],
    });
    expect(report.outcomes!.types.find((t) => t.type === 'Existing Customer - Upgrade')).toMatchObject({
      expansion: true,
      by: 'words',
      word: 'upgrade',
      won: 1,
      lost: 1,
      open: 1,
    });
    expect(report.outcomes!.stages.find((s) => s.stage === 'Negotiation/Review')).toMatchObject({
      state: 'open',
      rows: 1,
    });
    expect(report.warnings).toContain(
      '1 outcome type is in neither word list, so its is_expansion is left blank (unknown): "Existing Customer - Replacement" (2 rows). Classify it in the import wizard, or in the mapping file: "outcomeTypes": {"Existing Customer - Replacement": false}.',
    );

    // The mapping file classifies the unknown type; re-importing updates the rows and the warning goes.
    const mapping = join(dir.path, 'opps.mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({ kind: 'outcomes', outcomeTypes: { 'Existing Customer - Replacement': false } }),
    );
    const again = importJson('opportunities-stage-type.csv', ws, 'outcomes', '--mapping', mapping);
    expect(again.status).toBe(0);
    expect(again.report.outcomes!.unknownTypes).toEqual([]);
    expect(again.report.warnings.some((w) => w.includes('neither word list'))).toBe(false);
    expect(
      rows(
        ws,
        "SELECT count(*) AS n FROM outcomes WHERE type = 'Existing Customer - Replacement' AND is_expansion = 0",
      ),
    ).toEqual([{ n: 2 }]);
  });

  it('warns when no row is won, naming the stages it read as open', () => {
    const ws = workspaceWithAccounts('open-only.ladder');
    const file = join(dir.path, 'pipeline.csv');
    writeFileSync(
      file,
      'Id,AccountId,StageName,Type\nO1,0015g00000Acme01AAA,Prospecting,New Customer\nO2,0015g00000Acme01AAA,Proposal Sent,Existing Customer - Upgrade\n',
    );
    const { status, report } = importJson(file, ws, 'outcomes');
    expect(status).toBe(0);
    expect(report.outcomes!.totals).toEqual({ won: 0, lost: 0, open: 2, unknown: 0 });
    expect(report.warnings.find((w) => w.startsWith('No row is won'))).toContain('"Prospecting" (1 row)');
  });

  it('RavenStack subscriptions: a churned subscription is lost, the others are won', () => {
    const ws = workspaceWithAccounts('raven.ladder');
    const { status, report } = importJson('subscriptions-churned.csv', ws, 'outcomes', '--preset', 'ravenstack');
    expect(status).toBe(0);
    expect(report.outcomes).toMatchObject({ source: 'subscriptions', totals: { won: 3, lost: 2 } });
    expect(rows(ws, 'SELECT id, won, churned, is_expansion, seats FROM outcomes ORDER BY id')).toEqual([
      { id: 'S-001', won: 1, churned: 0, is_expansion: 0, seats: 10 },
      { id: 'S-002', won: 1, churned: 0, is_expansion: 1, seats: 20 },
      { id: 'S-003', won: 0, churned: 1, is_expansion: 0, seats: 15 },
      { id: 'S-004', won: 1, churned: 0, is_expansion: 0, seats: 50 },
      { id: 'S-005', won: 0, churned: 1, is_expansion: 0, seats: 5 },
    ]);
  });

  it('Stripe subscriptions without a preset: statuses decide won, consecutive subscriptions decide expansions', () => {
    const ws = workspaceWithAccounts('stripe.ladder');
    const { status, report } = importJson('stripe-subscriptions-history.csv', ws, 'outcomes');
    expect(status).toBe(0);
    expect(report.outcomes).toMatchObject({ source: 'subscriptions', upgrades: 2 });
    expect(rows(ws, 'SELECT id, stage, won, is_expansion FROM outcomes ORDER BY id')).toEqual([
      { id: 'sub_A1', stage: 'canceled', won: 0, is_expansion: 0 },
      // Team × 5 at 19 → Pro × 10 at 49: an upgrade.
      { id: 'sub_A2', stage: 'active', won: 1, is_expansion: 1 },
      { id: 'sub_B1', stage: 'canceled', won: 0, is_expansion: 0 },
      { id: 'sub_C1', stage: 'canceled', won: 0, is_expansion: 0 },
      // The same plan and seats again: a renewal, not an expansion.
      { id: 'sub_C2', stage: 'active', won: 1, is_expansion: 0 },
      { id: 'sub_D1', stage: 'active', won: 1, is_expansion: 0 },
      // More seats at the same price: an upgrade, still in trial (open).
      { id: 'sub_D2', stage: 'trialing', won: null, is_expansion: 1 },
    ]);
    expect(report.warnings).toContain("2 subscriptions upgrade the account's previous one: marked as expansions.");
  });
});
