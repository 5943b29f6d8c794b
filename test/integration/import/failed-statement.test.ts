// A first load writes 50 rows per statement with INSERT OR FAIL: a repeated key stops its statement
// but keeps the rows before it, which the writer must count and log (not write twice, not lose),
// then redo the rest row by row. Repeats are placed at the first, a middle and the last row of a
// statement, twice within one statement, and in the statement after; in key order (the unique index
// live, so statements fail) and out of order (the index built after the load).
import { join } from 'node:path';
import { fieldsByKind } from '#shared/import/fields';
import type { RejectedValue } from '#shared/import/report';
import { packBatch, unpackBatch } from '../../../electron/backend/import/batch';
import type { RecordOut } from '../../../electron/backend/import/records';
import { createKindWriter } from '../../../electron/backend/import/write/kind-writer';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());
const fields = fieldsByKind.accounts;
const at = (id: string) => fields.findIndex((f) => f.id === id);

// Rows 0…299 with ids in order; these rows repeat an earlier id instead (row → the row it repeats).
const repeats = new Map([
  [50, 3], // the first row of the second statement
  [117, 100], // a middle row
  [149, 20], // the last row of a statement
  [160, 159], // twice in one statement, the first repeating the row just before it
  [181, 7],
  [200, 160], // a repeat of a repeat: refused again, as a repeat of row 159
]);
const idOf = (n: number, ordered: boolean): string => {
  const source = repeats.get(n) ?? n;
  if (repeats.has(source)) return idOf(source, ordered);
  // Out of order: the same ids, with the tens reversed, so they descend in every batch.
  return ordered ? `A${String(source).padStart(4, '0')}` : `A${String(source).split('').reverse().join('')}x`;
};

function records(ordered: boolean): RecordOut[] {
  return Array.from({ length: 300 }, (_, n) => {
    const values: RecordOut['values'] = new Array(fields.length);
    values[at('account_id')] = idOf(n, ordered);
    values[at('name')] = `Name ${n}`;
    values[at('arr')] = n * 10;
    return { values, custom: null, row: n + 2, line: n + 2 };
  });
}

async function load(name: string, ordered: boolean, straight: boolean) {
  const { db } = await openWorkspace(join(dir.path, `${name}.ladder`), { create: true });
  db.pragma('foreign_keys = OFF');
  const writer = createKindWriter(db, 1, {
    kind: 'accounts',
    mappedFields: new Set(['account_id', 'name', 'arr']),
    hasCustom: false,
    sourceOf: (f) => f,
  });
  const rejections: RejectedValue[] = [];
  const all = records(ordered);
  for (const part of [all.slice(0, 120), all.slice(120)]) {
    const batch = packBatch(part, [], 0, 0);
    if (straight) writer.addBatch(batch, rejections);
    else writer.add(unpackBatch(batch), rejections);
  }
  writer.finish(rejections);
  const rows = db.prepare('SELECT id, name FROM accounts ORDER BY key').all() as { id: string; name: string }[];
  db.close();
  return { rows, rejections, counts: writer.counts };
}

it.each([
  ['in key order, straight from the batch', true, true],
  ['in key order, as records', true, false],
  ['out of order, straight from the batch', false, true],
  ['out of order, as records', false, false],
])('every first row is written once and every repeat refused (%s)', async (name, ordered, straight) => {
  const { rows, rejections, counts } = await load(name.replace(/\W+/g, '-'), ordered, straight);
  const firsts = Array.from({ length: 300 }, (_, n) => n).filter((n) => !repeats.has(n));
  expect(rows.map((r) => r.name).sort()).toEqual(firsts.map((n) => `Name ${n}`).sort());
  expect(rows.map((r) => r.id).sort()).toEqual(firsts.map((n) => idOf(n, ordered)).sort());
  if (ordered) expect(rows.map((r) => r.name)).toEqual(firsts.map((n) => `Name ${n}`)); // file order kept
  expect(rejections.map((r) => r.row).sort((a, b) => a - b)).toEqual([...repeats.keys()].map((n) => n + 2));
  for (const r of rejections) expect(r.value).toBe(idOf(r.row - 2, ordered));
  expect(counts).toMatchObject({ inserted: firsts.length, updated: 0, duplicates: repeats.size });
});
