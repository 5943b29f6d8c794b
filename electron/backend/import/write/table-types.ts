// What a table writer is given and gives: the table and its columns, rows with where they came
// from in the file, and the writer's interface (table-writer.ts makes one).
import type { RejectedValue } from '#shared/import/report';

export interface TableSpec {
  table: string;
  /** Key columns (one or two), first in `columns`. */
  keys: readonly string[];
  /** Every column written, keys first; `import_id` is added by the writer. */
  columns: readonly string[];
  /** Columns merged as JSON objects on update rather than replaced. */
  jsonMerge?: readonly string[];
  /** Columns set on insert but left alone when an existing row is updated. */
  insertOnly?: readonly string[];
  /** How to name a key in a duplicate message ("account id"). */
  keyLabel: string;
  /** About how many rows the import brings (an estimate), to judge whether to rebuild indexes. */
  expectedRows?: number;
}

export interface PendingRow {
  values: unknown[];
  row: number;
  line: number;
  /** What the report shows as the duplicate's value. */
  keyText: string;
  keyColumn: string;
}

/** Where the rows of `writeArrays` came from, and how to name their key in a message. */
export interface RowOrigins {
  rows: Int32Array;
  lines: Int32Array;
  /** The key's column among the written ones. */
  keyAt: number;
  keyColumn: string;
}

/** Rows `from`… of statement parameter arrays (`width` values a row) as pending rows, for the paths that look at rows one by one. */
export function pendingRows(arrays: readonly unknown[][], width: number, from: number, o: RowOrigins): PendingRow[] {
  const rows: PendingRow[] = [];
  let r = 0;
  for (const array of arrays) {
    for (let at = 0; at < array.length; at += width, r++) {
      if (r < from) continue;
      const values = array.slice(at, at + width);
      rows.push({
        values,
        row: o.rows[r]!,
        line: o.lines[r]!,
        keyText: String(values[o.keyAt] ?? ''),
        keyColumn: o.keyColumn,
      });
    }
  }
  return rows;
}

export interface TableWriter {
  write(rows: readonly PendingRow[], rejections: RejectedValue[]): void;
  /**
   * The same for rows already laid out as statement parameters: `rowsPerStatement` rows to an
   * array (fewer in the last), `columns` values each.
   */
  writeArrays(arrays: readonly unknown[][], origins: RowOrigins, rejections: RejectedValue[]): void;
  readonly rowsPerStatement: number;
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
  /**
   * Rebuilds the indexes deferred for a bulk load (call before COMMIT). A key repeated in a first
   * load is found here: its later rows are taken out again and reported in `rejections`.
   */
  finish(rejections: RejectedValue[]): void;
}
