// Ids in ascending order. A first load keeps the account id's unique index up while they come in
// order, and drops it (to build it after the load) from the first batch that does not
// (write/unique-key.ts). Into a table that holds rows, ascending batches skip the repeat checks
// (write/ascending-keys.ts). Either way a repeated id is refused with its own row, the first row of
// each id stays, overwritten rows have their before-images, and the index ends whole and unique.
import { join } from 'node:path';
import { fieldsByKind } from '#shared/import/fields';
import type { RejectedValue } from '#shared/import/report';
import { packBatch } from '../../../electron/backend/import/batch';
import type { RecordOut } from '../../../electron/backend/import/records';
import { createKindWriter } from '../../../electron/backend/import/write/kind-writer';
import { createKeyOrderWatch } from '../../../electron/backend/import/write/unique-key';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());
const fields = fieldsByKind.accounts;
const at = (id: string) => fields.findIndex((f) => f.id === id);

const records = (ids: readonly string[], firstRow: number): RecordOut[] =>
  ids.map((id, i) => {
    const values: RecordOut['values'] = new Array(fields.length);
    values[at('account_id')] = id;
    values[at('name')] = `Name of ${id} (row ${firstRow + i})`;
    return { values, custom: null, row: firstRow + i, line: firstRow + i };
  });

it('the watch stays in order for ascending keys and a rare step back, not for a shuffled batch', () => {
  const watch = createKeyOrderWatch();
  expect(watch.see(['A1', 'A2', 'A3'], 0, 1)).toBe(true);
  // One step back in 40 keys (and none across the batches) is still in order.
  const mostly = Array.from({ length: 40 }, (_, i) => `B${String(i).padStart(3, '0')}`);
  [mostly[20], mostly[21]] = [mostly[21]!, mostly[20]!];
  expect(watch.see(mostly, 0, 1)).toBe(true);
  // Keys every third value of a row-major array (stride), the first one behind the last batch's.
  expect(watch.see(['A0', 'x', 'y', 'C1', 'x', 'y', 'C2', 'x', 'y'], 0, 3)).toBe(false);
  expect(watch.inOrder).toBe(false);
  expect(watch.see(['D1', 'D2'], 0, 1)).toBe(false); // it does not come back
});

async function openWriter(name: string, held: readonly string[] = []) {
  const { db } = await openWorkspace(join(dir.path, name), { create: true });
  db.pragma('foreign_keys = OFF');
  const insert = db.prepare("INSERT INTO accounts (id, name) VALUES (?, 'Held')");
  for (const id of held) insert.run(id);
  const importId = Number(
    db
      .prepare(
        `INSERT INTO imports (file_name, file_size, sha256, kind, mapping, rows_read, rows_imported, rows_rejected, started_at, finished_at)
         VALUES ('f', 0, '', 'accounts', '{}', 0, 0, 0, 'now', 'now')`,
      )
      .run().lastInsertRowid,
  );
  const writer = createKindWriter(db, importId, {
    kind: 'accounts',
    mappedFields: new Set(['account_id', 'name']),
    hasCustom: false,
    sourceOf: (f) => `col ${f}`,
  });
  return { db, writer };
}
const ids = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `K${String(from + i).padStart(5, '0')}`);

it('a first load keeps the id index while ids come in order and builds it after the first batch out of order', async () => {
  const { db, writer } = await openWriter('order.ladder');
  const indexed = () =>
    db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'accounts_by_id'").pluck().get() === 1;
  const rejections: RejectedValue[] = [];
  const inOrder = ids(0, 3000);
  inOrder[2500] = inOrder[100]!; // a repeat while the index is up
  db.exec('BEGIN');
  writer.addBatch(packBatch(records(inOrder, 2), [], 0, 0), rejections);
  expect(indexed()).toBe(true);
  expect(rejections.map((r) => [r.row, r.value])).toEqual([[2502, 'K00100']]);
  // A batch in no order: the index goes, and a repeat in it is found when the index is built.
  const shuffled = Array.from({ length: 3000 }, (_, i) => `K${String(3000 + ((i * 7919) % 3000)).padStart(5, '0')}`);
  shuffled[1000] = 'K00007';
  writer.addBatch(packBatch(records(shuffled, 3002), [], 0, 0), rejections);
  expect(indexed()).toBe(false);
  writer.finish(rejections);
  db.exec('COMMIT');
  expect(indexed()).toBe(true);
  expect(rejections.map((r) => [r.row, r.value])).toEqual([
    [2502, 'K00100'],
    [4002, 'K00007'],
  ]);
  expect(writer.counts).toMatchObject({ inserted: 5998, duplicates: 2 });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const name = db.prepare('SELECT name FROM accounts WHERE id = ?').pluck();
  expect(name.get('K00100')).toBe('Name of K00100 (row 102)');
  expect(name.get('K00007')).toBe('Name of K00007 (row 9)');
  expect(db.prepare('SELECT count(*) FROM accounts INDEXED BY accounts_by_id WHERE id >= ?').pluck().get('')).toBe(
    5998,
  );
  db.close();
});

it('into a table that holds rows, ascending batches overwrite with images, and a later repeat of theirs is refused', async () => {
  const { db, writer } = await openWriter('held.ladder', ids(100, 100));
  const rejections: RejectedValue[] = [];
  db.exec('BEGIN');
  writer.addBatch(packBatch(records(ids(0, 2000), 2), [], 0, 0), rejections); // overlaps the 100 held ids
  writer.addBatch(packBatch(records(ids(2000, 2000), 2002), [], 0, 0), rejections); // past them
  // Out of order: repeats of ids the ascending batches wrote (one new, one that overwrote a held
  // row) are duplicates, found from the table since those batches kept no hashes.
  const late = [...ids(4000, 500).reverse(), 'K02500', 'K00150'];
  writer.addBatch(packBatch(records(late, 4002), [], 0, 0), rejections);
  writer.finish(rejections);
  db.exec('COMMIT');
  expect(rejections.map((r) => [r.row, r.value])).toEqual([
    [4502, 'K02500'],
    [4503, 'K00150'],
  ]);
  expect(writer.counts).toMatchObject({ inserted: 4400, updated: 100, duplicates: 2 });
  expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(4500);
  const name = db.prepare('SELECT name FROM accounts WHERE id = ?').pluck();
  expect(name.get('K02500')).toBe('Name of K02500 (row 2502)');
  expect(name.get('K00150')).toBe('Name of K00150 (row 152)');
  const images = db.prepare("SELECT key1, json_extract(before, '$.name') FROM import_undo ORDER BY key1").raw().all();
  expect(images).toEqual(ids(100, 100).map((id) => [id, 'Held']));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
});
