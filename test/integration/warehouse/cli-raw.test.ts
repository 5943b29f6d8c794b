// `ladder export raw` and `ladder export sql --from raw` as a user scripts them: export the raw
// tables, run the exported whole-model SQL over those files in DuckDB (Parquet and CSV), with the
// as-of date written in or passed as a parameter (DuckDB, SQLite, PostgreSQL), and get exactly what
// `ladder score --out` wrote. Usage mistakes and packs the SQL cannot place fail with a sentence.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ladder } from '../../helpers/cli';
import { differences } from '../../helpers/engine-rows';
import { startPostgres, type Postgres } from '../../helpers/postgres';
import { runPostgresSql } from '../../helpers/raw-engines';
import { parseCsv, runDuckdbSql, type SqlRow } from '../../helpers/sql-engines';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'w.ladder');
const parquetDir = join(dir.path, 'raw-parquet');
const csvDir = join(dir.path, 'raw-csv');
let pg: Postgres;
beforeAll(async () => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '400', '--end-date', '2026-06-01']).status).toBe(0);
  mkdirSync(parquetDir);
  mkdirSync(csvDir);
  pg = await startPostgres();
}, 120_000);
afterAll(() => {
  pg?.stop();
  dir.cleanup();
});

/** What `ladder score --out` wrote, as rows. */
function scored(pack: string, asOf: string): SqlRow[] {
  const out = join(dir.path, `scored-${pack}-${asOf}.csv`);
  const run = ladder(['score', '--workspace', workspace, '--pack', `preset:${pack}`, '--as-of', asOf, '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  const [header, ...rows] = parseCsv(readFileSync(out, 'utf8').trimEnd());
  return rows.map((cells) =>
    Object.fromEntries(header!.map((h, k) => [h, h === 'account_id' || h === 'stage' ? cells[k]! : Number(cells[k])])),
  );
}

const withoutSubtotals = (rows: SqlRow[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('subtotal_'))));

function exportSql(args: string[]): string {
  const run = ladder(['export', 'sql', '--from', 'raw', ...args]);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('ladder export raw', () => {
  it('writes accounts and periods as Parquet (default) and CSV', () => {
    const parquet = ladder(['export', 'raw', '--workspace', workspace, '--out', parquetDir]);
    expect(parquet.status, parquet.stderr).toBe(0);
    expect(parquet.stdout).toContain('accounts.parquet (400 rows)');
    const csv = ladder(['export', 'raw', '--workspace', workspace, '--out', csvDir, '--format', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    const header = readFileSync(join(csvDir, 'periods.csv'), 'utf8').split('\n')[0];
    expect(header).toMatch(/^account_id,period_start,grain,active_users,/);
  });

  it('refuses a folder that does not exist, and options that do not apply', () => {
    const missing = ladder(['export', 'raw', '--workspace', workspace, '--out', join(dir.path, 'nope')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/is not a folder/);
    const usage = ladder(['export', 'raw', '--workspace', workspace, '--out', csvDir, '--format', 'xlsx']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--format must be parquet or csv/);
  });
});

describe('ladder export sql --from raw, run over the exported files, equals ladder score', () => {
  const cases = [
    ['seven-signal-table', '2026-06-01'],
    ['emerging-ready-filters', '2026-03-18'],
  ] as const;

  it.each(cases)('%s as of %s: DuckDB over Parquet and over CSV', async (pack, asOf) => {
    const expected = scored(pack, asOf);
    const sql = exportSql([
      '--pack',
      `preset:${pack}`,
      '--dialect',
      'duckdb',
      '--as-of',
      asOf,
      '--workspace',
      workspace,
    ]);
    const views = (folder: string, reader: string) =>
      ['accounts', 'periods']
        .map(
          (t) =>
            `CREATE VIEW ${t} AS SELECT * FROM ${reader}('${join(folder, `${t}.${reader === 'read_parquet' ? 'parquet' : 'csv'}`)}');`,
        )
        .join('\n');
    expect(differences(expected, withoutSubtotals(await runDuckdbSql(views(parquetDir, 'read_parquet'), sql)))).toEqual(
      [],
    );
    expect(differences(expected, withoutSubtotals(await runDuckdbSql(views(csvDir, 'read_csv'), sql)))).toEqual([]);
  });

  it('with --as-of-param: DuckDB ($as_of), SQLite (:as_of) and PostgreSQL ($1) take the date at run time', async () => {
    const [pack, asOf] = cases[1];
    const expected = scored(pack, asOf);
    const duck = exportSql(['--pack', `preset:${pack}`, '--dialect', 'duckdb', '--as-of-param']);
    expect(duck).toContain('$as_of');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const t of ['accounts', 'periods'])
      await connection.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(parquetDir, `${t}.parquet`)}')`);
    const rows = (await connection.runAndReadAll(duck, { as_of: asOf })).getRowObjects() as SqlRow[];
    connection.closeSync();
    instance.closeSync();
    expect(differences(expected, withoutSubtotals(rows.map((r) => ({ ...r, score: Number(r.score) }))))).toEqual([]);

    const sqlite = exportSql(['--pack', `preset:${pack}`, '--dialect', 'sqlite', '--as-of-param']);
    const db = new Database(':memory:');
    for (const t of ['accounts', 'periods']) {
      const [header, ...data] = parseCsv(readFileSync(join(csvDir, `${t}.csv`), 'utf8').trimEnd());
      db.exec(
        `CREATE TABLE ${t} (${header!.map((h) => `"${h}" ${/^(account_id|name|domain|segment|industry|region|owner_csm|owner_am|tier|journey_stage|grain|period_start|contract_start|renewal_date)$/.test(h) ? 'TEXT' : 'REAL'}`).join(', ')})`,
      );
      const insert = db.prepare(`INSERT INTO ${t} VALUES (${header!.map(() => '?').join(', ')})`);
      db.transaction(() => data.forEach((cells) => insert.run(...cells.map((c) => (c === '' ? null : c)))))();
    }
    const fromSqlite = db.prepare(sqlite).all({ as_of: asOf }) as SqlRow[];
    db.close();
    expect(differences(expected, withoutSubtotals(fromSqlite))).toEqual([]);

    const postgres = exportSql(['--pack', `preset:${pack}`, '--dialect', 'postgres', '--as-of-param']);
    pg.psql('DROP SCHEMA IF EXISTS cli CASCADE; CREATE SCHEMA cli;');
    for (const t of ['accounts', 'periods']) {
      const [header] = parseCsv(readFileSync(join(csvDir, `${t}.csv`), 'utf8').split('\n')[0]!);
      pg.psql(
        `CREATE TABLE cli.${t} (${header!.map((h) => `"${h}" ${/^(period_start|contract_start|renewal_date)$/.test(h) ? 'DATE' : /^(account_id|name|domain|segment|industry|region|owner_csm|owner_am|tier|journey_stage|grain)$/.test(h) ? 'TEXT' : 'DOUBLE PRECISION'}`).join(', ')});`,
      );
      pg.copyFrom(`cli.${t}`, readFileSync(join(csvDir, `${t}.csv`), 'utf8'));
    }
    const prepared = runPostgresSql(
      pg,
      'cli',
      'SELECT * FROM ladder_result',
      `PREPARE ladder_q(date) AS ${postgres.trim()};\nCREATE TEMP TABLE ladder_result AS EXECUTE ladder_q('${asOf}');\n`,
    );
    expect(differences(expected, withoutSubtotals(prepared))).toEqual([]);
  });

  it('says what is wrong with a usage mistake or a pack it cannot place', () => {
    const both = ladder([
      'export',
      'sql',
      '--from',
      'raw',
      '--pack',
      'preset:seven-signal-table',
      '--as-of',
      '2026-01-01',
      '--as-of-param',
    ]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/not both/);
    const table = ladder(['export', 'sql', '--from', 'raw', '--pack', 'preset:seven-signal-table', '--table', 'x']);
    expect(table.status).toBe(2);
    const param = ladder(['export', 'sql', '--pack', 'preset:seven-signal-table', '--as-of-param']);
    expect(param.status).toBe(2);
    expect(param.stderr).toMatch(/applies to sql --from raw only/);
    const badDate = ladder([
      'export',
      'sql',
      '--from',
      'raw',
      '--pack',
      'preset:seven-signal-table',
      '--as-of',
      '2026-02-30',
    ]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/not a calendar date/);
    const pack = join(dir.path, 'custom.json');
    writeFileSync(
      pack,
      JSON.stringify({
        schemaVersion: 1,
        name: 'Custom',
        signals: [
          {
            id: 'sso',
            label: 'SSO',
            category: 'usage',
            metric: 'custom.Has_SSO',
            operator: '==',
            threshold: 1,
            weight: 1,
            urgency: 'low',
            approach: 'seat_expansion',
          },
        ],
        ladder: {
          stages: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B', minScore: 1 },
          ],
        },
      }),
    );
    const custom = ladder(['export', 'sql', '--from', 'raw', '--pack', pack]);
    expect(custom.status).toBe(1);
    expect(custom.stderr).toMatch(/pass a workspace so Ladder can tell, or write account\.custom\.Has_SSO/);
  });
});
