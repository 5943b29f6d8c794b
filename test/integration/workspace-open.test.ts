// Opening workspace files: good ones open and migrate; bad ones are refused with one sentence and
// stay byte-for-byte unchanged.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { latestVersion, migrations, type Migration } from '../../electron/backend/store/migrations';
import { LadderError } from '#shared/api/result';
import { sha256, tempDir } from '../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

async function refusal(path: string): Promise<LadderError> {
  const error = await openWorkspace(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LadderError);
  return error as LadderError;
}

describe('openWorkspace', () => {
  it('creates a new workspace with the canonical tables, WAL and foreign keys on', async () => {
    const path = join(dir.path, 'new.ladder');
    const ws = await openWorkspace(path, { create: true });
    const tables = ws.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    for (const t of ['accounts', 'periods', 'users', 'outcomes', 'tickets', 'imports', 'models', 'model_versions'])
      expect(tables).toContain(t);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(ws.db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(latestVersion());
    ws.db.close();
  });

  it('refuses a missing file unless asked to create it', async () => {
    const error = await refusal(join(dir.path, 'nope.ladder'));
    expect(error.code).toBe('not_found');
  });

  it('refuses a text file renamed .ladder and leaves it unchanged', async () => {
    const path = join(dir.path, 'notes.ladder');
    writeFileSync(path, 'quarterly notes, definitely not a database\n'.repeat(20));
    const before = sha256(path);
    const error = await refusal(path);
    expect(error.code).toBe('invalid_workspace');
    expect(error.message).toBe('notes.ladder is not a Ladder workspace: it is not an SQLite database file.');
    expect(sha256(path)).toBe(before);
  });

  it('refuses a truncated workspace and leaves it (and its folder) unchanged', async () => {
    const good = join(dir.path, 'good.ladder');
    const ws = await openWorkspace(good, { create: true });
    const insert = ws.db.prepare('INSERT INTO accounts (id, name, arr) VALUES (?, ?, ?)');
    ws.db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`A${i}`, `Account ${i} ${'x'.repeat(100)}`, i);
    })();
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.db.close();
    const path = join(dir.path, 'truncated.ladder');
    copyFileSync(good, path);
    truncateSync(path, 40_000);
    const before = sha256(path);
    const filesBefore = readdirSync(dir.path).sort();
    const error = await refusal(path);
    expect(error.code).toBe('invalid_workspace');
    expect(error.message).toMatch(/^truncated\.ladder is damaged .*; it was left unchanged\.$/);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir.path).sort()).toEqual(filesBefore);
  });

  it('refuses a workspace from a newer version of Ladder and leaves it unchanged', async () => {
    const path = join(dir.path, 'future.ladder');
    (await openWorkspace(path, { create: true })).db.close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestVersion() + 5}`);
    raw.close();
    const before = sha256(path);
    const error = await refusal(path);
    expect(error.code).toBe('newer_workspace');
    expect(error.message).toContain(`workspace format ${latestVersion() + 5}`);
    expect(sha256(path)).toBe(before);
  });

  it('refuses an SQLite file that belongs to another application', async () => {
    const path = join(dir.path, 'other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE songs (title TEXT)');
    raw.close();
    const before = sha256(path);
    const error = await refusal(path);
    expect(error.message).toBe('other.db is an SQLite database but not a Ladder workspace.');
    expect(sha256(path)).toBe(before);
  });
});

describe('migrations', () => {
  const extra: Migration = {
    version: latestVersion() + 1,
    name: 'test: account notes',
    sql: 'CREATE TABLE account_notes (account_key INTEGER NOT NULL REFERENCES accounts(key), note TEXT NOT NULL);',
  };

  it('backs the file up before migrating an existing workspace, then migrates keeping every row', async () => {
    const path = join(dir.path, 'old.ladder');
    const ws = await openWorkspace(path, { create: true });
    ws.db.prepare('INSERT INTO accounts (id, name, arr) VALUES (?, ?, ?)').run('A1', 'Acme', 1200);
    ws.db.close();

    let backup = '';
    const migrated = await openWorkspace(path, { migrations: [...migrations, extra], onBackup: (p) => (backup = p) });
    expect(migrated.db.pragma('user_version', { simple: true })).toBe(extra.version);
    expect(migrated.db.prepare('SELECT id, name, arr FROM accounts').all()).toEqual([
      { id: 'A1', name: 'Acme', arr: 1200 },
    ]);
    expect(migrated.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'account_notes'").pluck().get()).toBe(
      1,
    );
    migrated.db.close();

    expect(existsSync(backup)).toBe(true);
    const old = new Database(backup, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(old.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['Acme']);
    old.close();
  });

  it('applies a failing migration not at all: the version and tables stay as they were', async () => {
    const path = join(dir.path, 'failing.ladder');
    (await openWorkspace(path, { create: true })).db.close();
    const broken: Migration = {
      version: latestVersion() + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (x); INSERT INTO missing VALUES (1);',
    };
    await expect(openWorkspace(path, { migrations: [...migrations, broken] })).rejects.toThrow(
      /no such table: missing/,
    );
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    raw.close();
  });

  it('every migration applies cleanly on top of the previous format', async () => {
    for (const m of migrations) {
      const path = join(dir.path, `step-${m.version}.ladder`);
      const before = migrations.filter((x) => x.version < m.version);
      if (before.length > 0) (await openWorkspace(path, { create: true, migrations: before })).db.close();
      const ws = await openWorkspace(path, {
        create: true,
        migrations: migrations.filter((x) => x.version <= m.version),
      });
      expect(ws.db.pragma('user_version', { simple: true })).toBe(m.version);
      expect(ws.db.pragma('foreign_key_check')).toEqual([]);
      ws.db.close();
    }
  });
});
