// How many rows an import added to a table, checked against the rows it counted as new.
import type { Db } from '../../store/sqlite';

/**
 * Counts the rows an import adds to a table: those after its last rowid at the start (new rows get
 * rowids above every existing one, so this reads only the new range); a WITHOUT ROWID table
 * (periods) is counted whole before and after.
 */
export function createGrowthCount(db: Db, table: string): () => number {
  const withoutRowid = db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').pluck().get(table) === 1;
  if (withoutRowid) {
    const count = db.prepare(`SELECT count(*) FROM ${table}`).pluck();
    const before = count.get() as number;
    return () => (count.get() as number) - before;
  }
  const last = (db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
  return () => db.prepare(`SELECT count(*) FROM ${table} WHERE rowid > ?`).pluck().get(last) as number;
}
