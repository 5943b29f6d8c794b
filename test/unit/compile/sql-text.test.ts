// The generated SQL as text: golden files for Snowflake and BigQuery (no local engine runs them as
// they are; the conformance suite runs their shared subset in DuckDB and SQLite), the header,
// input relation names (plain, qualified, dbt), and labels that try to escape their comment.
// Regenerate the golden files after an intended change with LADDER_UPDATE_GOLDEN=1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { compileSql } from '#shared/compile/sql';
import { sqlDialects } from '#shared/compile/sql-dialect';
import { comment } from '#shared/compile/sql-parts';
import { requiredFeatures } from '#shared/engine/features';
import { loadPackArgument, loadPreset } from '../../../electron/backend/packs/presets';
import { repoRoot } from '../../helpers/temp';
import { valid } from '../engine/fixtures';

const fixtures = join(repoRoot, 'test', 'fixtures', 'sql');
const packs = {
  'emerging-ready-filters': () => loadPreset('emerging-ready-filters'),
  'kitchen-sink': () => loadPackArgument(join(repoRoot, 'test', 'fixtures', 'packs', 'kitchen-sink.json')),
};

describe('generated SQL text', () => {
  for (const [name, load] of Object.entries(packs)) {
    for (const dialect of ['snowflake', 'bigquery'] as const) {
      it(`${name} for ${dialect} matches its golden file`, () => {
        const file = join(fixtures, `${name}.${dialect}.sql`);
        const sql = compileSql(load(), { dialect, table: 'analytics.ladder_features' });
        if (process.env.LADDER_UPDATE_GOLDEN === '1') writeFileSync(file, sql);
        expect(existsSync(file), `${file} is missing: run with LADDER_UPDATE_GOLDEN=1 and review it`).toBe(true);
        expect(sql).toBe(readFileSync(file, 'utf8'));
      });
    }
  }

  it('names the pack and its version in a header, with no trailing semicolon (a dbt model)', () => {
    const pack = valid({ ...loadPreset('seven-signal-table').pack, meta: { version: '3.1.4' } });
    for (const dialect of sqlDialects) {
      const sql = compileSql(pack, { dialect });
      expect(sql.split('\n')[0]).toMatch(
        /^-- Ladder rule pack "Seven-signal table" version 3\.1\.4 \(pack schema 1\), compiled for [\w /]+\.$/,
      );
      expect(sql.trimEnd().endsWith(';')).toBe(false);
    }
  });

  it('quotes plain and qualified input names per dialect, keeps dbt references, refuses anything else', () => {
    const pack = loadPreset('two-signals-window');
    const from = (dialect: (typeof sqlDialects)[number], table: string) =>
      /\n {2}FROM (.+)\n\),/.exec(compileSql(pack, { dialect, table }))![1];
    expect(from('postgres', 'analytics.features')).toBe('"analytics"."features"');
    expect(from('snowflake', 'analytics.features')).toBe('"ANALYTICS"."FEATURES"');
    expect(from('bigquery', 'my-project.crm.features')).toBe('`my-project`.`crm`.`features`');
    expect(from('duckdb', "{{ ref('ladder_features') }}")).toBe("{{ ref('ladder_features') }}");
    expect(from('snowflake', "{{ source('crm', 'features') }}")).toBe("{{ source('crm', 'features') }}");
    for (const bad of [
      'x; DROP TABLE accounts',
      'a.b.c.d',
      '"quoted"',
      "{{ ref('x') }} UNION SELECT 1",
      "{{ run_query('drop') }}",
      '',
    ]) {
      expect(() => compileSql(pack, { dialect: 'postgres', table: bad }), bad).toThrow(/is not a table name/);
    }
  });

  it('a label cannot end its comment line and smuggle SQL in', () => {
    const base = loadPreset('two-signals-window').pack;
    // The validator refuses line breaks in pack text; the comment writer does not rely on it.
    expect(comment('Pack\nDROP TABLE accounts; --\r\n\u0000x')).toBe('-- Pack DROP TABLE accounts; -- x');
    const hostile = valid({
      ...base,
      name: 'Pack\u2028DROP TABLE accounts; --',
      signals: base.signals.map((s, i) => (i === 0 ? { ...s, label: 'Seats\u2029SELECT 1;\u0085x' } : s)),
    });
    const sql = compileSql(hostile, { dialect: 'sqlite' });
    expect(
      sql
        .split('\n')
        .filter((l) => /DROP TABLE|SELECT 1;/.test(l))
        .every((l) => l.trimStart().startsWith('--')),
    ).toBe(true);
    const db = new Database(':memory:');
    const columns = requiredFeatures(hostile).map((f) => `"${f.key}" REAL`);
    db.exec(`CREATE TABLE ladder_features (account_id TEXT, segment TEXT, ${columns.join(', ')})`);
    expect(() => db.prepare(sql).all()).not.toThrow();
    db.close();
  });

  it('writes doubles so that every engine reads the same bits (no bare decimals DuckDB would round twice)', () => {
    const base = loadPreset('two-signals-window').pack;
    const pack = valid({
      ...base,
      signals: base.signals.map((s, i) => (i === 0 ? { ...s, operator: '>', threshold: 0.009579580149408073 } : s)),
    });
    expect(compileSql(pack, { dialect: 'duckdb' })).toContain("> CAST('0.009579580149408073' AS DOUBLE)");
    expect(compileSql(pack, { dialect: 'postgres' })).toContain('CAST(1 AS DOUBLE PRECISION)');
  });
});
