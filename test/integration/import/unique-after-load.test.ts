// A first load into an empty accounts table builds the account id's unique index after the load
// (import/write/unique-key.ts). Repeats are then found when the index is built, however far apart
// and in whatever batch: the first row of each id stays, every later one is reported with its own
// row, line and value, and the index ends whole and unique. Undo of such a load leaves the table empty.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { undoImport } from '../../../electron/backend/import/undo';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { importJson, importOk, repeatedAccountId } from '../../helpers/import-cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

const rows = 30_000;
// Ids in a scrambled order (an export sorted by name, not id), with repeats of earlier ids far apart.
const idOf = (i: number) => `SF-${String((i * 7919) % rows).padStart(6, '0')}`;
const repeats = new Map([
  [12_345, 3], // repeats the id of row 3 (data row index 3), thousands of rows later
  [29_998, 12_000],
  [20_001, 3], // a second repeat of the same id
]);

function writeFile(): string {
  const path = join(dir.path, 'accounts.csv');
  const lines = ['Account ID,Account Name,Account Owner'];
  for (let i = 0; i < rows; i++) {
    const id = repeats.has(i) ? idOf(repeats.get(i)!) : idOf(i);
    lines.push(`${id},"Company ${i}",owner${i % 11}@example.com`);
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

it('a repeated id in a first load is refused after the load, each repeat with its own row and line', async () => {
  const file = writeFile();
  const ws = join(dir.path, 'first.ladder');
  (await openWorkspace(ws, { create: true })).db.close();
  const report = await importOk(file, ws, 'accounts', ['--on-error', 'skip']);
  expect(report.committed).toBe(true);
  expect(report.inserted).toBe(rows - repeats.size);
  expect(report.duplicates).toBe(repeats.size);
  expect(report.rowsRejected).toBe(repeats.size);
  expect(report.rowsImported).toBe(rows - repeats.size);
  // Data row i is row i + 2 of the report and line i + 2 of the file (the header is row and line 1).
  expect(report.rejected).toEqual(
    [...repeats.keys()].sort((a, b) => a - b).map((i) => repeatedAccountId(i + 2, i + 2, idOf(repeats.get(i)!))),
  );
  const db = new Database(ws, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(rows - repeats.size);
  // The first row of a repeated id is the one kept.
  expect(db.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(idOf(3))).toBe('Company 3');
  expect(db.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(idOf(12_000))).toBe('Company 12000');
  expect(
    db.prepare("SELECT \"unique\" FROM pragma_index_list('accounts') WHERE name = 'accounts_by_id'").pluck().get(),
  ).toBe(1);
  // The index answers for every row (it was built from all of them).
  const viaIndex = db.prepare('SELECT count(*) FROM accounts INDEXED BY accounts_by_id WHERE id >= ?').pluck().get('');
  expect(viaIndex).toBe(rows - repeats.size);
  db.close();

  const w = await openWorkspace(ws);
  undoImport(w.db, report.importId!);
  expect(w.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
  expect(() => w.db.exec("INSERT INTO accounts (id, name) VALUES ('X', 'a'), ('X', 'b')")).toThrow(/UNIQUE/);
  w.db.close();
});

it('with --on-error abort a repeat found after the load commits nothing', async () => {
  const file = writeFile();
  const ws = join(dir.path, 'abort.ladder');
  (await openWorkspace(ws, { create: true })).db.close();
  const { report } = await importJson(file, ws, 'accounts', ['--on-error', 'abort']);
  expect(report.committed).toBe(false);
  expect(report.duplicates).toBe(repeats.size);
  const db = new Database(ws, { readonly: true });
  expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
  expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'accounts_by_id'").pluck().get()).toBe(1);
  db.close();
});
