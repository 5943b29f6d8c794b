// Records between the reading thread and the writing thread, as columns: a tag per value (null,
// number, text, true, false), the numbers in one Float64Array, and every text value of the batch
// (the custom-field JSON included, as one more slot per row) as UTF-8, each followed by a NUL, in
// one byte array, which the writer decodes and splits in two native calls. A NUL inside a value is
// refused while validating (records.ts), so the joins are unambiguous. Text read from a CSV is
// copied byte for byte from the file's chunk, never made a string in the reader. Posting a batch
// costs a few buffer transfers, instead of cloning millions of small values one by one. The rare
// string UTF-8 cannot carry (a lone surrogate, from a JSON escape) travels as itself, on the side.
import type { RejectedValue } from '#shared/import/report';
import type { RawRecord, RecordOut } from './records';
import { IN_ROW } from './records';
import type { RawRow } from './text/csv-scanner';

export interface Batch {
  /** Values per record: the packed fields' values, then its custom JSON. */
  width: number;
  /** The record position of each packed value (the fields a plan fills; the others are all null). */
  positions: number[];
  /** Fields of a whole record. */
  recordWidth: number;
  count: number;
  tags: Uint8Array;
  numbers: Float64Array;
  /** The text values in order as UTF-8, each followed by a NUL (TAG_SIDE values excepted). */
  text: Uint8Array;
  /** Texts UTF-8 cannot hold, in order (TAG_SIDE). */
  side: string[];
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
const TAG_SIDE = 5;

export interface BatchPacker {
  /**
   * Packs one record now, so records never pile up as objects (the reader's hot loop). A record
   * built from a scanned CSV row must be packed with that row, during its sink call.
   */
  add(record: RecordOut | RawRecord, raw?: RawRow): void;
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
  const putText = (k: number, v: string) => {
    if (put(v)) tags[k] = TAG_TEXT;
    else {
      tags[k] = TAG_SIDE;
      side.push(v);
    }
  };
  return {
    add(record, raw) {
      const values = record.values;
      if (fields === -1) {
        recordWidth = values.length;
        packed = positions ? [...positions] : Array.from({ length: recordWidth }, (_, i) => i);
        fields = packed.length;
        width = fields + 1;
        start();
      }
      if (count === capacity) throw new Error(`a batch holds at most ${capacity} records`);
      let k = count * width;
      for (let j = 0; j < fields; j++, k++) {
        const i = packed[j]!;
        const v = values[i];
        if (typeof v === 'string') putText(k, v);
        else if (typeof v === 'number') {
          tags[k] = TAG_NUMBER;
          numbers[k] = v;
        } else if (typeof v === 'boolean') tags[k] = v ? TAG_TRUE : TAG_FALSE;
        else if (v === IN_ROW) {
          const ranges = (record as RawRecord).ranges;
          tags[k] = TAG_TEXT;
          putBytes(raw!.buf, ranges[2 * i]!, ranges[2 * i + 1]!);
        }
      }
      if (record.custom !== null) putText(k, record.custom);
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

/** Reads a batch's values row by row, in order: texts and side texts are consumed as they come. */
function createRowReader(b: Batch, yes: true | 1, no: false | 0) {
  const texts = Buffer.from(b.text.buffer, b.text.byteOffset, b.text.byteLength).toString('utf8').split('\u0000');
  let t = 0;
  let sideAt = 0;
  let k = 0;
  /** The next record's `b.width` values (its fields, then its custom JSON) into `out`. */
  return (out: unknown[]) => {
    for (let i = 0; i < b.width; i++, k++) {
      switch (b.tags[k]) {
        case TAG_NUMBER:
          out[i] = b.numbers[k]!;
          break;
        case TAG_TEXT:
          out[i] = texts[t++]!;
          break;
        case TAG_SIDE:
          out[i] = b.side[sideAt++]!;
          break;
        case TAG_TRUE:
          out[i] = yes;
          break;
        case TAG_FALSE:
          out[i] = no;
          break;
        case TAG_NULL:
        default:
          out[i] = null;
      }
    }
  };
}

export function unpackBatch(b: Batch): RecordOut[] {
  const out: RecordOut[] = new Array<RecordOut>(b.count);
  const next = createRowReader(b, true, false);
  const row = new Array<unknown>(b.width);
  const fields = b.width - 1;
  for (let r = 0; r < b.count; r++) {
    next(row);
    const values = new Array<RecordOut['values'][number]>(b.recordWidth).fill(null);
    for (let j = 0; j < fields; j++) values[b.positions[j]!] = row[j] as RecordOut['values'][number];
    out[r] = { values, custom: row[fields] as string | null, row: b.rows[r]!, line: b.lines[r]! };
  }
  return out;
}

/**
 * The batch's records straight as table rows, for a writer that only picks and renames fields:
 * output column i is record field `pick[i]` (`fields`: the custom JSON), or when that is blank, the
 * value of output column `orElse[i]` (-1: none); booleans become 1/0 and unmapped fields null (as
 * SQLite stores them). Rows come `perArray` to an array, each array exactly as long as its rows, so
 * each binds one multi-row statement as it stands: no record objects, no copies.
 */
export function unpackRows(
  b: Batch,
  pick: readonly number[],
  orElse: readonly number[],
  perArray: number,
): unknown[][] {
  const next = createRowReader(b, 1, 0);
  const width = pick.length;
  // Where each picked record field sits in a packed row (-1: not packed, so null in every record).
  const from = pick.map((p) => (p === b.recordWidth ? b.width - 1 : b.positions.indexOf(p)));
  const row: unknown[] = new Array<unknown>(b.width);
  const out: unknown[][] = [];
  let array: unknown[] = [];
  let at = 0;
  for (let r = 0; r < b.count; r++) {
    if (r % perArray === 0) {
      array = new Array<unknown>(Math.min(perArray, b.count - r) * width);
      out.push(array);
      at = 0;
    }
    next(row);
    for (let i = 0; i < width; i++) {
      const src = from[i]!;
      const v = src < 0 ? null : row[src];
      array[at + i] = v === null && orElse[i]! >= 0 ? array[at + orElse[i]!] : v;
    }
    at += width;
  }
  return out;
}
