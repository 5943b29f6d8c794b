// Opening a workspace file safely: every check that can refuse the file runs on a read-only
// connection first, so a file we refuse is left byte-for-byte as it was.
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { LadderError } from '#shared/api/result';
import { commitFile, tempPathFor, writeFailure } from '../atomic-write';
import { connect, type Db } from './sqlite';
import { applicationId, latestVersion, migrations as defaultMigrations, type Migration } from './migrations';
import { messageOf } from '#shared/error-message';

export interface Workspace {
  path: string;
  name: string;
  db: Db;
}

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise a missing file is an error). */
  create?: boolean;
  migrations?: readonly Migration[];
  /** Called with the backup's path before an existing workspace is migrated. */
  onBackup?: (backupPath: string) => void;
}

const sqliteMagic = 'SQLite format 3\u0000';

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

interface Inspection {
  version: number;
  appId: number;
  tables: number;
}

/**
 * A read-only connection to a WAL-mode file still creates -wal/-shm companions. When we refuse a
 * file, remove the ones we created (if nothing was written to them) so the folder is as we found it.
 */
function removeCreatedCompanions(path: string, existedBefore: ReadonlySet<string>): void {
  for (const companion of [`${path}-wal`, `${path}-shm`]) {
    if (existedBefore.has(companion) || !existsSync(companion)) continue;
    if (companion.endsWith('-wal') && statSync(companion).size > 0) continue;
    rmSync(companion, { force: true });
  }
}

/** Read-only checks: SQLite header, integrity, format version. Throws a LadderError to refuse. */
function inspect(path: string, latest: number): Inspection {
  const companions = new Set([`${path}-wal`, `${path}-shm`].filter((p) => existsSync(p)));
  try {
    return inspectReadOnly(path, latest);
  } catch (error) {
    removeCreatedCompanions(path, companions);
    throw error;
  }
}

function inspectReadOnly(path: string, latest: number): Inspection {
  const name = basename(path);
  const header = readHeader(path);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== sqliteMagic) {
    throw new LadderError('invalid_workspace', `${name} is not a Ladder workspace: it is not an SQLite database file.`);
  }
  let db: Db | undefined;
  try {
    rollBackHotJournal(path);
    db = connect(path, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') {
      throw new LadderError(
        'invalid_workspace',
        `${name} is damaged (SQLite reports: ${String(check)}); it was left unchanged.`,
      );
    }
    const version = Number(db.pragma('user_version', { simple: true }));
    const appId = Number(db.pragma('application_id', { simple: true }));
    const tables = Number(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get());
    if (appId !== applicationId && (appId !== 0 || tables > 0)) {
      throw new LadderError('invalid_workspace', `${name} is an SQLite database but not a Ladder workspace.`);
    }
    if (version > latest) {
      throw new LadderError(
        'newer_workspace',
        `${name} was saved by a newer version of Ladder (workspace format ${version}; this version reads up to ${latest}); update Ladder to open it.`,
      );
    }
    return { version, appId, tables };
  } catch (error) {
    if (error instanceof LadderError) throw error;
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY'))
      throw new LadderError(
        'conflict',
        `${name} is being written by another program (an import?); open it again when that has finished.`,
      );
    const detail = messageOf(error);
    throw new LadderError(
      'invalid_workspace',
      `${name} is damaged or unreadable (SQLite reports: ${detail}); it was left unchanged.`,
    );
  } finally {
    db?.close();
  }
}

/**
 * A process killed inside a rollback-journal transaction (an import's bulk load, see
 * import/import-connection.ts) leaves a hot journal that a read-only connection may not roll back
 * (SQLITE_READONLY_ROLLBACK). A read-write connection's first read rolls it back, restoring the
 * file exactly as it was before that transaction; nothing else is written.
 */
function rollBackHotJournal(path: string): void {
  if (!existsSync(`${path}-journal`)) return;
  const db = connect(path, { fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } finally {
    db.close();
  }
}

// Larger pages: fewer, fuller b-tree pages for million-row tables (a first import is ~8% faster).
const newWorkspacePageSize = 16384;

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
}

function migrate(db: Db, from: number, list: readonly Migration[]): void {
  const pending = [...list].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  // Foreign keys off while tables are rebuilt (SQLite's documented way: with them on, dropping the
  // old accounts table would first delete every row that references it). Each migration then
  // checks that every reference still finds its row before it commits.
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (broken.length > 0)
          throw new Error(`${broken.length} ${broken[0]!.table} rows lost their ${broken[0]!.parent} row`);
        db.pragma(`application_id = ${applicationId}`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function backupPathFor(path: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${path}.v${version}-${stamp}.backup`;
}

export async function openWorkspace(path: string, options: OpenOptions = {}): Promise<Workspace> {
  const list = options.migrations ?? defaultMigrations;
  const latest = latestVersion(list);
  const name = basename(path);
  const exists = existsSync(path);
  if (!exists && !options.create) throw new LadderError('not_found', `There is no workspace file at ${path}.`);
  if (exists && statSync(path).isDirectory())
    throw new LadderError('invalid_workspace', `${name} is a folder, not a workspace file.`);
  // An empty file is not a workspace someone made: opening must not turn it into one.
  if (exists && !options.create && statSync(path).size === 0)
    throw new LadderError('invalid_workspace', `${name} is an empty file, not a Ladder workspace.`);

  const found = exists && statSync(path).size > 0 ? inspect(path, latest) : { version: 0, appId: 0, tables: 0 };
  const db = connect(path);
  try {
    if (found.version > 0 && found.version < latest) {
      const backupPath = backupPathFor(path, found.version);
      // Written under a temporary name and renamed once synced: a half backup is never left.
      const tmp = tempPathFor(backupPath);
      try {
        await db.backup(tmp);
        commitFile(tmp, backupPath);
      } catch (error) {
        rmSync(tmp, { force: true });
        throw writeFailure(backupPath, error);
      }
      options.onBackup?.(backupPath);
    }
    // Only takes effect on a file without tables yet, before WAL is set.
    if (found.tables === 0) db.pragma(`page_size = ${newWorkspacePageSize}`);
    configure(db);
    migrate(db, found.version, list);
    return { path, name, db };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The workspace format this build writes. */
export const currentFormatVersion = latestVersion();
