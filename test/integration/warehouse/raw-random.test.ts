// Random packs with window functions over random sparse workspaces: the whole-model SQL in SQLite,
// DuckDB and PostgreSQL equals the engine, features and scores alike, bit for bit.
import { join } from 'node:path';
import fc from 'fast-check';
import { compileRawFeaturesSql, compileRawSql } from '#shared/compile/raw/compile';
import { buildFeatureTable } from '../../../electron/backend/features/build';
import { featuresRelation } from '../../../electron/backend/export/features-relation';
import { rawRelations } from '../../../electron/backend/export/raw-relations';
import { placeFromWorkspace } from '../../../electron/backend/export/raw-sql';
import { scoreWorkspace } from '../../../electron/backend/scoring/score-workspace';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { differences, engineRows } from '../../helpers/engine-rows';
import { startPostgres, type Postgres } from '../../helpers/postgres';
import { loadRawIntoPostgres, runDuckdbRaw, runPostgresSql, runSqliteRaw } from '../../helpers/raw-engines';
import type { SqlRow } from '../../helpers/sql-engines';
import { tempDir } from '../../helpers/temp';
import { basicStages, signal, valid } from '../../unit/engine/fixtures';
import { accountArb, asOfArb, insertRandomAccounts, metricsArb } from './random-windows';

const dir = tempDir();
let pg: Postgres;
let run = 0;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => {
  pg?.stop();
  dir.cleanup();
});

const operators = ['>', '>=', '<', '<=', '=='] as const;

/** Features as rows keyed like the SQL's (lower-case names, nulls). */
function featureRows(relation: ReturnType<typeof featuresRelation>): SqlRow[] {
  return [...relation.rows()].map((row) =>
    Object.fromEntries(relation.columns.map((c, k) => [c.name.toLowerCase(), row[k]!])),
  );
}

const property = (engines: ('sqlite' | 'duckdb' | 'postgres')[]) =>
  fc.asyncProperty(
    fc.array(accountArb, { minLength: 1, maxLength: 8 }),
    metricsArb,
    asOfArb,
    fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 8, maxLength: 8 }),
    fc.integer({ min: 2, max: 4 }),
    async (accounts, metrics, asOf, picks, sustained) => {
      const path = join(dir.path, `random-${run++}.ladder`);
      const ws = await openWorkspace(path, { create: true });
      try {
        insertRandomAccounts(ws.db, accounts);
        const signals = (thresholds: number[]) => [
          ...metrics.map((m, i) =>
            signal(`s_${m.id}`, m.id, operators[picks[i]![0] % operators.length]!, thresholds[i] ?? 0, 1 + (i % 3)),
          ),
          signal('held', 'active_users', '>=', thresholds[7] ?? 1, 2, { sustainedPeriods: sustained }),
        ];
        const draft = valid({
          schemaVersion: 1,
          name: 'random',
          metrics,
          signals: signals([]),
          ladder: { stages: basicStages },
        });
        // Thresholds are values the engine computed: accounts sit exactly on them.
        const { table } = buildFeatureTable(ws.db, draft, asOf);
        const keys = [
          ...metrics.map((m) => m.id),
          ...Array(7 - metrics.length).fill(''),
          `active_users__min${sustained}`,
        ];
        const thresholds = keys.map((key, i) => {
          const column = key ? table.columns.get(key) : undefined;
          const v = column?.[picks[i]![1] % column.length];
          return v !== undefined && Number.isFinite(v) ? v : 1;
        });
        const pack = valid({
          schemaVersion: 1,
          name: 'random',
          metrics,
          signals: signals(thresholds),
          ladder: { stages: basicStages },
        });
        const scored = scoreWorkspace(ws, pack, asOf);
        const expected = engineRows(scored.engine);
        const expectedFeatures = featureRows(featuresRelation(scored.build.table, pack));
        const raw = rawRelations(ws.db);
        const place = placeFromWorkspace(ws.db, asOf);
        const sql = (dialect: 'sqlite' | 'duckdb' | 'postgres') =>
          compileRawSql(pack, { dialect, asOf, placeCustom: place });
        const features = (dialect: 'sqlite' | 'duckdb' | 'postgres') =>
          compileRawFeaturesSql(pack, { dialect, asOf, placeCustom: place });
        for (const engine of engines) {
          if (engine === 'sqlite') {
            expect(differences(expectedFeatures, runSqliteRaw(raw, features('sqlite')))).toEqual([]);
            expect(differences(expected, runSqliteRaw(raw, sql('sqlite')))).toEqual([]);
          } else if (engine === 'duckdb') {
            expect(differences(expectedFeatures, await runDuckdbRaw(raw, features('duckdb')))).toEqual([]);
            expect(differences(expected, await runDuckdbRaw(raw, sql('duckdb')))).toEqual([]);
          } else {
            const schema = `random_${run % 3}`;
            loadRawIntoPostgres(pg, raw, schema);
            expect(differences(expectedFeatures, runPostgresSql(pg, schema, features('postgres')))).toEqual([]);
            expect(differences(expected, runPostgresSql(pg, schema, sql('postgres')))).toEqual([]);
          }
        }
      } finally {
        ws.db.close();
      }
    },
  );

describe('the whole-model SQL equals the engine on random packs with window functions', () => {
  it('in SQLite and DuckDB', async () => {
    await fc.assert(property(['sqlite', 'duckdb']), { numRuns: 50 });
  }, 600_000);

  it('in PostgreSQL', async () => {
    await fc.assert(property(['postgres']), { numRuns: 15 });
  }, 600_000);
});
