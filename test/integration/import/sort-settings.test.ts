// Index builds after a bulk load run with a small page cache on two sorter threads (store/
// sort-settings.ts). With more keys than that cache holds, SQLite sorts them in several runs and
// merges them: the index must come out whole and in order all the same, and the connection must get
// its own settings back, also when the build fails.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { withSortSettings } from '../../../electron/backend/store/sort-settings';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

function table(name: string, rows: number) {
  const db = new Database(join(dir.path, name));
  db.pragma('cache_size = -32768');
  db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, owner TEXT, id TEXT)');
  const insert = db.prepare('INSERT INTO t (owner, id) VALUES (?, ?)');
  db.transaction(() => {
    // ~40 bytes of key a row: 300,000 rows are ~12 MB of keys, three times the sort's 4 MB cache.
    for (let i = 0; i < rows; i++)
      insert.run(`owner-${(i * 7919) % 977}@example.com`, `ACC-${String((i * 104_729) % rows).padStart(9, '0')}`);
  })();
  return db;
}

it('builds an index larger than its sort memory whole and in order, then restores the settings', () => {
  const db = table('big.db', 300_000);
  try {
    const before = {
      cache: db.pragma('cache_size', { simple: true }),
      threads: db.pragma('threads', { simple: true }),
    };
    const inside = withSortSettings(db, () => {
      db.exec('CREATE INDEX t_by_owner ON t(owner); CREATE UNIQUE INDEX t_by_id ON t(id)');
      return { cache: db.pragma('cache_size', { simple: true }), threads: db.pragma('threads', { simple: true }) };
    });
    expect(inside).toEqual({ cache: -4096, threads: 2 });
    expect({
      cache: db.pragma('cache_size', { simple: true }),
      threads: db.pragma('threads', { simple: true }),
    }).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Read through each index: every row, in key order.
    const owners = db.prepare('SELECT owner FROM t INDEXED BY t_by_owner ORDER BY owner').pluck().all() as string[];
    expect(owners).toHaveLength(300_000);
    expect(owners.every((o, i) => i === 0 || owners[i - 1]! <= o)).toBe(true);
    const ids = db.prepare('SELECT id FROM t INDEXED BY t_by_id ORDER BY id').pluck().all() as string[];
    expect(new Set(ids).size).toBe(300_000);
    expect(ids.every((id, i) => i === 0 || ids[i - 1]! < id)).toBe(true);
  } finally {
    db.close();
  }
});

it('gives the connection its settings back when the build fails', () => {
  const db = table('repeat.db', 1000);
  try {
    db.exec("INSERT INTO t (owner, id) VALUES ('x', 'ACC-000000001')"); // a repeated id
    expect(() => withSortSettings(db, () => db.exec('CREATE UNIQUE INDEX t_by_id ON t(id)'))).toThrow(/UNIQUE/);
    expect(db.pragma('cache_size', { simple: true })).toBe(-32768);
    expect(db.pragma('threads', { simple: true })).toBe(0);
  } finally {
    db.close();
  }
});
