// The import's own connection, set up for a bulk load. What the settings trade away is enforced
// elsewhere, and tested:
//  - foreign_keys OFF: every child row's account is looked up by the kind writer, which refuses
//    orphans; with the check on, SQLite probed every child table for each row a multi-row INSERT
//    added to `accounts`.
//  - ignore_check_constraints ON: the schema's CHECKs (segment, journey stage, 0/1 flags, JSON) are
//    the validator's rules already (test/integration/import/schema-checks.test.ts keeps them in step).
//  - a bulk load, when this is the only connection, runs with a rollback journal (DELETE): pages
//    added past the end of the file are not journalled at all, and a page the load changes is copied
//    once, where WAL writes every page it changes at least twice (log, then checkpoint: 1M rows
//    re-imported over themselves took 14.5 s against 18.0). A load is bulk when its table is empty,
//    or when both the table and the file hold at least `bulkRows` rows (where a load rewrites pages
//    the table had). kill -9 at any point, COMMIT included, leaves the old file or the new one
//    (test/integration/import/kill-import.test.ts). With another connection open (the app's), the
//    workspace stays in WAL with synchronous NORMAL, and so do other loads into a table that holds
//    rows: leaving WAL and going back bumps two counters in the file's header, while an import
//    refused for its contents leaves such a workspace byte for byte as it was (hostile.test.ts), and
//    a large load into a small table stays as the import always ran it (commit-undo.test.ts kills
//    one by its WAL's growth), saving less there anyway (1M new ids into 2,000 held: 7.1 s against 7.8).
import Database from 'better-sqlite3';
import type { ImportKind } from '#shared/domain/workspace';
import { connect, type Db } from '../store/sqlite';

export type ImportJournal = 'delete' | 'wal';

export interface ImportConnection {
  db: Db;
  journal: ImportJournal;
}

/** The table an import of this kind writes. */
export const importTable = (kind: ImportKind): string => (kind === 'events' ? 'periods' : kind);

const isBusy = (error: unknown) => error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');

/** How many rows both the file (pass one's estimate) and a table that holds rows need for a bulk load. */
export const bulkRows = 10_000;

export function openForImport(path: string, kind: ImportKind, expectedRows = 0): ImportConnection {
  const db = connect(path, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = OFF');
    db.pragma('ignore_check_constraints = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32768'); // 32 MB of page cache: a bigger one costs memory and buys little here
    let journal: ImportJournal = 'wal';
    const held = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${importTable(kind)} LIMIT ${bulkRows})`);
    const heldRows = held.pluck().get() as number;
    const bulk = heldRows === 0 || (heldRows >= bulkRows && expectedRows >= bulkRows);
    if (bulk) {
      // Leaving WAL needs every other connection closed; with one open SQLite answers BUSY at once.
      db.pragma('busy_timeout = 0');
      try {
        journal = db.pragma('journal_mode = DELETE', { simple: true }) === 'delete' ? 'delete' : 'wal';
      } catch (error) {
        if (!isBusy(error)) throw error;
      }
    }
    db.pragma('busy_timeout = 5000');
    return { db, journal };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Back to WAL (when the load left it) and closed. Never throws: the import's outcome is decided. */
export function closeImport(c: ImportConnection): void {
  if (!c.db.open) return;
  try {
    if (c.db.inTransaction) c.db.exec('ROLLBACK');
    if (c.journal === 'delete') {
      c.db.pragma('busy_timeout = 0');
      c.db.pragma('journal_mode = WAL');
    }
  } catch {
    // Another connection opened meanwhile: the file stays in DELETE mode until the next open
    // (openWorkspace sets WAL), which is as safe, only slower for readers.
  } finally {
    c.db.close();
  }
}
