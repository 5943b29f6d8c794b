// The import connection ignores the schema's CHECK constraints and foreign keys (they cost a bulk
// load dearly, import/import-connection.ts), so the validator and the writer must hold them instead.
// This file keeps the two in step: every CHECK of every table an import writes has a rule here that
// names the validator's or writer's own list, and messy files imported the fast way leave no row that
// a CHECK or a foreign key would refuse.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldsByKind } from '#shared/import/fields';
import { importKinds, type ImportKind } from '#shared/domain/workspace';
import type { TicketKind } from '#shared/import/ticket-kind';
import type { ImportReport } from '#shared/import/report';
import { runLadder } from '../../helpers/run-cli';
import { repoRoot, tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());
const samples = join(repoRoot, 'test', 'fixtures', 'samples');

const importedTables = ['imports', 'import_undo', 'accounts', 'periods', 'users', 'outcomes', 'tickets'];
const kindOfTable: Record<string, ImportKind> = {
  accounts: 'accounts',
  periods: 'periods',
  users: 'users',
  outcomes: 'outcomes',
  tickets: 'tickets',
};
const ticketKinds = Object.keys({ reactive: 1, exploratory: 1, other: 1 } satisfies Record<TicketKind, 1>);
const list = (values: readonly (string | number)[]) =>
  values.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(',');

interface Check {
  table: string;
  column: string;
  expr: string;
}

/** Every column CHECK in the tables' CREATE statements, as written. */
function schemaChecks(db: Database.Database): Check[] {
  const out: Check[] = [];
  for (const table of importedTables) {
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table);
    for (const line of String(sql).split('\n')) {
      const at = line.indexOf('CHECK (');
      if (at === -1) continue;
      let depth = 0;
      let end = at + 6;
      for (; end < line.length; end++) {
        if (line[end] === '(') depth++;
        else if (line[end] === ')' && --depth === 0) break;
      }
      // The column is the definition's first word: after the last comma before CHECK (a column
      // added by ALTER TABLE shares its line with the one before it).
      const column = line.slice(0, at).split(',').pop()!.trim().split(/\s+/)[0]!;
      out.push({ table, column, expr: line.slice(at + 7, end) });
    }
  }
  return out;
}

/** What the validator or writer holds for a CHECK; a CHECK without a rule here fails the test. */
function ruleFor(c: Check): string {
  const json = `${c.column} IS NULL OR json_valid(${c.column})`;
  if (c.expr === json || c.expr === `json_valid(${c.column})`) return 'written by JSON.stringify or json_object';
  const kind = kindOfTable[c.table];
  const field = kind ? fieldsByKind[kind].find((f) => f.id === c.column) : undefined;
  if (field?.choices) {
    expect(c.expr, `${c.table}.${c.column}`).toBe(`${c.column} IN (${list(field.choices)})`);
    return 'the field’s choices';
  }
  if (field?.type === 'boolean') {
    expect(c.expr, `${c.table}.${c.column}`).toBe(`${c.column} IN (0,1)`);
    return 'a boolean field, written 0/1';
  }
  const derived: Record<string, string> = {
    'outcomes.won': `won IN (0,1)`,
    'outcomes.is_expansion': `is_expansion IN (0,1)`,
    'tickets.kind': `kind IN (${list(ticketKinds)})`,
    'imports.kind': `kind IN (${list(importKinds)})`,
  };
  const expected = derived[`${c.table}.${c.column}`];
  if (expected) {
    expect(c.expr).toBe(expected);
    return 'derived by the writer from a closed list';
  }
  throw new Error(
    `${c.table}.${c.column} has CHECK (${c.expr}) but no validator rule: add one to the validator and here`,
  );
}

async function importFile(ws: string, file: string, kind: string, ...extra: string[]): Promise<ImportReport> {
  const run = await runLadder(['import', file, '--workspace', ws, '--kind', kind, '--json', ...extra]);
  return JSON.parse(run.stdout) as ImportReport;
}

const csv = (name: string, text: string) => {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
};

it('every CHECK of the tables an import writes has its rule in the validator or the writer', async () => {
  const ws = join(dir.path, 'rules.ladder');
  await importFile(ws, csv('one.csv', 'account_id,name\nA1,One\n'), 'accounts');
  const db = new Database(ws, { readonly: true });
  const checks = schemaChecks(db);
  db.close();
  expect(checks.length).toBeGreaterThan(15);
  for (const c of checks) expect(ruleFor(c)).toBeTruthy();
});

