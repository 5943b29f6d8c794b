// Conformance: for the demo book and every preset, the compiled SQL runs in SQLite, DuckDB and
// PostgreSQL over the features relation, the JS module runs imported from a file, the JSON Logic
// runs in json-logic-js — and every account's score, stage, signals and filters, its whitespace
// (potential seats, potential ARR, max(0, potential ARR − ARR)) and, where the format reports
// them, category subtotals equal the engine's exactly: doubles compared bit for bit.
import { join } from 'node:path';
import { compileSql } from '#shared/compile/sql';
import { compileJsModule } from '#shared/compile/js-module';
import { compileJsonLogic } from '#shared/compile/jsonlogic';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { featuresRelation } from '../../../electron/backend/export/features-relation';
import { listPresets, loadPackArgument, loadPreset } from '../../../electron/backend/packs/presets';
import type { ValidPack } from '#shared/pack/validate';
import { scoreWorkspace, type ScoredWorkspace } from '../../../electron/backend/scoring/score-workspace';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { differences, engineRows } from '../../helpers/engine-rows';
import { startPostgres, type Postgres } from '../../helpers/postgres';
import { runDuckdb, runDuckdbSql, runPostgres, runSqlite } from '../../helpers/sql-engines';
import { featuresParquet } from '../../../electron/backend/export/features-parquet';
import { writeFileSync } from 'node:fs';
import { repoRoot, tempDir } from '../../helpers/temp';
import { asRow, evaluateJsonLogic, importModule, relationAccounts } from '../../helpers/portable';
import type { SqlRow } from '../../helpers/sql-engines';
import { isSet } from '#shared/missing';

const withoutSubtotals = (rows: SqlRow[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('subtotal_'))));

const dir = tempDir();
const scored = new Map<string, ScoredWorkspace>();
let pg: Postgres;

beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 2000, seed: 7, endDate: '2026-11-16' }));
  const ws = await openWorkspace(path);
  for (const id of [...presets, kitchenSink]) scored.set(id, scoreWorkspace(ws, packOf(id)));
  ws.db.close();
  pg = await startPostgres();
});
afterAll(() => {
  pg?.stop();
  dir.cleanup();
});

const presets = listPresets().map((p) => p.id);
/** Every construct the compilers know (shares and caps, cap gates, exclude filters, categories…), on the same book. */
const kitchenSink = 'kitchen-sink';
const packOf = (id: string): ValidPack =>
  id === kitchenSink
    ? loadPackArgument(join(repoRoot, 'test', 'fixtures', 'packs', 'kitchen-sink.json'))
    : loadPreset(id);

describe.each([...presets, kitchenSink])('%s: every export equals the engine', (preset) => {
  const setup = () => {
    const s = scored.get(preset)!;
    return { relation: featuresRelation(s.build.table, packOf(preset)), expected: engineRows(s.engine) };
  };

  it('has whitespace to compare: known for most accounts, positive for some', () => {
    const { whitespace } = scored.get(preset)!.engine.potential;
    const known = whitespace.filter(isSet);
    expect(known.length).toBeGreaterThan(whitespace.length * 0.9);
    expect(known.filter((v) => v > 0).length).toBeGreaterThan(whitespace.length * 0.3);
  });

  it('SQLite', () => {
    const { relation, expected } = setup();
    const rows = runSqlite(relation, compileSql(packOf(preset), { dialect: 'sqlite' }));
    expect(differences(expected, rows)).toEqual([]);
  });

  it('DuckDB', async () => {
    const { relation, expected } = setup();
    const rows = await runDuckdb(relation, compileSql(packOf(preset), { dialect: 'duckdb' }));
    expect(differences(expected, rows)).toEqual([]);
  });

  it('DuckDB reading the exported Parquet features file', async () => {
    const { relation, expected } = setup();
    const file = join(dir.path, `${preset}.features.parquet`);
    writeFileSync(file, featuresParquet(relation));
    const sql = compileSql(packOf(preset), { dialect: 'duckdb', table: 'parquet_features' });
    const rows = await runDuckdbSql(`CREATE VIEW parquet_features AS SELECT * FROM read_parquet('${file}')`, sql);
    expect(differences(expected, rows)).toEqual([]);
  });

  it('PostgreSQL', () => {
    const { relation, expected } = setup();
    const rows = runPostgres(
      pg,
      relation,
      compileSql(packOf(preset), { dialect: 'postgres' }),
      preset.replace(/-/g, '_'),
    );
    expect(differences(expected, rows)).toEqual([]);
  });

  it('Snowflake SQL, run in DuckDB (the subset both accept: upper-case quoted names, DOUBLE, LEAST)', async () => {
    const { relation, expected } = setup();
    const rows = await runDuckdb(relation, compileSql(packOf(preset), { dialect: 'snowflake' }));
    expect(differences(expected, rows)).toEqual([]);
  });

  it('BigQuery SQL, run in SQLite (backtick names, FLOAT64 read as REAL, LEAST registered)', () => {
    const { relation, expected } = setup();
    const rows = runSqlite(relation, compileSql(packOf(preset), { dialect: 'bigquery' }), 'ladder_features', {
      least: true,
    });
    expect(differences(expected, rows)).toEqual([]);
  });

  it('JS module (imported from a .mjs file)', async () => {
    const { relation, expected } = setup();
    const mod = await importModule(dir.path, compileJsModule(packOf(preset)));
    const rows = relationAccounts(relation).map((a) => {
      const r = mod.score(a.flat);
      return {
        ...asRow(a.id, r),
        ...Object.fromEntries(Object.entries(r.subtotals).map(([k, v]) => [`subtotal_${k}`, v])),
      };
    });
    expect(differences(expected, rows)).toEqual([]);
  });

  it('JSON Logic (json-logic-js)', () => {
    const { relation, expected } = setup();
    const doc = JSON.parse(JSON.stringify(compileJsonLogic(packOf(preset))));
    const rows = relationAccounts(relation).map((a) => asRow(a.id, evaluateJsonLogic(doc, a.jsonLogic)));
    expect(differences(withoutSubtotals(expected), rows)).toEqual([]);
  });
});
