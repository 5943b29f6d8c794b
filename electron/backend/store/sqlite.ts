import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens an SQLite connection. Under Electron the start script builds better-sqlite3 for Electron's
 * ABI into its own folder and passes it here, so the Node build used by tests and the CLI is never
 * overwritten (either order of `npm start` / `npm test` works).
 */
export function connect(path: string, options: Database.Options = {}): Db {
  const nativeBinding = process.env.LADDER_SQLITE_BINDING;
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}
