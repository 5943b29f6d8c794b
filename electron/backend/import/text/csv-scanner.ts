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

export type RowSink = (fields: string[], line: number) => void;

export interface CsvScannerOptions {
  delimiter: number;
  /** Longest row accepted (bytes); beyond it the file is refused rather than buffered without end. */
  maxRowBytes?: number;
  /** Most fields in one row. */
  maxFields?: number;
}

export interface CsvScanner {
  /** Scans every complete row in `chunk` (plus what was carried over) and keeps the tail. */
  push(chunk: Buffer, sink: RowSink): void;
  /** Flushes the last row (files often lack a final newline). */
  end(sink: RowSink): void;
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
}: CsvScannerOptions): CsvScanner {
  let carry: Buffer | null = null;
  let line = 1; // line number (1-based) where the next row starts
  let scanned = 0;

  /**
   * Scans rows of `buf` starting at 0. Returns the offset where the first incomplete row starts
   * (buf.length when everything was consumed). With `final`, the tail is a row of its own.
   */
  function scan(buf: Buffer, sink: RowSink, final: boolean): number {
    const decode = decoderFor(buf);
    const len = buf.length;
    let rowStart = 0;
    let i = 0;
    let fields: string[] = [];
    let rowLine = line;
    let newlines = 0; // line breaks inside quoted fields of the current row
    while (i <= len) {
      // At the start of a field.
      if (i === len) {
        if (!final) return rowStart;
        if (i > rowStart || fields.length > 0) {
          fields.push('');
          sink(fields, rowLine);
        }
        return len;
      }
      let c = buf[i]!;
      let value: string;
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
          value = decode.call(buf, i + 1, q);
          if (escaped) value = value.replaceAll('""', '"');
          i = q + 1;
          // Characters after the closing quote and before the delimiter are kept, as spreadsheets do.
          let k = i;
          while (k < len && (c = buf[k]!) !== delimiter && c !== LF && c !== CR) k++;
          if (k > i) value += decode.call(buf, i, k);
          if (k === len && !final) return checkedCarry(buf, rowStart, rowLine);
          i = k;
          break;
        }
      } else {
        let k = i;
        while (k < len && (c = buf[k]!) !== delimiter && c !== LF && c !== CR) k++;
        if (k === len && !final) return checkedCarry(buf, rowStart, rowLine);
        value = k > i ? decode.call(buf, i, k) : '';
        i = k;
      }
      fields.push(value);
      if (fields.length > maxFields) {
        throw new ImportFailure(
          `Row at line ${rowLine} has more than ${maxFields.toLocaleString('en-US')} columns; Ladder reads at most that many.`,
          { line: rowLine },
        );
      }
      if (i === len) {
        sink(fields, rowLine);
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
      sink(fields, rowLine);
      rowLine += 1 + newlines;
      line = rowLine;
      newlines = 0;
      fields = [];
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
