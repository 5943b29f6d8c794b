// A byte-level RFC 4180 scanner over UTF-8 chunks. Delimiters, quotes and line breaks are ASCII,
// so they can be found in the raw bytes without decoding; each field is decoded once, straight
// from the chunk. This is what makes million-row imports fast: no per-character string work.
//
// Lenient where real exports are messy: a quote inside an unquoted field is kept as a character
// (`37°36'37.8"N`), and CR, LF and CRLF all end a row. Strict where silence would lose data: an
// unclosed quote at the end of the file, or a row longer than `maxRowBytes`, is an error.
import { isAscii } from 'node:buffer';
import { ImportFailure } from '../failure';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * One row as byte ranges of the chunk being scanned, valid only during the sink call (the object and
 * its arrays are reused for the next row). Field f is `buf[start[f], end[f])`; a quoted field has
 * QUOTED set in `flags` (ESCAPED when it holds `""`) and keeps any characters after its closing quote
 * in `buf[end[f] + 1, tail[f])`. `text(f)` is the field exactly as a string.
 */
export interface RawRow {
  buf: Buffer;
  count: number;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  tail: Int32Array;
  line: number;
  /** The text can hold no NUL (the reader refused them), so a field's bytes need no check for one. */
  nulFree: boolean;
  /** Field f as text (decoded, quotes undone). */
  text(f: number): string;
  /**
   * The same text, cut from one decoded copy of the whole chunk when it is ASCII (no call into the
   * decoder per field). Such a string can keep the chunk's text alive: only for values passed on
   * at once, never for ones kept (samples, key sets).
   */
  passing(f: number): string;
  /** The row's fields as strings. */
  fields(): string[];
}

export const QUOTED = 1;
export const ESCAPED = 2;

export type RawRowSink = (row: RawRow) => void;
export type RowSink = (fields: string[], line: number) => void;

/** A sink of string fields, fed from raw rows. */
export const stringFields =
  (sink: RowSink): RawRowSink =>
  (row) =>
    sink(row.fields(), row.line);

export interface CsvScannerOptions {
  delimiter: number;
  /** Longest row accepted (bytes); beyond it the file is refused rather than buffered without end. */
  maxRowBytes?: number;
  /** Most fields in one row. */
  maxFields?: number;
  /** The bytes can hold no NUL (RawRow.nulFree). */
  nulFree?: boolean;
}

export interface CsvScanner {
  /** Scans every complete row in `chunk` (plus what was carried over) and keeps the tail. */
  push(chunk: Buffer, sink: RawRowSink): void;
  /** Flushes the last row (files often lack a final newline). */
  end(sink: RawRowSink): void;
  /** Bytes consumed by complete rows so far (for progress). */
  readonly bytesScanned: number;
}

// Buffer's own slice decoders, called directly: toString(encoding, start, end) checks and
// dispatches its arguments on every call, which is a tenth of the scan over millions of fields.
type Slice = (this: Buffer, start: number, end: number) => string;
const { latin1Slice, utf8Slice } = Buffer.prototype as unknown as { latin1Slice: Slice; utf8Slice: Slice };
const decoderFor = (buf: Buffer): Slice => (isAscii(buf) ? latin1Slice : utf8Slice);

