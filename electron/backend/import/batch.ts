// Records between the reading thread and the writing thread, as columns: a tag per value (null,
// number, text, true, false), the numbers in one Float64Array, and every text value of the batch
// (the custom-field JSON included, as one more slot per row) as UTF-8, each followed by a NUL, in
// one byte array, which the writer decodes and splits in two native calls. A NUL inside a value is
// refused while validating (records.ts), so the joins are unambiguous. Text read from a CSV is
// copied byte for byte from the file's chunk, never made a string in the reader. Posting a batch
// costs a few buffer transfers, instead of cloning millions of small values one by one. The rare
// string UTF-8 cannot carry (a lone surrogate, from a JSON escape) travels as itself, on the side.
import type { RejectedValue } from '#shared/import/report';
import type { RecordOut, RowSink } from './records';
import { TAG_FALSE, TAG_NULL, TAG_NUMBER, TAG_SIDE, TAG_TEXT, TAG_TRUE, type Batch } from './batch-format';

export type { Batch } from './batch-format';
// The writing thread's side, kept importable from here.
export { unpackBatch, unpackRows } from './batch-unpack';

export interface BatchPacker {
  /**
   * Packs one record now, so records never pile up as objects (rows read from cells: JSON,
   * spreadsheets; scanned CSV rows go through rowWriter).
   */
  add(record: RecordOut): void;
  /**
   * Writes rows value by value instead (RecordBuilder.packRaw), each filled position once per row
   * and in the order of `positions`: no record is made. Records have `recordWidth` fields.
   */
  rowWriter(recordWidth: number): RowSink;
  readonly count: number;
  /** The batch so far; the packer starts a new one. */
  take(rejections: RejectedValue[], bytesRead: number, rowsRead: number): Batch;
}

