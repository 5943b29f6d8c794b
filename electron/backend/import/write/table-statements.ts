// The SQL one import writes a table with, prepared once: multi-row inserts and upserts by key (the
// import's id a literal), and the look-ups of existing keys that save before-images for undo.
import type { RunResult } from 'better-sqlite3';
import type { Db } from '../../store/sqlite';
import type { TableSpec } from './table-types';

const q = (name: string) => `"${name}"`;

export interface TableStatements {
  /** INSERT of `rows` rows (with ON CONFLICT … DO UPDATE when `upsert`), prepared once per size. */
  prepared(rows: number, upsert: boolean): ReturnType<Db['prepare']>;
  /** Saves the before-image of each existing row (not written by this import) of the keys (run: changes = how many). */
  saveBefore: ReturnType<Db['prepare']>;
  /** The import_id of the row with these keys. */
  importIdOf: ReturnType<Db['prepare']>;
  /** After an insert failed on a constraint: how many of its rows (its first ones) it wrote. */
  changesOfFailed(rows: number): number;
}

export function tableStatements(db: Db, spec: TableSpec, importId: number): TableStatements {
  const columns = [...spec.columns, 'import_id'];
  // import_id is the same on every row: a literal in the statement, not a parameter bound per row.
  if (!Number.isSafeInteger(importId)) throw new Error(`import id ${importId} is not an integer`);
  const tuple = `(${spec.columns.map(() => '?').join(',')},${importId})`;
  const updates = spec.columns
    .filter((c) => !spec.keys.includes(c) && !spec.insertOnly?.includes(c))
    .map((c) =>
      spec.jsonMerge?.includes(c)
        ? `${q(c)} = CASE WHEN excluded.${q(c)} IS NULL THEN ${spec.table}.${q(c)} ELSE json_patch(coalesce(${spec.table}.${q(c)}, '{}'), excluded.${q(c)}) END`
        : `${q(c)} = excluded.${q(c)}`,
    );
  updates.push('import_id = excluded.import_id');
  // OR FAIL: a row that breaks a constraint stops the statement but keeps the rows it wrote before
  // (changesOfFailed says how many). With SQLite's default (ABORT) every multi-row statement that
  // might fail opens a statement journal and copies each page it touches there first, in case it
  // has to be undone on its own: about 0.5 s of 1M rows' load, spent for the rare repeated key.
  const head = `INSERT OR FAIL INTO ${spec.table} (${columns.map(q).join(',')}) VALUES `;
  const upsertTail = ` ON CONFLICT (${spec.keys.map(q).join(',')}) DO UPDATE SET ${updates.join(', ')}`;
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (rows: number, upsert: boolean) => {
    const id = `${rows}:${upsert}`;
    let s = statements.get(id);
    if (!s) {
      s = db.prepare(head + Array.from({ length: rows }, () => tuple).join(',') + (upsert ? upsertTail : ''));
      statements.set(id, s);
    }
    return s;
  };
  // Existing rows are found by joining the batch's keys (one JSON array) to the table's key index.
  // CROSS JOIN keeps the keys as the outer loop: with `key IN (…2,000 values…)` the planner chose to
  // scan the whole table for every batch once it believed the table small (its statistics predate
  // this import), which made an import into a non-empty workspace quadratic.
  const keyMatch = spec.keys
    .map((k, i) => `t.${q(k)} = ${spec.keys.length === 1 ? 'j.value' : `j.value ->> ${i}`}`)
    .join(' AND ');
  const fromKeys = `FROM json_each(?) AS j CROSS JOIN ${spec.table} AS t ON ${keyMatch}`;
  // Before-images are made in SQL (json_object renders every REAL so it reads back exactly).
  // The image holds what undo needs: the keys and every column this import overwrites (import_id
  // included); it leaves the others as they are, so they need no saving (smaller images, less work).
  const tableColumns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(spec.table) as string[];
  const saved = new Set([...spec.keys, ...spec.columns.filter((c) => !spec.insertOnly?.includes(c)), 'import_id']);
  const image = tableColumns
    .filter((c) => saved.has(c))
    .map((c) => `'${c}', t.${q(c)}`)
    .join(', ');
  // One pass over the key index saves the before-image of every row of the batch that exists (and
  // was not written by this import); the statement's change count is how many those were.
  const saveBefore = db.prepare(
    `INSERT OR FAIL INTO import_undo (import_id, tbl, key1, key2, before)
     SELECT ${importId}, '${spec.table}', t.${q(spec.keys[0]!)}, ${spec.keys.length > 1 ? `t.${q(spec.keys[1]!)}` : 'NULL'},
            json_object(${image}) ${fromKeys} WHERE t.import_id IS NOT ${importId}`,
  );
  const importIdOf = db.prepare(`SELECT t.import_id ${fromKeys}`).pluck();
  const changes = db.prepare('SELECT changes()').pluck();
  const changesOfFailed = (rows: number) => {
    const n = changes.get() as number;
    if (!Number.isInteger(n) || n < 0 || n >= rows) throw new Error(`a failed insert of ${rows} rows wrote ${n}`);
    return n;
  };
  return { prepared, saveBefore, importIdOf, changesOfFailed };
}

/**
 * Runs a statement with its parameters as separate arguments where there are not too many: then
 * better-sqlite3 reads each from the call's arguments rather than getting it out of an array,
 * which made binding (most of an import's writing time) ~30 % cheaper.
 */
export function runWith(statement: ReturnType<Db['prepare']>, params: unknown[]): RunResult {
  if (params.length <= 2048) return (statement as unknown as { run(...values: unknown[]): RunResult }).run(...params);
  return statement.run(params);
}
