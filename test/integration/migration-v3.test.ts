// Workspace format 3: the outcomes table is rebuilt so is_expansion may be NULL (an unknown type).
// Seeded at format 2 with outcomes, migrated, every row is kept as it was.
import { join } from 'node:path';
import { migrations } from '../../electron/backend/store/migrations';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('migration 3 (outcomes meaning)', () => {
  it('keeps every outcome row and lets is_expansion be unknown', async () => {
    const path = join(dir.path, 'v2.ladder');
    const v2 = await openWorkspace(path, { create: true, migrations: migrations.filter((m) => m.version <= 2) });
    v2.db.exec(`INSERT INTO accounts (key, id, name) VALUES (1, 'A1', 'Acme');
      INSERT INTO outcomes (id, account_key, type, stage, opened_date, close_date, amount, won, is_expansion, custom)
      VALUES ('O1', 1, 'Upsell', 'Closed Won', '2024-01-01', '2024-02-01', 1200, 1, 1, '{"x":1}'),
             ('O2', 1, 'Renewal', 'Closed Lost', NULL, '2024-03-01', NULL, 0, 0, NULL);`);
    const before = v2.db.prepare('SELECT * FROM outcomes ORDER BY id').all();
    v2.db.close();
    const v3 = await openWorkspace(path, { migrations: migrations.filter((m) => m.version <= 3) });
    expect(v3.db.pragma('user_version', { simple: true })).toBe(3);
    const after = v3.db
      .prepare(
        'SELECT id, account_key, type, stage, opened_date, close_date, amount, won, is_expansion, custom, import_id FROM outcomes ORDER BY id',
      )
      .all();
    expect(after).toEqual(before);
    v3.db.exec(
      "INSERT INTO outcomes (id, account_key, type, is_expansion, seats, churned) VALUES ('O3', 1, 'Replacement', NULL, 5, 1)",
    );
    expect(v3.db.prepare("SELECT is_expansion, seats, churned FROM outcomes WHERE id = 'O3'").get()).toEqual({
      is_expansion: null,
      seats: 5,
      churned: 1,
    });
    expect(() => v3.db.exec("INSERT INTO outcomes (id, account_key, is_expansion) VALUES ('O4', 1, 2)")).toThrow(
      /CHECK/,
    );
    expect(v3.db.pragma('foreign_key_check')).toEqual([]);
    expect(v3.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'outcomes_by_account'").pluck().get()).toBe(
      1,
    );
    v3.db.close();
  });
});