export function createCsvScanner({
  delimiter,
  maxRowBytes = 64 * 2 ** 20,
  maxFields = 4096,
  nulFree = false,
}: CsvScannerOptions): CsvScanner {
  let carry: Buffer | null = null;
  let line = 1; // line number (1-based) where the next row starts
  let scanned = 0;
  let decode: Slice = latin1Slice;
  let whole: string | null = null; // the chunk as text, when it is ASCII and a row asks for it
  let wholeOf: Buffer | null = null;
  let capacity = 64;
  const row: RawRow = {
    buf: Buffer.alloc(0),
    count: 0,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    flags: new Uint8Array(capacity),
    tail: new Int32Array(capacity),
    line: 1,
    nulFree,
    text(f) {
      const { buf, start, end, flags } = row;
      if (flags[f] === 0) return end[f]! > start[f]! ? decode.call(buf, start[f]!, end[f]!) : '';
      let value = decode.call(buf, start[f]!, end[f]!);
      if (flags[f]! & ESCAPED) value = value.replaceAll('""', '"');
      // Characters after the closing quote and before the delimiter are kept, as spreadsheets do.
      if (row.tail[f]! > end[f]! + 1) value += decode.call(buf, end[f]! + 1, row.tail[f]!);
      return value;
    },
    passing(f) {
      const plain = row.flags[f] === 0 || (row.flags[f] === QUOTED && row.tail[f] === row.end[f]! + 1);
      if (!plain || decode !== latin1Slice) return row.text(f);
      if (wholeOf !== row.buf) {
        wholeOf = row.buf;
        whole = latin1Slice.call(row.buf, 0, row.buf.length);
      }
      return whole!.substring(row.start[f]!, row.end[f]!);
    },
    fields() {
      const out = new Array<string>(row.count);
      for (let f = 0; f < row.count; f++) out[f] = row.text(f);
      return out;
    },
  };
  const grow = () => {
    capacity *= 2;
    const copy = <T extends Int32Array | Uint8Array>(from: T, to: T): T => (to.set(from), to);
    row.start = copy(row.start, new Int32Array(capacity));
    row.end = copy(row.end, new Int32Array(capacity));
    row.flags = copy(row.flags, new Uint8Array(capacity));
    row.tail = copy(row.tail, new Int32Array(capacity));
  };
  /** Adds field [from, to) to the row being scanned. */
  const field = (from: number, to: number, flags: number, tail: number, rowLine: number, checked = true) => {
    const f = row.count;
    if (f === capacity) grow();
    row.start[f] = from;
    row.end[f] = to;
    row.flags[f] = flags;
    row.tail[f] = tail;
    row.count = f + 1;
    if (checked && row.count > maxFields) {
      throw new ImportFailure(
        `Row at line ${rowLine} has more than ${maxFields.toLocaleString('en-US')} columns; Ladder reads at most that many.`,
        { line: rowLine },
      );
    }
  };

  /**
   * Scans rows of `buf` starting at 0. Returns the offset where the first incomplete row starts
   * (buf.length when everything was consumed). With `final`, the tail is a row of its own.
   */
  function scan(buf: Buffer, sink: RawRowSink, final: boolean): number {
    decode = decoderFor(buf);
    whole = wholeOf = null;
    row.buf = buf;
    row.count = 0;
    const len = buf.length;
    let rowStart = 0;
    let i = 0;
    let rowLine = line;
    let newlines = 0; // line breaks inside quoted fields of the current row
    const emit = () => {
      row.line = rowLine;
      sink(row);
    };
    while (i <= len) {
      // At the start of a field.
      if (i === len) {
        if (!final) return rowStart;
        if (i > rowStart || row.count > 0) {
          field(i, i, 0, i, rowLine, false); // the empty field after a final delimiter, never counted
          emit();
        }
        return len;
      }
      let c = buf[i]!;
      if (c === QUOTE) {
        let j = i + 1;
        let escaped = false;
        for (;;) {
          const q = buf.indexOf(QUOTE, j);
          if (q === -1) {
            if (!final) return checkedCarry(buf, rowStart, rowLine);
            throw new ImportFailure(
              `Row at line ${rowLine}: a quoted field is never closed (the file ends inside quotes; it may be truncated).`,
              { line: rowLine },
            );
          }
          if (q + 1 < len && buf[q + 1] === QUOTE) {
            escaped = true;
            j = q + 2;
            continue;
          }
          if (q + 1 === len && !final) return checkedCarry(buf, rowStart, rowLine);
          for (let k = i + 1; k < q; k++) if (buf[k] === LF || (buf[k] === CR && buf[k + 1] !== LF)) newlines++;
          let k = q + 1;
          while (k < len && (c = buf[k]!) !== delimiter && c !== LF && c !== CR) k++;
          if (k === len && !final) return checkedCarry(buf, rowStart, rowLine);
          field(i + 1, q, escaped ? QUOTED | ESCAPED : QUOTED, k, rowLine);
          i = k;
          break;
        }
      } else {
        let k = i;
        while (k < len && (c = buf[k]!) !== delimiter && c !== LF && c !== CR) k++;
        if (k === len && !final) return checkedCarry(buf, rowStart, rowLine);
        field(i, k, 0, k, rowLine);
        i = k;
      }
      if (i === len) {
        emit();
        return len;
      }
      c = buf[i]!;
      if (c === delimiter) {
        i++;
        if (i === len && !final) return checkedCarry(buf, rowStart, rowLine);
        continue;
      }
      // End of row: CR, LF or CRLF.
      if (c === CR) {
        if (i + 1 === len && !final) return checkedCarry(buf, rowStart, rowLine);
        i += buf[i + 1] === LF ? 2 : 1;
      } else i++;
      emit();
      rowLine += 1 + newlines;
      line = rowLine;
      newlines = 0;
      row.count = 0;
      rowStart = i;
      if (i === len) return len;
    }
    return rowStart;
  }

  function checkedCarry(buf: Buffer, rowStart: number, rowLine: number): number {
    if (buf.length - rowStart > maxRowBytes) {
      throw new ImportFailure(
        `Row at line ${rowLine} is longer than ${Math.round(maxRowBytes / 2 ** 20)} MB; the file probably has an unclosed quote.`,
        { line: rowLine },
      );
    }
    return rowStart;
  }

  // A long row spans chunks: rather than rescanning it on every chunk (quadratic for a 5 MB
  // cell), wait until the buffered bytes have doubled before scanning again.
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  return {
    push(chunk, sink) {
      if (carry && pendingBytes + chunk.length < carry.length) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (carry.length + pendingBytes > maxRowBytes) checkedCarry(Buffer.concat([carry, ...pending]), 0, line);
        return;
      }
      const buf = carry ? Buffer.concat([carry, ...pending, chunk]) : chunk;
      pending = [];
      pendingBytes = 0;
      const consumed = scan(buf, sink, false);
      scanned += consumed;
      // Copy the tail so the (large) chunk it came from can be freed.
      carry = consumed < buf.length ? Buffer.from(buf.subarray(consumed)) : null;
    },
    end(sink) {
      if (carry) {
        const buf = Buffer.concat([carry, ...pending]);
        carry = null;
        pending = [];
        scanned += scan(buf, sink, true);
      }
    },
    get bytesScanned() {
      return scanned;
    },
  };
}
