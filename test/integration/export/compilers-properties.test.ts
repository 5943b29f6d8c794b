// Semantic drift caught cheaply: random packs over random accounts, scored by the engine and by
// every compiled form that runs in-process — the SQL in SQLite (in-memory better-sqlite3), the JS
// module imported from a file, the JSON Logic in json-logic-js. All must agree exactly.
import fc from 'fast-check';
import { compileJsModule } from '#shared/compile/js-module';
import { compileJsonLogic } from '#shared/compile/jsonlogic';
import { compileSql } from '#shared/compile/sql';
import { createEngine } from '#shared/engine/engine';
import { featuresRelation } from '../../../electron/backend/export/features-relation';
import { differences, engineRows } from '../../helpers/engine-rows';
import { asRow, evaluateJsonLogic, importModule, relationAccounts } from '../../helpers/portable';
import { runSqlite, type SqlRow } from '../../helpers/sql-engines';
import { tempDir } from '../../helpers/temp';
import { valid } from '../../unit/engine/fixtures';
import { featuresArb, packArb, toTable } from '../../unit/compile/random-packs';

const dir = tempDir();
afterAll(() => dir.cleanup());

const withoutSubtotals = (rows: SqlRow[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('subtotal_'))));

describe('compiled packs equal the engine on random packs', () => {
  it('SQL in SQLite', () => {
    fc.assert(
      fc.property(featuresArb, packArb, (f, p) => {
        const pack = valid(p);
        const table = toTable(f);
        const expected = engineRows(createEngine(table, pack));
        const rows = runSqlite(featuresRelation(table, pack), compileSql(pack, { dialect: 'sqlite' }));
        expect(differences(expected, rows)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('JSON Logic in json-logic-js', () => {
    fc.assert(
      fc.property(featuresArb, packArb, (f, p) => {
        const pack = valid(p);
        const table = toTable(f);
        const expected = withoutSubtotals(engineRows(createEngine(table, pack)));
        const doc = JSON.parse(JSON.stringify(compileJsonLogic(pack)));
        const rows = relationAccounts(featuresRelation(table, pack)).map((a) =>
          asRow(a.id, evaluateJsonLogic(doc, a.jsonLogic)),
        );
        expect(differences(expected, rows)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('JS module imported from a file', async () => {
    await fc.assert(
      fc.asyncProperty(featuresArb, packArb, async (f, p) => {
        const pack = valid(p);
        const table = toTable(f);
        const expected = engineRows(createEngine(table, pack));
        const mod = await importModule(dir.path, compileJsModule(pack));
        const rows = relationAccounts(featuresRelation(table, pack)).map((a) => {
          const r = mod.score(a.flat);
          return {
            ...asRow(a.id, r),
            ...Object.fromEntries(Object.entries(r.subtotals).map(([k, v]) => [`subtotal_${k}`, v])),
          };
        });
        expect(differences(expected, rows)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
