// An accounts batch is written straight from the reader's columns to statement parameters
// (KindWriter.addBatch, unpackRows), without record objects. Both ways must leave the same rows,
// counts and refusals: into an empty table (repeated keys redone row by row) and into one that
// already holds accounts (upserts with before-images).
import { join } from 'node:path';
import { fieldsByKind } from '#shared/import/fields';
import type { RejectedValue } from '#shared/import/report';
import { packBatch, unpackBatch, type Batch } from '../../../electron/backend/import/batch';
import type { RecordOut } from '../../../electron/backend/import/records';
import { createKindWriter, type KindWriterOptions } from '../../../electron/backend/import/write/kind-writer';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());
const fields = fieldsByKind.accounts;
const at = (id: string) => fields.findIndex((f) => f.id === id);

function records(from: number, count: number): RecordOut[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const values: RecordOut['values'] = new Array(fields.length);
    values[at('account_id')] = `A${n % 1700}`; // repeats: duplicates within and across batches
    values[at('name')] = n % 7 === 0 ? null : `Name ${n}`; // blank names fall back to the id
    values[at('segment')] = n % 3 === 0 ? 'SMB' : null;
    values[at('arr')] = n % 5 === 0 ? -0 : n * 1.25;
    values[at('economic_buyer_known')] = n % 4 === 0 ? null : n % 2 === 0;
    values[at('owner_csm')] = `csm${n % 9}@example.com`;
    return { values, custom: n % 6 === 0 ? JSON.stringify({ note: `ü ${n}` }) : null, row: n + 2, line: n + 2 };
  });
}

async function write(name: string, direct: boolean, seeded: boolean, options: Partial<KindWriterOptions> = {}) {
  const path = join(dir.path, `${name}-${direct}.ladder`);
  const { db } = await openWorkspace(path, { create: true });
  db.pragma('foreign_keys = OFF');
  const importId = Number(
    db
      .prepare(
        `INSERT INTO imports (file_name, file_size, sha256, kind, mapping, rows_read, rows_imported, rows_rejected, started_at, finished_at)
         VALUES ('f', 0, '', 'accounts', '{}', 0, 0, 0, 'now', 'now')`,
      )
      .run().lastInsertRowid,
  );
  if (seeded)
    db.prepare(
      "INSERT INTO accounts (id, name, custom) VALUES ('A5', 'Old', '{\"keep\":1}'), ('A1699', 'Old', NULL)",
    ).run();
  const writer = createKindWriter(db, importId, {
    kind: 'accounts',
    mappedFields: new Set(['account_id', 'name', 'segment', 'arr', 'economic_buyer_known', 'owner_csm']),
    hasCustom: true,
    sourceOf: (f) => `col ${f}`,
    ...options,
  });
  const batches: Batch[] = [packBatch(records(0, 1500), [], 0, 0), packBatch(records(1500, 1500), [], 0, 0)];
  const rejections: RejectedValue[] = [];
  for (const b of batches) {
    if (direct) writer.addBatch(b, rejections);
    else writer.add(unpackBatch(b), rejections);
  }
  writer.finish(rejections);
  const rows = db.prepare('SELECT * FROM accounts ORDER BY key').all();
  const undo = db.prepare('SELECT tbl, key1, key2, before FROM import_undo ORDER BY rowid').all();
  db.close();
  return { rows, undo, rejections, counts: writer.counts };
}

it.each([
  ['into an empty table', false],
  ['into a table that holds accounts', true],
])('a batch writes the same rows straight or as records (%s)', async (name, seeded) => {
  const straight = await write(name, true, seeded);
  const viaRecords = await write(name, false, seeded);
  expect(straight).toEqual(viaRecords);
  expect(straight.counts.duplicates).toBe(3000 - 1700);
  expect(straight.rows).toHaveLength(1700);
  if (seeded) expect(straight.undo).toHaveLength(2);
});

it('without a mapped name the id is written as the name, straight or not', async () => {
  const options = { mappedFields: new Set(['account_id', 'arr']), hasCustom: false };
  const straight = await write('unnamed', true, false, options);
  expect(straight).toEqual(await write('unnamed', false, false, options));
  expect(straight.rows[0]).toMatchObject({ id: 'A0', name: 'A0' });
});