it('messy files imported with CHECKs and foreign keys off leave no row either would refuse', async () => {
  const ws = join(dir.path, 'messy.ladder');
  // Mapped by hand: left to itself the planner keeps columns with stray values as custom fields.
  const mapped = (name: string, columns: Record<string, string>) => {
    const path = join(dir.path, `${name}-mapping.json`);
    writeFileSync(path, JSON.stringify({ columns }));
    return path;
  };
  const mapping = mapped('accounts', {
    Segment: 'segment',
    'Journey Stage': 'journey_stage',
    'Economic Buyer Known': 'economic_buyer_known',
  });
  const accounts = await importFile(
    ws,
    csv(
      'accounts.csv',
      [
        'Account ID,Account Name,Segment,Journey Stage,Economic Buyer Known,Notes',
        'A1,One,mid market,live,yes,"{""not"": ""json"""',
        'A2,Two,Gold,live,no,plain',
        'A3,Three,SMB,somewhere,TRUE,',
        'A4,Four,Enterprise,tangible_roi,maybe,x',
        'A5,Five,,,,',
      ].join('\n'),
    ),
    'accounts',
    '--on-error',
    'skip',
    '--mapping',
    mapping,
  );
  expect(accounts.rowsImported).toBe(2);
  const reasons = accounts.rejected.map((r) => `${r.column}: ${r.value}: ${r.reason}`);
  expect(reasons).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Segment: Gold: .*not one of SMB, Mid-Market, Enterprise/),
      expect.stringMatching(/^Journey Stage: somewhere: .*not one of baseline/),
      expect.stringMatching(/^Economic Buyer Known: maybe: /),
    ]),
  );
  const periods = await importFile(
    ws,
    csv(
      'periods.csv',
      'account_id,period_start,grain,active_users\nA1,2026-01-05,week,3\nA1,2026-01-12,fortnight,4\nNOPE,2026-01-05,week,1\n',
    ),
    'periods',
    '--on-error',
    'skip',
    '--mapping',
    mapped('periods', { grain: 'grain' }),
  );
  expect(periods).toMatchObject({ rowsImported: 1, orphans: 1 });
  const users = await importFile(
    ws,
    csv('users.csv', 'account_id,user_id,is_admin\nA1,u1,TRUE\nA1,u2,perhaps\nGHOST,u3,FALSE\n'),
    'users',
    '--on-error',
    'skip',
    '--mapping',
    mapped('users', { is_admin: 'is_admin' }),
  );
  expect(users).toMatchObject({ rowsImported: 1, orphans: 1 });
  // Real exports for the kinds with derived columns (won, is_expansion, ticket kind).
  const raven = (f: string) => join(samples, 'ravenstack', f);
  expect((await importFile(ws, raven('ravenstack_accounts.csv'), 'accounts', '--preset', 'ravenstack')).committed).toBe(
    true,
  );
  for (const [file, kind] of [
    ['ravenstack_subscriptions.csv', 'outcomes'],
    ['ravenstack_churn_events.csv', 'outcomes'],
    ['ravenstack_feature_usage.csv', 'events'],
    ['ravenstack_support_tickets.csv', 'tickets'],
  ] as const)
    expect((await importFile(ws, raven(file), kind, '--preset', 'ravenstack')).committed).toBe(true);

  const db = new Database(ws, { readonly: true });
  for (const c of schemaChecks(db)) {
    const refused = db.prepare(`SELECT count(*) FROM ${c.table} WHERE NOT (${c.expr})`).pluck().get();
    expect(refused, `${c.table}: CHECK (${c.expr})`).toBe(0);
  }
  // Every child row still has its parent, and the derived columns were really written.
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const counts = db
    .prepare(
      `SELECT (SELECT count(*) FROM periods) AS periods, (SELECT count(*) FROM users) AS users,
              (SELECT count(*) FROM outcomes WHERE won IS NOT NULL) AS outcomes,
              (SELECT count(*) FROM tickets WHERE kind IS NOT NULL) AS tickets`,
    )
    .get() as Record<string, number>;
  for (const n of Object.values(counts)) expect(n).toBeGreaterThan(0);
  db.close();
});
