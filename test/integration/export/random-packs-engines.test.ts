// Random packs (the compilers' property-test generators) through the SQL engines that run in
// their own process or server: DuckDB and PostgreSQL must equal the engine exactly, like SQLite
// does in the unit tests. PostgreSQL raises an error where IEEE 754 gives ±Infinity or underflows
// to 0, so its packs avoid values that close to 0 (see README, "What is executed").
import fc from 'fast-check';
import { compileSql } from '#shared/compile/sql';
import { createEngine } from '#shared/engine/engine';
import { featuresRelation } from '../../../electron/backend/export/features-relation';
import { differences, engineRows } from '../../helpers/engine-rows';
import { startPostgres, type Postgres } from '../../helpers/postgres';
import { runDuckdb, runPostgres } from '../../helpers/sql-engines';
import { valid } from '../../unit/engine/fixtures';
import { featuresArb, packArb, randomArbitraries, toTable } from '../../unit/compile/random-packs';
import { accountsArb, accountsTable, potentialArb, potentialPack } from '../../unit/compile/random-potential';
import { whitespaceRow } from '../../helpers/engine-rows';
import type { SqlRow } from '../../helpers/sql-engines';

let pg: Postgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const whitespaceOnly = (row: SqlRow): SqlRow =>
  Object.fromEntries(['account_id', 'potential_seats', 'potential_arr', 'whitespace'].map((k) => [k, row[k] ?? null]));

function whitespaceCase(f: Parameters<typeof accountsTable>[0], p: unknown) {
  const pack = valid(potentialPack(p as never));
  const table = accountsTable(f);
  const engine = createEngine(table, pack);
  return {
    pack,
    relation: featuresRelation(table, pack),
    expected: table.accountIds.map((id, i) => ({ account_id: id, ...whitespaceRow(engine, i) })),
  };
}

describe('compiled whitespace equals the engine on random definitions', () => {
  it('in DuckDB', async () => {
    await fc.assert(
      fc.asyncProperty(accountsArb, potentialArb, async (f, p) => {
        const { pack, relation, expected } = whitespaceCase(f, p);
        const rows = await runDuckdb(relation, compileSql(pack, { dialect: 'duckdb' }));
        expect(differences(expected, rows.map(whitespaceOnly))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('in PostgreSQL', () => {
    let run = 0;
    fc.assert(
      fc.property(accountsArb, potentialArb, (f, p) => {
        const { pack, relation, expected } = whitespaceCase(f, p);
        const rows = runPostgres(pg, relation, compileSql(pack, { dialect: 'postgres' }), `potential_${run++ % 4}`);
        expect(differences(expected, rows.map(whitespaceOnly))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('compiled SQL equals the engine on random packs', () => {
  it('in DuckDB', async () => {
    await fc.assert(
      fc.asyncProperty(featuresArb, packArb, async (f, p) => {
        const pack = valid(p);
        const table = toTable(f);
        const rows = await runDuckdb(featuresRelation(table, pack), compileSql(pack, { dialect: 'duckdb' }));
        expect(differences(engineRows(createEngine(table, pack)), rows)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('in PostgreSQL', () => {
    const normal = randomArbitraries({ subnormals: false });
    let run = 0;
    fc.assert(
      fc.property(normal.featuresArb, normal.packArb, (f, p) => {
        const pack = valid(p);
        const table = toTable(f);
        const rows = runPostgres(
          pg,
          featuresRelation(table, pack),
          compileSql(pack, { dialect: 'postgres' }),
          `random_${run++ % 4}`,
        );
        expect(differences(engineRows(createEngine(table, pack)), rows)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});
