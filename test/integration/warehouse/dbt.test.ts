// `ladder export dbt`: the package's models rendered as dbt would (nunjucks: ref, source, var)
// run as plain SQL in DuckDB. Its unit test — the pack's golden cases, given features and expected
// scores — passes; its data tests hold on the demo book; and the two models over the exported raw
// tables give exactly what `ladder score` gives.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { parse } from 'yaml';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ladder } from '../../helpers/cli';
import { differences } from '../../helpers/engine-rows';
import { parseCsv, type SqlRow } from '../../helpers/sql-engines';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const workspace = join(dir.path, 'w.ladder');
const rawDir = join(dir.path, 'raw');
const asOf = '2026-05-20';
beforeAll(() => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '400', '--end-date', '2026-06-01']).status).toBe(0);
  mkdirSync(rawDir);
  expect(ladder(['export', 'raw', '--workspace', workspace, '--out', rawDir]).status).toBe(0);
}, 120_000);
afterAll(() => dir.cleanup());

/** Renders a model the way dbt does, with ref/source/var resolved to plain names and values. */
function render(sql: string, names: Record<string, string>, vars: Record<string, string>): string {
  const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
  return env.renderString(sql, {
    ref: (model: string) => names[model] ?? model,
    source: (_source: string, table: string) => names[table] ?? table,
    var: (name: string) => vars[name],
  });
}

const rows = async (c: DuckDBConnection, sql: string) =>
  (await c.runAndReadAll(sql))
    .getRowObjects()
    .map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    ) as SqlRow[];

describe.each(['seven-signal-table', 'emerging-ready-filters', 'window-functions'])('the dbt package of %s', (pack) => {
  const packArg =
    pack === 'window-functions'
      ? join(import.meta.dirname, '..', '..', 'fixtures', 'packs', 'window-functions.json')
      : `preset:${pack}`;
  const out = join(dir.path, `dbt-${pack}`);
  const read = (path: string) => readFileSync(join(out, path), 'utf8');

  it('is written with both models using ref()/source(), data tests and unit tests', () => {
    const run = ladder(['export', 'dbt', '--pack', packArg, '--workspace', workspace, '--as-of', asOf, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(read('models/ladder_features.sql')).toContain("{{ source('ladder', 'periods') }}");
    expect(read('models/ladder_scores.sql')).toContain("{{ ref('ladder_features') }}");
    const schema = parse(read('models/schema.yml'));
    const scores = schema.models.find((m: { name: string }) => m.name === 'ladder_scores');
    expect(scores.columns[0]).toEqual({ name: 'account_id', data_tests: ['unique', 'not_null'] });
    expect(scores.columns[1].data_tests[1].accepted_values.values.length).toBeGreaterThan(1);
    expect(schema.unit_tests[0].given[0].rows.length).toBeGreaterThan(5);
    expect(parse(read('dbt_project.yml')).vars).toEqual({ ladder_as_of: asOf });
  });

  it('passes its unit test (the golden cases) as plain SQL in DuckDB', async () => {
    const schema = parse(read('models/schema.yml'));
    const test = schema.unit_tests[0];
    const given: Record<string, unknown>[] = test.given[0].rows;
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    try {
      const columns = Object.keys(given[0]!);
      const text = new Set(['account_id', 'segment', 'tier', 'region', 'industry', 'owner_csm']);
      await c.run(
        `CREATE TABLE given_features (${columns.map((k) => `"${k}" ${text.has(k) ? 'VARCHAR' : 'DOUBLE'}`).join(', ')})`,
      );
      const appender = await c.createAppender('given_features');
      for (const row of given) {
        for (const k of columns) {
          const v = row[k];
          if (v === null || v === undefined) appender.appendNull();
          else if (text.has(k)) appender.appendVarchar(String(v));
          else appender.appendDouble(Number(v));
        }
        appender.endRow();
      }
      appender.closeSync();
      const got = await rows(c, render(read('models/ladder_scores.sql'), { ladder_features: 'given_features' }, {}));
      const expected = test.expect.rows as SqlRow[];
      const onlyExpected = got.map((r) => Object.fromEntries(Object.keys(expected[0]!).map((k) => [k, r[k]!])));
      expect(differences(expected, onlyExpected)).toEqual([]);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });

  it('over the exported raw tables: the data tests hold and the scores equal ladder score', async () => {
    const scoredFile = join(dir.path, `scored-${pack}.csv`);
    expect(
      ladder(['score', '--workspace', workspace, '--pack', packArg, '--as-of', asOf, '--out', scoredFile]).status,
    ).toBe(0);
    const [header, ...cells] = parseCsv(readFileSync(scoredFile, 'utf8').trimEnd());
    const expected = cells.map((row) =>
      Object.fromEntries(header!.map((h, k) => [h, h === 'account_id' || h === 'stage' ? row[k]! : Number(row[k])])),
    );
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    try {
      for (const t of ['accounts', 'periods'])
        await c.run(`CREATE VIEW raw_${t} AS SELECT * FROM read_parquet('${join(rawDir, `${t}.parquet`)}')`);
      const vars = parse(read('dbt_project.yml')).vars;
      const names = { accounts: 'raw_accounts', periods: 'raw_periods', ladder_features: 'ladder_features' };
      await c.run(`CREATE TABLE ladder_features AS ${render(read('models/ladder_features.sql'), names, vars)}`);
      await c.run(`CREATE TABLE ladder_scores AS ${render(read('models/ladder_scores.sql'), names, vars)}`);
      const stages = parse(read('models/schema.yml')).models[1].columns[1].data_tests[1].accepted_values.values;
      for (const model of ['ladder_features', 'ladder_scores']) {
        expect(await rows(c, `SELECT account_id FROM ${model} GROUP BY account_id HAVING count(*) > 1`)).toEqual([]);
        expect(await rows(c, `SELECT account_id FROM ${model} WHERE account_id IS NULL`)).toEqual([]);
      }
      const list = stages.map((s: string) => `'${s}'`).join(', ');
      expect(await rows(c, `SELECT stage FROM ladder_scores WHERE stage IS NULL OR stage NOT IN (${list})`)).toEqual(
        [],
      );
      const got = await rows(c, 'SELECT * FROM ladder_scores');
      const withoutSubtotals = got.map((r) =>
        Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('subtotal_'))),
      );
      expect(differences(expected, withoutSubtotals)).toEqual([]);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
