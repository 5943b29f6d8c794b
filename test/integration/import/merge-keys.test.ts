// Into a table that holds rows, the writer tells a key written by an earlier batch of the same
// import (a duplicate) from a new one with a 32-bit hash of each key written, confirmed in the
// table: two different ids whose hashes collide are both imported, a real repeat is refused, and
// the counts of new and overwritten rows come from the before-image statement.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashKey } from '../../../electron/backend/import/write/key-hashes';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { importOk, repeatedAccountId } from '../../helpers/import-cli';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

// Found by search: two ids with the same FNV-1a hash.
const [a, b] = ['ACC-9vl8', 'ACC-apd6'];

it('the two ids used below collide', () => {
  expect(hashKey(a)).toBe(hashKey(b));
});

it('a hash collision across batches imports both rows; a real repeat across batches is refused', async () => {
  const ws = join(dir.path, 'held.ladder');
  const w = await openWorkspace(ws, { create: true });
  w.db.exec("INSERT INTO accounts (id, name, arr) VALUES ('OLD-1', 'Old one', 1), ('F-10', 'Old ten', 2)");
  w.db.close();
  const lines = ['Account ID,Account Name,ARR', `${a},First,10`];
  for (let i = 0; i < 5000; i++) lines.push(`F-${i},Filler ${i},${i}`);
  lines.push(`${b},Collides,20`, `${a},Repeat,30`);
  const file = join(dir.path, 'accounts.csv');
  writeFileSync(file, lines.join('\n'));
  const report = await importOk(file, ws, 'accounts', ['--on-error', 'skip']);
  expect(report).toMatchObject({ committed: true, inserted: 5001, updated: 1, duplicates: 1, rowsRejected: 1 });
  expect(report.rejected).toEqual([repeatedAccountId(5004, 5004, a)]);
  const db = new Database(ws, { readonly: true });
  const name = db.prepare('SELECT name FROM accounts WHERE id = ?').pluck();
  expect(name.get(a)).toBe('First');
  expect(name.get(b)).toBe('Collides');
  expect(name.get('F-10')).toBe('Filler 10');
  expect(name.get('OLD-1')).toBe('Old one');
  expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(5003);
  // The one overwritten row has its before-image.
  expect(db.prepare("SELECT key1, json_extract(before, '$.name') FROM import_undo").raw().all()).toEqual([
    ['F-10', 'Old ten'],
  ]);
  db.close();
});
