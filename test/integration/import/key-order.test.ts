// A first load keeps the account id's unique index up while the ids come in ascending order, and
// drops it (to build it after the load) from the first batch that does not (write/unique-key.ts).
// Either way a repeated id is refused with its own row, the first row of each id stays, and the
// index ends whole and unique.
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

it('a first load keeps the id index while ids come in order and builds it after the first batch out of order', async () => {
  const { db } = await openWorkspace(join(dir.path, 'order.ladder'), { create: true });
  db.pragma('foreign_keys = OFF');
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
  const indexed = () =>
    db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'accounts_by_id'").pluck().get() === 1;
  const rejections: RejectedValue[] = [];
  const inOrder = Array.from({ length: 3000 }, (_, i) => `K${String(i).padStart(5, '0')}`);
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
