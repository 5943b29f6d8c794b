// The writing thread's side of a batch: its values back as records, or picked straight into the
// parameter arrays of multi-row statements.
import type { RecordOut } from './records';
import { TAG_FALSE, TAG_NULL, TAG_NUMBER, TAG_SIDE, TAG_TEXT, TAG_TRUE, type Batch } from './batch-format';

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
