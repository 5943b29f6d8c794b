// Undo of an import that overwrote many rows: its own rows are found with one NOT IN over its
// before-images (a correlated NOT EXISTS scanned every image for every row: a 1M-row undo did not
// finish in 3 minutes), the images are read a page at a time, and past 10,000 of them the table's
// secondary indexes are rebuilt once. The rows come back exactly, and every index is whole.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReport } from '#shared/import/report';
import { undoImport } from '../../../electron/backend/import/undo';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { importOk } from '../../helpers/import-cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

const rows = 12_500;

async function importFile(ws: string, name: string, version: number): Promise<ImportReport> {
  const lines = ['Account ID,Account Name,CSM,ARR'];
  // The second file overwrites every row (other owner and ARR) and adds 300 new ones.
  const count = version === 1 ? rows : rows + 300;
  for (let i = 0; i < count; i++) lines.push(`A${i},Company ${i},csm${(i + version) % 17}@x.io,${(i * version) / 3}`);
  const file = join(dir.path, name);
  writeFileSync(file, lines.join('\n'));
  return importOk(file, ws, 'accounts');
}

const snapshot = (ws: string) => {
  const db = new Database(ws, { readonly: true });
  try {
    return db.prepare('SELECT * FROM accounts ORDER BY key').all();
  } finally {
    db.close();
  }
};

it('undo of an import over 12,500 rows restores each exactly and leaves every index right', async () => {
  const ws = join(dir.path, 'large.ladder');
  (await openWorkspace(ws, { create: true })).db.close();
  await importFile(ws, 'first.csv', 1);
  const before = snapshot(ws);
  const second = await importFile(ws, 'second.csv', 2);
  expect(second).toMatchObject({ inserted: 300, updated: rows });
  expect(snapshot(ws)).not.toEqual(before);

  const w = await openWorkspace(ws);
  expect(undoImport(w.db, second.importId!)).toMatchObject({ removed: 300, restored: rows });
  w.db.close();
  expect(snapshot(ws)).toEqual(before);
  const db = new Database(ws, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(
    db
      .prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'accounts' AND type = 'index' ORDER BY name")
      .pluck()
      .all(),
  ).toEqual(['accounts_by_id', 'accounts_by_owner']);
  const owner = "SELECT count(*) FROM accounts INDEXED BY accounts_by_owner WHERE owner_csm = 'csm3@x.io'";
  expect(db.prepare(owner).pluck().get()).toBe(
    db.prepare("SELECT count(*) FROM accounts NOT INDEXED WHERE owner_csm = 'csm3@x.io'").pluck().get(),
  );
  expect(db.prepare('SELECT count(*) FROM import_undo').pluck().get()).toBe(0);
  db.close();
});
