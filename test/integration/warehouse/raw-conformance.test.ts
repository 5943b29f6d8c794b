// Conformance of the whole-model SQL (issue 16): for the demo book, an events-derived workspace
// with sparse weeks and the calendar fixtures (sparse events and monthly snapshots), every preset,
// the kitchen-sink pack and a pack using every window function are compiled to SQL over the raw
// accounts and periods relations (as `ladder export raw` writes them) and run in SQLite, DuckDB and a
// test-started PostgreSQL at two as-of dates: every account's score, stage, signals, filters and
// subtotals must equal the engine's, doubles bit for bit.
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance as Instance } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import type Database from 'better-sqlite3';
import { compileRawSql } from '#shared/compile/raw/compile';
import type { SqlDialect } from '#shared/compile/sql-dialect';
import type { ValidPack } from '#shared/pack/validate';
import { demoDefaults, writeDemoWorkspace } from '../../../electron/backend/demo/write-demo';
import { rawRelations, type RawRelations } from '../../../electron/backend/export/raw-relations';
import { placeFromWorkspace } from '../../../electron/backend/export/raw-sql';
import { listPresets, loadPackArgument, loadPreset } from '../../../electron/backend/packs/presets';
import { scoreWorkspace } from '../../../electron/backend/scoring/score-workspace';
import { openWorkspace, type Workspace } from '../../../electron/backend/store/open-workspace';
import { ladder } from '../../helpers/cli';
import { differences, engineRows } from '../../helpers/engine-rows';
import { writeEventsWorkspace } from '../../helpers/events-workspace';
import { startPostgres, type Postgres } from '../../helpers/postgres';
import { loadRawIntoDuckdb, loadRawIntoPostgres, runPostgresSql, sqliteWithRaw } from '../../helpers/raw-engines';
import type { SqlRow } from '../../helpers/sql-engines';
import { repoRoot, tempDir } from '../../helpers/temp';

const fixturePack = (name: string) => join(repoRoot, 'test', 'fixtures', 'packs', name);
const packs: Record<string, () => ValidPack> = {
  ...Object.fromEntries(listPresets().map((p) => [p.id, () => loadPreset(p.id)])),
  'kitchen-sink': () => loadPackArgument(fixturePack('kitchen-sink.json')),
  'window-functions': () => loadPackArgument(fixturePack('window-functions.json')),
};

interface Book {
  ws: Workspace;
  raw: RawRelations;
  dates: [string, string];
  sqlite: Database.Database;
  duck: { instance: Instance; connection: DuckDBConnection };
  schema: string;
}

const dir = tempDir();
const books = new Map<string, Book>();
let pg: Postgres;

async function openBook(name: string, path: string, dates: [string, string]): Promise<void> {
  const ws = await openWorkspace(path);
  const raw = rawRelations(ws.db);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await loadRawIntoDuckdb(connection, raw);
  const schema = `raw_${name}`;
  loadRawIntoPostgres(pg, raw, schema);
  books.set(name, { ws, raw, dates, sqlite: sqliteWithRaw(raw), duck: { instance, connection }, schema });
}

beforeAll(async () => {
  pg = await startPostgres();
  const demo = join(dir.path, 'demo.ladder');
  await writeDemoWorkspace(demo, demoDefaults({ accounts: 1000, seed: 7, endDate: '2026-11-16' }));
  // A Monday at the end of the data, and a Wednesday in the past (a part week; some windows reach before the data).
  await openBook('demo', demo, ['2026-11-16', '2026-03-11']);
  const events = writeEventsWorkspace(dir.path, { accounts: 240, weeks: 30, lastMonday: '2026-03-30', seed: 11 });
  await openBook('events', events, ['2026-04-01', '2025-12-20']);
  const fixtures = join(repoRoot, 'test', 'fixtures', 'own-data');
  const sparse = join(dir.path, 'sparse.ladder');
  for (const [file, kind] of [
    ['sparse-accounts.csv', 'accounts'] as const,
    ['sparse-events.csv', 'events'] as const,
    ['monthly-snapshots.csv', 'periods'] as const,
  ])
    expect(ladder(['import', join(fixtures, file), '--workspace', sparse, '--kind', kind]).status).toBe(0);
  await openBook('sparse', sparse, ['2026-03-30', '2026-01-15']);
}, 300_000);

afterAll(() => {
  for (const book of books.values()) {
    book.ws.db.close();
    book.sqlite.close();
    book.duck.connection.closeSync();
    book.duck.instance.closeSync();
  }
  pg?.stop();
  dir.cleanup();
});

const lower = (rows: Record<string, unknown>[]): SqlRow[] =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k.toLowerCase(), typeof v === 'bigint' ? Number(v) : (v as SqlRow[string])]),
    ),
  );

function compile(book: Book, valid: ValidPack, dialect: SqlDialect, asOf: string): string {
  return compileRawSql(valid, { dialect, asOf, placeCustom: placeFromWorkspace(book.ws.db, asOf) });
}

describe.each(['demo', 'events', 'sparse'])(
  '%s: the whole model in SQL over the raw tables equals the engine',
  (name) => {
    describe.each(Object.keys(packs))('%s', (packId) => {
      const cases = [0, 1] as const;
      it.each(cases)('as of date %i, in SQLite, DuckDB and PostgreSQL', async (d) => {
        const book = books.get(name)!;
        const valid = packs[packId]!();
        const asOf = book.dates[d];
        const expected = engineRows(scoreWorkspace(book.ws, valid, asOf).engine);
        const sqlite = lower(
          book.sqlite.prepare(compile(book, valid, 'sqlite', asOf)).all() as Record<string, unknown>[],
        );
        expect(differences(expected, sqlite)).toEqual([]);
        const duck = (await book.duck.connection.runAndReadAll(compile(book, valid, 'duckdb', asOf))).getRowObjects();
        expect(differences(expected, lower(duck as Record<string, unknown>[]))).toEqual([]);
        const postgres = runPostgresSql(pg, book.schema, compile(book, valid, 'postgres', asOf));
        expect(differences(expected, postgres)).toEqual([]);
      });
    });
  },
);
