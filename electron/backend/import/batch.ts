// Records between the reading thread and the writing thread. They travel as columns of bytes: a
// tag per value (null, number, text, true, false), numbers in a Float64Array, and the batch's text
// joined into one string with end offsets. Posting that from the worker costs a few buffer
// transfers and one string copy, instead of cloning millions of small values one by one (which
// took longer than parsing them).
import type { RejectedValue } from '#shared/import/report';
import type { RecordOut } from './records';

export interface Batch {
  width: number;
  count: number;
  tags: Uint8Array;
  numbers: Float64Array;
  /** End offset in `text` after each value (text values advance it; others repeat it). */
  ends: Uint32Array;
  text: string;
  customs: (string | null)[];
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

export function packBatch(
  records: readonly RecordOut[],
  rejections: RejectedValue[],
  bytesRead: number,
  rowsRead: number,
): Batch {
  const width = records[0]?.values.length ?? 0;
  const size = records.length * width;
  const tags = new Uint8Array(size);
  const numbers = new Float64Array(size);
  const ends = new Uint32Array(size);
  const parts: string[] = [];
  let end = 0;
  let k = 0;
  for (const r of records) {
    for (let i = 0; i < width; i++, k++) {
      const v = r.values[i];
      if (typeof v === 'string') {
        tags[k] = TAG_TEXT;
        parts.push(v);
        end += v.length;
      } else if (typeof v === 'number') {
        tags[k] = TAG_NUMBER;
        numbers[k] = v;
      } else if (typeof v === 'boolean') tags[k] = v ? TAG_TRUE : TAG_FALSE;
      else tags[k] = TAG_NULL;
      ends[k] = end;
    }
  }
  return {
    width,
    count: records.length,
    tags,
    numbers,
    ends,
    text: parts.join(''),
    customs: records.map((r) => r.custom),
    rows: Int32Array.from(records, (r) => r.row),
    lines: Int32Array.from(records, (r) => r.line),
    rejections,
    bytesRead,
    rowsRead,
  };
}

/** The buffers a worker hands over without copying. */
export const transferables = (b: Batch): ArrayBuffer[] =>
  [b.tags.buffer, b.numbers.buffer, b.ends.buffer, b.rows.buffer, b.lines.buffer] as ArrayBuffer[];

export function unpackBatch(b: Batch): RecordOut[] {
  const out: RecordOut[] = new Array<RecordOut>(b.count);
  let k = 0;
  let start = 0;
  for (let r = 0; r < b.count; r++) {
    const values: RecordOut['values'] = new Array<RecordOut['values'][number]>(b.width);
    for (let i = 0; i < b.width; i++, k++) {
      const end = b.ends[k]!;
      switch (b.tags[k]) {
        case TAG_NUMBER:
          values[i] = b.numbers[k]!;
          break;
        case TAG_TEXT:
          values[i] = b.text.slice(start, end);
          break;
        case TAG_TRUE:
          values[i] = true;
          break;
        case TAG_FALSE:
          values[i] = false;
          break;
        default:
          values[i] = null;
      }
      start = end;
    }
    out[r] = { values, custom: b.customs[r]!, row: b.rows[r]!, line: b.lines[r]! };
  }
  return out;
}
