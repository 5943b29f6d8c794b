// A table's secondary indexes are rebuilt after the load, not kept up row by row, when the table
// holds at most twice the rows the import brings (first loads always). A small import into a large
// table keeps them. Either way the workspace ends with every index whole and right.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile } from '../../../electron/backend/import/analyze';
import { expectedRows } from '../../../electron/backend/import/run-import';
import { smallBeside } from '../../../electron/backend/import/write/table-writer';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { ladder } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

const csv = (name: string, from: number, rows: number) => {
  const path = join(dir.path, name);
  const lines = Array.from({ length: rows }, (_, i) => `K${from + i},Company ${from + i},csm${(from + i) % 13}@x.io`);
  writeFileSync(path, `Account ID,Account Name,CSM\n${lines.join('\n')}\n`);
  return path;
};

it('the row estimate is near the real count, from the sample when the file was not read whole', async () => {
  const path = csv('estimate.csv', 0, 30_000);
  const sample = await analyzeFile(path, { maxRows: 20_000 });
  expect(sample.complete).toBe(false);
  expect(expectedRows(sample)).toBeGreaterThan(24_000); // within a third: the first rows are a little shorter
  expect(expectedRows(sample)).toBeLessThan(40_000);
  expect(expectedRows(await analyzeFile(path))).toBe(30_000);
});

it('rebuilds indexes for an import as large as the table, not for a small one into a large table', async () => {
  const ws = join(dir.path, 'decide.ladder');
  const { db } = await openWorkspace(ws, { create: true });
  const insert = db.prepare("INSERT INTO accounts (id, name) VALUES (?, 'n')");
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) insert.run(`A${i}`);
  })();
  expect(smallBeside(db, { table: 'accounts', expectedRows: 2500 })).toBe(true);
  expect(smallBeside(db, { table: 'accounts', expectedRows: 2499 })).toBe(false);
  expect(smallBeside(db, { table: 'accounts', expectedRows: 100 })).toBe(false);
  expect(smallBeside(db, { table: 'accounts' })).toBe(false);
  db.close();
});

it('after loads into a table that holds rows, with the indexes rebuilt or kept, every index is right', async () => {
  const ws = join(dir.path, 'loads.ladder');
  (await openWorkspace(ws, { create: true })).db.close();
  for (const [name, from, rows] of [
    ['first.csv', 0, 3000], // a first load
    ['larger.csv', 2000, 6000], // larger than the table: rebuilt (1,000 rows overwritten)
    ['small.csv', 100, 50], // a few rows into a larger table: kept up
  ] as const) {
    const r = ladder(['import', csv(name, from, rows), '--workspace', ws, '--kind', 'accounts']);
    expect(r.status, r.stderr).toBe(0);
  }
  const db = new Database(ws, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'accounts'")
      .pluck()
      .all(),
  ).toEqual(['accounts_by_id', 'accounts_by_owner']);
  expect(
    db.prepare("SELECT \"unique\" FROM pragma_index_list('accounts') WHERE name = 'accounts_by_id'").pluck().get(),
  ).toBe(1);
  expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(8000);
  const byIndex = db
    .prepare("SELECT count(*) FROM accounts INDEXED BY accounts_by_owner WHERE owner_csm = 'csm3@x.io'")
    .pluck()
    .get();
  const byScan = db.prepare("SELECT count(*) FROM accounts NOT INDEXED WHERE owner_csm = 'csm3@x.io'").pluck().get();
  expect(byIndex).toBe(byScan);
  expect(byIndex).toBeGreaterThan(500);
  db.close();
});
