// Multi-row INSERTs: one prepared statement binding many rows at once is several times faster than
// one statement per row in better-sqlite3, which matters for millions of period rows.
import type { Db } from './sqlite';

export interface BatchInserter {
  add(values: readonly unknown[]): void;
  flush(): void;
  readonly rowsWritten: number;
}

const maxParams = 30_000; // below SQLITE_MAX_VARIABLE_NUMBER (32766)

export function createBatchInserter(
  db: Db,
  table: string,
  columns: readonly string[],
  { verb = 'INSERT', rowsPerStatement = 64 }: { verb?: string; rowsPerStatement?: number } = {},
): BatchInserter {
  const width = columns.length;
  const perStatement = Math.max(1, Math.min(rowsPerStatement, Math.floor(maxParams / width)));
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const sqlFor = (rows: number) =>
    `${verb} INTO ${table} (${columns.join(',')}) VALUES ${Array.from({ length: rows }, () => tuple).join(',')}`;
  const full = db.prepare(sqlFor(perStatement));
  const buffer: unknown[] = new Array(perStatement * width);
  let filled = 0;
  let written = 0;
  const flush = () => {
    if (filled === 0) return;
    if (filled === perStatement) full.run(buffer);
    else db.prepare(sqlFor(filled)).run(buffer.slice(0, filled * width));
    written += filled;
    filled = 0;
  };
  return {
    add(values) {
      if (values.length !== width) throw new Error(`Expected ${width} values for ${table}, got ${values.length}.`);
      const offset = filled * width;
      for (let i = 0; i < width; i++) buffer[offset + i] = values[i];
      filled++;
      if (filled === perStatement) flush();
    },
    flush,
    get rowsWritten() {
      return written + filled;
    },
  };
}

/**
 * Drops a table's secondary indexes for a bulk load and returns a function that recreates them.
 * Unique ones stay: they are what refuses a repeated key while loading (import/write/unique-key.ts
 * defers one where the loader finds repeats itself).
 */
export function deferIndexes(db: Db, table: string): () => void {
  const rows = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL
         AND name NOT IN (SELECT name FROM pragma_index_list(@table) WHERE "unique")`,
    )
    .all({ table }) as { name: string; sql: string }[];
  for (const { name } of rows) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return () => {
    for (const { sql } of rows) db.exec(sql);
  };
}