const encoder = new TextEncoder();
// String.prototype.isWellFormed (Node 20) is newer than the TypeScript lib this project targets.
const wellFormed = (v: string) => (v as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * `positions`: the record fields to pack (those the plan fills; the rest are null in every record
 * and are not sent), all of them when not given.
 */
export function createBatchPacker(capacity: number, positions?: readonly number[]): BatchPacker {
  let fields = -1;
  let width = 0;
  let recordWidth = 0;
  let packed: number[] = [];
  let tags = new Uint8Array(0);
  let numbers = new Float64Array(0);
  let rows = new Int32Array(capacity);
  let lines = new Int32Array(capacity);
  let text = new Uint8Array(1 << 16);
  let used = 0;
  let side: string[] = [];
  let count = 0;
  const start = () => {
    tags = new Uint8Array(capacity * width);
    numbers = new Float64Array(capacity * width);
    rows = new Int32Array(capacity);
    lines = new Int32Array(capacity);
    text = new Uint8Array(Math.max(1 << 16, text.length));
    used = 0;
    side = [];
    count = 0;
  };
  const room = (bytes: number) => {
    if (used + bytes <= text.length) return;
    const bigger = new Uint8Array(Math.max(text.length * 2, used + bytes));
    bigger.set(text); // all of it: a value being written may sit past `used`
    text = bigger;
  };
  /** Appends a value's UTF-8 and its NUL; false when UTF-8 cannot hold it. */
  const put = (v: string): boolean => {
    const n = v.length;
    room(n + 1);
    let i = 0;
    for (; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c >= 0x80) break;
      text[used + i] = c;
    }
    if (i < n) {
      if (!wellFormed(v)) return false;
      room(i + (n - i) * 3 + 1);
      used += i + encoder.encodeInto(v.slice(i), text.subarray(used + i)).written;
    } else used += n;
    text[used++] = 0;
    return true;
  };
  const putBytes = (buf: Uint8Array, from: number, to: number) => {
    const n = to - from;
    room(n + 1);
    if (n < 64) for (let i = 0; i < n; i++) text[used + i] = buf[from + i]!;
    else text.set(buf.subarray(from, to), used);
    used += n;
    text[used++] = 0;
  };
  /** The day YYYYMMDD as `YYYY-MM-DD` and its NUL. */
  const putDay = (day: number) => {
    room(11);
    const y = Math.floor(day / 10_000);
    const m = Math.floor(day / 100) % 100;
    const d = day % 100;
    text[used] = 48 + Math.floor(y / 1000);
    text[used + 1] = 48 + (Math.floor(y / 100) % 10);
    text[used + 2] = 48 + (Math.floor(y / 10) % 10);
    text[used + 3] = 48 + (y % 10);
    text[used + 4] = 45;
    text[used + 5] = 48 + Math.floor(m / 10);
    text[used + 6] = 48 + (m % 10);
    text[used + 7] = 45;
    text[used + 8] = 48 + Math.floor(d / 10);
    text[used + 9] = 48 + (d % 10);
    text[used + 10] = 0;
    used += 11;
  };
  const putText = (k: number, v: string) => {
    if (put(v)) tags[k] = TAG_TEXT;
    else {
      tags[k] = TAG_SIDE;
      side.push(v);
    }
  };
  const open = (widthOfRecords: number) => {
    if (fields !== -1) return;
    recordWidth = widthOfRecords;
    packed = positions ? [...positions] : Array.from({ length: recordWidth }, (_, i) => i);
    fields = packed.length;
    width = fields + 1;
    start();
  };
  const ensureRoom = () => {
    if (count === capacity) throw new Error(`a batch holds at most ${capacity} records`);
  };
  const put1 = (k: number, v: RecordOut['values'][number]) => {
    if (typeof v === 'string') putText(k, v);
    else if (typeof v === 'number') {
      tags[k] = TAG_NUMBER;
      numbers[k] = v;
    } else if (typeof v === 'boolean') tags[k] = v ? TAG_TRUE : TAG_FALSE;
    else tags[k] = TAG_NULL;
  };
  return {
    rowWriter(widthOfRecords) {
      open(widthOfRecords);
      const column = new Int32Array(recordWidth).fill(-1);
      packed.forEach((p, j) => (column[p] = j));
      // Where the row being written starts: a refused row gives back what it had written.
      let k0 = 0;
      let usedAt = 0;
      let sideAt = 0;
      return {
        begin() {
          ensureRoom();
          k0 = count * width;
          usedAt = used;
          sideAt = side.length;
        },
        set(position, value) {
          const j = column[position]!;
          if (j >= 0) put1(k0 + j, value);
        },
        number(position, value) {
          const j = column[position]!;
          if (j < 0) return;
          tags[k0 + j] = TAG_NUMBER;
          numbers[k0 + j] = value;
        },
        bytes(position, buf, from, to) {
          const j = column[position]!;
          if (j < 0) return;
          tags[k0 + j] = TAG_TEXT;
          putBytes(buf, from, to);
        },
        day(position, day) {
          const j = column[position]!;
          if (j < 0) return;
          tags[k0 + j] = TAG_TEXT;
          putDay(day);
        },
        end(custom, row, line) {
          put1(k0 + fields, custom);
          rows[count] = row;
          lines[count] = line;
          count++;
        },
        abort() {
          used = usedAt;
          side.length = sideAt;
          tags.fill(TAG_NULL, k0, k0 + width);
        },
      };
    },
    add(record) {
      const values = record.values;
      open(values.length);
      ensureRoom();
      let k = count * width;
      for (let j = 0; j < fields; j++, k++) {
        const i = packed[j]!;
        const v = values[i];
        if (v !== undefined) put1(k, v);
      }
      put1(k, record.custom);
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
        positions: packed,
        recordWidth,
        count,
        // A part-filled batch (the last one) sends only what it holds.
        tags: full ? tags : tags.slice(0, size),
        numbers: full ? numbers : numbers.slice(0, size),
        text: text.subarray(0, used), // its buffer is handed over; start() makes a new one
        side,
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
  [b.tags.buffer, b.numbers.buffer, b.text.buffer, b.rows.buffer, b.lines.buffer] as ArrayBuffer[];
