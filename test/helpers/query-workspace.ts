import Database from 'better-sqlite3';

/** Rows of one SQL query on a workspace file, opened read-only and closed again. */
export function queryWorkspace(path: string, sql: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}
