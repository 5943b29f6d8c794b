// The columnar hand-off between the reading worker and the writer: every value comes back as it
// went in (texts of any length and script, blanks, numbers, booleans, nulls, custom JSON).
import { createBatchPacker, packBatch, unpackBatch } from '../../../electron/backend/import/batch';
import type { RecordOut } from '../../../electron/backend/import/records';

it('a batch unpacks to exactly the records packed', () => {
  const records: RecordOut[] = [
    { values: ['A1', 'Ünïcødé, "quoted"', 1.5, true, null], custom: '{"x":"\\u0000 is escaped"}', row: 2, line: 2 },
    { values: ['', 'line\nbreak', -0, false, 0.1 + 0.2], custom: null, row: 3, line: 3 },
    { values: ['A3', '🙂'.repeat(1000), Number.MAX_VALUE, null, 'tail'], custom: '{}', row: 5, line: 7 },
  ];
  const batch = packBatch(records, [], 100, 4);
  expect(batch).toMatchObject({ width: 6, count: 3, bytesRead: 100, rowsRead: 4 });
  expect(unpackBatch(batch)).toEqual(records);
  expect(Object.is(unpackBatch(batch)[1]!.values[2], -0)).toBe(true);
});

it('an empty batch (only rejections) unpacks to no records', () => {
  const rejection = { row: 2, line: 2, column: 'a', value: 'x', reason: 'r' };
  const batch = packBatch([], [rejection], 10, 1);
  expect(unpackBatch(batch)).toEqual([]);
  expect(batch.rejections).toEqual([rejection]);
});

it('the packer hands over full and part-filled batches, each with exactly its own records', () => {
  const packer = createBatchPacker(3);
  const made: RecordOut[] = Array.from({ length: 7 }, (_, i) => ({
    values: [`K${i}`, i % 2 ? i * 1.5 : null, i % 3 === 0],
    custom: i === 4 ? '{"a":1}' : null,
    row: i + 2,
    line: i + 2,
  }));
  const batches = [];
  for (const r of made) {
    packer.add(r);
    if (packer.count === 3) batches.push(packer.take([], 0, 0));
  }
  batches.push(packer.take([], 0, 0));
  expect(batches.map((b) => b.count)).toEqual([3, 3, 1]);
  expect(batches[2]!.tags).toHaveLength(4);
  expect(batches.flatMap((b) => unpackBatch(b))).toEqual(made);
});

it('a text UTF-8 cannot hold (a lone surrogate, from a JSON escape) travels as itself', () => {
  const records: RecordOut[] = [
    { values: ['A1', 'lone \ud800 high', 'Ü'], custom: null, row: 2, line: 2 },
    { values: ['A2', '\udc00', 'plain'], custom: '{"a":"\\ud800"}', row: 3, line: 3 },
  ];
  expect(unpackBatch(packBatch(records, [], 0, 2))).toEqual(records);
});
