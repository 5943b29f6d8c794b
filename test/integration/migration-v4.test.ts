// Workspace format 4: the accounts table is rebuilt so an account id's uniqueness is a named index
// (accounts_by_id) a first load can build after the load. Seeded at format 3 with accounts and rows
// that reference them, migrated: every account keeps its key and values, nothing that references one
// is lost (with foreign keys on, dropping the old table would have cascaded), ids stay unique, and
// the demo view still reads the table.
import { join } from 'node:path';
import { migrations } from '../../electron/backend/store/migrations';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

it('migration 4 keeps every account and every row that references one', async () => {
  const path = join(dir.path, 'v3.ladder');
  const v3 = await openWorkspace(path, { create: true, migrations: migrations.filter((m) => m.version <= 3) });
  v3.db.exec(`INSERT INTO accounts (key, id, name, segment, owner_csm, arr, economic_buyer_known, custom)
      VALUES (7, 'A7', 'Acme', 'SMB', 'kim@x.io', 1234.5678901234567, 1, '{"tier":"gold"}'),
             (9, 'A9', 'Globex', NULL, NULL, NULL, NULL, NULL);
    INSERT INTO periods (account_key, period_start, active_users) VALUES (7, '2026-01-05', 3), (9, '2026-01-05', 4);
    INSERT INTO outcomes (id, account_key, type, won) VALUES ('O1', 7, 'Upsell', 1);
    INSERT INTO demo_patterns (pattern, label, description, designed_share) VALUES ('p', 'P', 'd', 0.5);
    INSERT INTO account_patterns (account_key, pattern) VALUES (7, 'p'), (9, 'p');`);
  const before = v3.db.prepare('SELECT * FROM accounts ORDER BY key').all();
  v3.db.close();

  const v4 = await openWorkspace(path);
  const db = v4.db;
  expect(db.pragma('user_version', { simple: true })).toBe(4);
  expect(db.prepare('SELECT * FROM accounts ORDER BY key').all()).toEqual(before);
  expect(db.prepare('SELECT count(*) FROM periods').pluck().get()).toBe(2);
  expect(db.prepare('SELECT count(*) FROM outcomes').pluck().get()).toBe(1);
  expect(db.prepare('SELECT count(*) FROM account_patterns').pluck().get()).toBe(2);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.prepare("SELECT accounts, share FROM demo_pattern_shares WHERE pattern = 'p'").get()).toEqual({
    accounts: 2,
    share: 1,
  });
  expect(db.prepare('SELECT name, "unique" FROM pragma_index_list(\'accounts\') ORDER BY name').all()).toEqual([
    { name: 'accounts_by_id', unique: 1 },
    { name: 'accounts_by_owner', unique: 0 },
  ]);
  expect(() => db.exec("INSERT INTO accounts (id, name) VALUES ('A7', 'again')")).toThrow(/UNIQUE/);
  // References still cascade from the rebuilt table.
  db.exec("DELETE FROM accounts WHERE id = 'A9'");
  expect(db.prepare('SELECT count(*) FROM periods').pluck().get()).toBe(1);
  db.close();
});
