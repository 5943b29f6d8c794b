// A first load into an empty table keeps the unique index on its key up while the keys come in
// ascending order: each insert then lands at the index's right edge, on the writing thread's time
// while it waits for the reader, instead of a sort of every key after the load (1M keys in order:
// 0.3-0.4 s less at the end). The first batch out of order drops the index, and it is built once
// after the load: with keys in no particular order each insert was a random write into a large
// index (a shuffled 1M-account file loaded 2-3x slower). Without the index nothing refuses a
// repeated key while loading, so the repeats are found when the index is built: the first row of
// each key stays, the later ones are deleted and reported as duplicates, as the row-by-row check
// would have done.
import type { Db } from '../../store/sqlite';

export interface DeferredKey {
  table: string;
  key: string;
  /** The index's own CREATE statement, run again after the load. */
  sql: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Drops the named unique index on exactly `key` (none for an inline UNIQUE or PRIMARY KEY). */
export function deferUniqueKey(db: Db, table: string, key: string): DeferredKey | null {
  const found = db
    .prepare(
      `SELECT s.name, s.sql FROM pragma_index_list(@table) AS l JOIN sqlite_schema AS s ON s.name = l.name
       WHERE l."unique" AND s.sql IS NOT NULL AND s.tbl_name = @table
         AND (SELECT count(*) FROM pragma_index_info(l.name)) = 1
         AND (SELECT name FROM pragma_index_info(l.name)) = @key`,
    )
    .get({ table, key }) as { name: string; sql: string } | undefined;
  if (!found) return null;
  db.exec(`DROP INDEX ${q(found.name)}`);
  return { table, key, sql: found.sql };
}

/**
 * Watches the keys of a load, batch by batch: `inOrder` is false from the first batch in which more
 * than one key in `outOfOrderShare` comes before the one written just before it. Text is compared
 * as JavaScript does (UTF-16 code units), which is SQLite's BINARY order for all but astral
 * characters; that only decides which way is faster, never what is stored.
 */
export function createKeyOrderWatch(outOfOrderShare = 16) {
  let last: string | null = null;
  let inOrder = true;
  return {
    get inOrder() {
      return inOrder;
    },
    /** Keys `keys[at]`, `keys[at + stride]`, … up to `keys.length`, in the order they are written. */
    see(keys: ArrayLike<unknown>, at: number, stride: number): boolean {
      if (!inOrder) return false;
      let descents = 0;
      let seen = 0;
      for (let i = at; i < keys.length; i += stride, seen++) {
        const key = String(keys[i]);
        if (last !== null && key < last) descents++;
        last = key;
      }
      if (descents * outOfOrderShare > seen) inOrder = false;
      return inOrder;
    },
  };
}

const isUnique = (error: unknown) => (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Builds the index again. If a key repeats, every row after the first of its key (by rowid, the
 * order rows were inserted in) is deleted first; `repeated` hears of each, in rowid order.
 * Returns how many were deleted.
 */
export function buildUniqueKey(db: Db, d: DeferredKey, repeated: (rowid: number, key: unknown) => void): number {
  try {
    db.exec(d.sql);
    return 0;
  } catch (error) {
    if (!isUnique(error)) throw error;
  }
  const repeats = db
    .prepare(
      `SELECT rowid, k FROM (SELECT rowid, ${q(d.key)} AS k,
         row_number() OVER (PARTITION BY ${q(d.key)} ORDER BY rowid) AS nth FROM ${q(d.table)})
       WHERE nth > 1 ORDER BY rowid`,
    )
    .raw()
    .all() as [number, unknown][];
  const remove = db.prepare(`DELETE FROM ${q(d.table)} WHERE rowid = ?`);
  for (const [rowid, key] of repeats) {
    remove.run(rowid);
    repeated(rowid, key);
  }
  db.exec(d.sql);
  return repeats.length;
}

/** Row and line of each inserted row, in insert order (growing typed arrays: 8 bytes a row). */
export function createOriginLog() {
  let rows = new Int32Array(1024);
  let lines = new Int32Array(1024);
  let length = 0;
  const room = (n: number) => {
    if (length + n <= rows.length) return;
    const size = Math.max(rows.length * 2, length + n);
    const grownRows = new Int32Array(size);
    const grownLines = new Int32Array(size);
    grownRows.set(rows.subarray(0, length));
    grownLines.set(lines.subarray(0, length));
    rows = grownRows;
    lines = grownLines;
  };
  return {
    column: '',
    add(row: number, line: number) {
      room(1);
      rows[length] = row;
      lines[length++] = line;
    },
    addRange(fromRows: Int32Array, fromLines: Int32Array, start: number, end: number) {
      room(end - start);
      rows.set(fromRows.subarray(start, end), length);
      lines.set(fromLines.subarray(start, end), length);
      length += end - start;
    },
    get rows() {
      return rows;
    },
    get lines() {
      return lines;
    },
  };
}
