// Records between the reading thread and the writing thread, as columns: a tag per value (null,
// number, text, true, false), the numbers in one Float64Array, and every text value of the batch
// (the custom-field JSON included, as one more slot per row) joined by NULs into one string, which
// the writer splits in one native call. A NUL inside a value is refused while validating
// (records.ts), so the joins are unambiguous. Posting that costs a few buffer transfers and one
// string copy, instead of cloning millions of small values one by one.
import type { RejectedValue } from '#shared/import/report';
import type { RecordOut } from './records';

export interface Batch {
  /** Values per record: the record's values, then its custom JSON. */
  width: number;
  count: number;
  tags: Uint8Array;
  numbers: Float64Array;
  /** The text values in order, each followed by a NUL. */
  text: string;
  rows: Int32Array;
  lines: Int32Array;
  rejections: RejectedValue[];
  bytesRead: number;
  rowsRead: number;
}

const TAG_NULL = 0;
const TAG_NUMBER = 1;
const TAG_TEXT = 2;
const TAG_TRUE = 3;
const TAG_FALSE = 4;

export interface BatchPacker {
  /** Packs one record now, so records never pile up as objects (the reader's hot loop). */
  add(record: RecordOut): void;
  readonly count: number;
  /** The batch so far; the packer starts a new one. */
  take(rejections: RejectedValue[], bytesRead: number, rowsRead: number): Batch;
}

export function createBatchPacker(capacity: number): BatchPacker {
  let fields = -1;
  let width = 0;
  let tags = new Uint8Array(0);
  let numbers = new Float64Array(0);
  let rows = new Int32Array(capacity);
  let lines = new Int32Array(capacity);
  let text = '';
  let count = 0;
  const start = () => {
    tags = new Uint8Array(capacity * width);
    numbers = new Float64Array(capacity * width);
    rows = new Int32Array(capacity);
    lines = new Int32Array(capacity);
    text = '';
    count = 0;
  };
  return {
    add(record) {
      const values = record.values;
      if (fields === -1) {
        fields = values.length;
        width = fields + 1;
        start();
      }
      if (count === capacity) throw new Error(`a batch holds at most ${capacity} records`);
      let k = count * width;
      for (let i = 0; i < fields; i++, k++) {
        const v = values[i];
        if (typeof v === 'string') {
          tags[k] = TAG_TEXT;
          text += v + '\u0000';
        } else if (typeof v === 'number') {
          tags[k] = TAG_NUMBER;
          numbers[k] = v;
        } else if (typeof v === 'boolean') tags[k] = v ? TAG_TRUE : TAG_FALSE;
      }
      if (record.custom !== null) {
        tags[k] = TAG_TEXT;
        text += record.custom + '\u0000';
      }
      rows[count] = record.row;
      lines[count] = record.line;
      count++;
    },
    get count() {
      return count;
    },
    take(rejections, bytesRead, rowsRead) {
      const full = count === capacity;
      const size = count * width;
      const batch: Batch = {
        width,
        count,
        // A part-filled batch (the last one) sends only what it holds.
        tags: full ? tags : tags.slice(0, size),
        numbers: full ? numbers : numbers.slice(0, size),
        text,
        rows: full ? rows : rows.slice(0, count),
        lines: full ? lines : lines.slice(0, count),
        rejections,
        bytesRead,
        rowsRead,
      };
      if (fields !== -1) start();
      else count = 0;
      return batch;
    },
  };
}

export function packBatch(
  records: readonly RecordOut[],
  rejections: RejectedValue[],
  bytesRead: number,
  rowsRead: number,
): Batch {
  const packer = createBatchPacker(Math.max(1, records.length));
  for (const r of records) packer.add(r);
  return packer.take(rejections, bytesRead, rowsRead);
}

/** The buffers a worker hands over without copying. */
export const transferables = (b: Batch): ArrayBuffer[] =>
  [b.tags.buffer, b.numbers.buffer, b.rows.buffer, b.lines.buffer] as ArrayBuffer[];

export function unpackBatch(b: Batch): RecordOut[] {
  const out: RecordOut[] = new Array<RecordOut>(b.count);
  const texts = b.text.split('\u0000');
  const fields = b.width - 1;
  let t = 0;
  let k = 0;
  for (let r = 0; r < b.count; r++) {
    const values: RecordOut['values'] = new Array<RecordOut['values'][number]>(fields);
    for (let i = 0; i < fields; i++, k++) {
      switch (b.tags[k]) {
        case TAG_NUMBER:
          values[i] = b.numbers[k]!;
          break;
        case TAG_TEXT:
          values[i] = texts[t++]!;
          break;
        case TAG_TRUE:
          values[i] = true;
          break;
        case TAG_FALSE:
          values[i] = false;
          break;
        case TAG_NULL:
        default:
          values[i] = null;
      }
    }
    const custom = b.tags[k++] === TAG_TEXT ? texts[t++]! : null;
    out[r] = { values, custom, row: b.rows[r]!, line: b.lines[r]! };
  }
  return out;
}
