// Golden cases as exported: for every preset the pack document written by the real export path
// carries cases covering every stage that has accounts, every filter that moved one, every gate
// that failed one, each segment override and each threshold's edge; importing it and re-running
// the cases through the engine gives the same answers, and so does the compiled SQL run over the
// cases' own inputs in SQLite, DuckDB and PostgreSQL.
import { join } from 'node:path';
import { compileSql } from '#shared/compile/sql';
import { casesFeatureTable, verifyGoldenCases } from '#shared/pack/golden';
import { readPack } from '#shared/pack/document';
import type { GoldenCase } from '#shared/pack/schema';
import type { ValidPack } from '#shared/pack/validate';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { produceExport, renderExport } from '../../../electron/backend/export/export-service';
import { featuresRelation } from '../../../electron/backend/export/features-relation';
import { listPresets, loadPreset } from '../../../electron/backend/packs/presets';
import { scoreWorkspace } from '../../../electron/backend/scoring/score-workspace';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { differences } from '../../helpers/engine-rows';
import { startPostgres, type Postgres } from '../../helpers/postgres';
import { runDuckdb, runPostgres, runSqlite, type SqlRow } from '../../helpers/sql-engines';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
let ws: Workspace;
let pg: Postgres;
const exported = new Map<string, ValidPack>();

beforeAll(async () => {
  const path = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(path, demoDefaults({ accounts: 2000, seed: 11, endDate: '2026-11-16' }));
  ws = await openWorkspace(path);
  for (const p of listPresets()) {
    const text = (await renderExport(produceExport(ws, loadPreset(p.id), { format: 'pack-json' }))).toString('utf8');
    const back = readPack(text);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    exported.set(p.id, back.value);
  }
  pg = await startPostgres();
});
afterAll(() => {
  pg?.stop();
  ws?.db.close();
  dir.cleanup();
});

const expectedRows = (valid: ValidPack, cases: GoldenCase[]): SqlRow[] =>
  cases.map((c) => {
    const row: SqlRow = { account_id: c.id, score: c.expected.score, stage: c.expected.stage };
    for (const s of valid.pack.signals) row[s.id] = c.expected.signals.includes(s.id) ? 1 : 0;
    for (const f of valid.pack.filters) row[f.id] = c.expected.filters.includes(f.id) ? 1 : 0;
    row.whitespace = c.expected.whitespace ?? null;
    return row;
  });
const pick = (rows: SqlRow[], keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]!])));

describe.each(listPresets().map((p) => p.id))('golden cases of %s', (preset) => {
  const get = () => {
    const valid = exported.get(preset)!;
    return { valid, cases: valid.pack.validation!.cases };
  };

  it('cover every stage with accounts, every filter and gate that acted, overrides and threshold edges', () => {
    const { valid, cases } = get();
    const why = cases.flatMap((c) => c.why);
    for (const s of valid.pack.validation!.stages)
      if (s.accounts > 0)
        expect(
          cases.some((c) => c.expected.stage === s.id),
          `stage ${s.id}`,
        ).toBe(true);
    for (const s of valid.pack.signals)
      expect(
        why.some((w) => w.startsWith(`edge ${s.id} `)),
        `edge of ${s.id}`,
      ).toBe(true);
    for (const s of valid.pack.signals)
      for (const seg of Object.keys(s.segmentOverrides ?? {}))
        expect(why.some((w) => w.startsWith(`override ${seg} ${s.id}`))).toBe(true);
    const result = scoreWorkspace(ws, loadPreset(preset)).engine.result;
    for (const f of result.filters) if (f.applied > 0) expect(why, f.id).toContain(`filter ${f.id} applied`);
    for (const g of result.gates) if (g.failed > 0) expect(why, g.id).toContain(`gate ${g.id} failed`);
    expect(valid.pack.validation!.dataset).toMatchObject({
      workspace: 'demo.ladder',
      accounts: 2000,
      asOf: '2026-11-16',
    });
    expect(valid.pack.validation!.stages.reduce((n, s) => n + s.accounts, 0)).toBe(2000);
  });

  it('re-verify against the engine after import, whitespace included', () => {
    const { valid, cases } = get();
    expect(verifyGoldenCases(valid, cases)).toEqual([]);
    expect(cases.filter((c) => (c.expected.whitespace ?? 0) > 0).length).toBeGreaterThan(0);
    const tampered = cases.map((c, i) => (i === 0 ? { ...c, expected: { ...c.expected, whitespace: 123.5 } } : c));
    expect(verifyGoldenCases(valid, tampered).map((m) => m.field)).toEqual(['whitespace']);
  });

  it('re-verify against the SQL in SQLite, DuckDB and PostgreSQL', async () => {
    const { valid, cases } = get();
    const relation = featuresRelation(casesFeatureTable(valid, cases), valid);
    const expected = expectedRows(valid, cases);
    const keys = Object.keys(expected[0]!);
    expect(differences(expected, pick(runSqlite(relation, compileSql(valid, { dialect: 'sqlite' })), keys))).toEqual(
      [],
    );
    expect(
      differences(expected, pick(await runDuckdb(relation, compileSql(valid, { dialect: 'duckdb' })), keys)),
    ).toEqual([]);
    expect(
      differences(
        expected,
        pick(
          runPostgres(pg, relation, compileSql(valid, { dialect: 'postgres' }), `golden_${preset.replace(/-/g, '_')}`),
          keys,
        ),
      ),
    ).toEqual([]);
  });
});
