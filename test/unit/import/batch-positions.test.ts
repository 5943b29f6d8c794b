// A packer given the positions a plan fills sends only those fields (and the custom JSON): the
// record fields it leaves out come back null, every packed one as it went in, and the rows picked
// straight for a table (unpackRows) are the same as picking from whole records.
import { createBatchPacker, unpackBatch, unpackRows } from '../../../electron/backend/import/batch';
import type { RecordOut } from '../../../electron/backend/import/records';

const unset = undefined as unknown as null;
const records: RecordOut[] = Array.from({ length: 7 }, (_, i) => ({
  // Unfilled fields are unset (undefined) in a record, as the record builder leaves them.
  values: [`K${i}`, unset, i % 2 ? i * 1.5 : null, unset, i % 3 === 0, unset, i === 2 ? null : i === 5 ? '' : `n${i}`],
  custom: i === 4 ? '{"a":1}' : null,
  row: i + 2,
  line: i + 3,
}));
const filled = [0, 2, 4, 6];

it('packs only the filled positions; the others unpack as null', () => {
  const packer = createBatchPacker(10, filled);
  for (const r of records) packer.add(r);
  const batch = packer.take([], 0, 0);
  expect(batch).toMatchObject({ width: filled.length + 1, recordWidth: 7, positions: filled });
  expect(batch.tags).toHaveLength(records.length * (filled.length + 1));
  expect(unpackBatch(batch)).toEqual(
    records.map((r) => ({ ...r, values: r.values.map((v) => (v === undefined ? null : v)) })),
  );
});

it('rows picked straight from a packed batch equal rows picked from whole records', () => {
  const packer = createBatchPacker(10, filled);
  for (const r of records) packer.add(r);
  const batch = packer.take([], 0, 0);
  // Output columns: field 0, field 6 (null → field 0), field 3 (never filled), field 4, custom.
  const pick = [0, 6, 3, 4, 7];
  const orElse = [-1, 0, -1, -1, -1];
  const arrays = unpackRows(batch, pick, orElse, 3);
  expect(arrays.map((a) => a.length)).toEqual([15, 15, 5]);
  const expected = records.flatMap((r) => {
    const field = (p: number): unknown => (p === 7 ? r.custom : (r.values[p] ?? null));
    const out = pick.map((p) => field(p));
    if (out[1] === null) out[1] = out[0];
    return out.map((v) => (v === true ? 1 : v === false ? 0 : v));
  });
  expect(arrays.flat()).toEqual(expected);
});
