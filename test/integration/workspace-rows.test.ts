// The row types in electron/backend/store/rows.ts match the schema a workspace really has after every
// migration: the same tables, the same columns, the same declared types and nullability. A migration
// that adds a table or a column fails here until rows.ts says so too.
import { join } from 'node:path';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { all, get, tableColumns, type ImportRow } from '../../electron/backend/store/rows';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
afterAll(() => dir.cleanup());

interface ColumnInfo {
  name: string;
  type: string;
  notnull: 0 | 1;
  pk: number;
}

describe('workspace row types', () => {
  it('name every table and column of a fresh workspace with its type and nullability', async () => {
    const ws = await openWorkspace(join(dir.path, 'rows.ladder'), { create: true });
    const tables = all<{ name: string }>(
      ws.db,
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    ).map((t) => t.name);
    expect(tables).toEqual(Object.keys(tableColumns).sort());
    for (const table of tables) {
      const actual = Object.fromEntries(
        all<ColumnInfo>(ws.db, `SELECT * FROM pragma_table_info(?)`, table).map((c) => {
          // Key columns are never NULL: an INTEGER PRIMARY KEY is the rowid, and the importers refuse
          // rows without a key (SQLite would accept a NULL TEXT key in a rowid table).
          const nullable = c.notnull === 0 && c.pk === 0;
          return [c.name, `${c.type}${nullable ? '?' : ''}`];
        }),
      );
      expect({ table, columns: actual }).toEqual({ table, columns: tableColumns[table as keyof typeof tableColumns] });
    }
    ws.db.close();
  });

  it('reads typed rows with get and all', async () => {
    const ws = await openWorkspace(join(dir.path, 'read.ladder'), { create: true });
    ws.db
      .prepare(
        `INSERT INTO imports (file_name, file_size, sha256, kind, rows_read, rows_imported, rows_rejected, started_at, finished_at)
         VALUES ('a.csv', 10, 'x', 'accounts', 2, 2, 0, '2026-01-01', '2026-01-01')`,
      )
      .run();
    const row = get<ImportRow>(ws.db, 'SELECT * FROM imports WHERE file_name = ?', 'a.csv');
    expect(row).toMatchObject({ file_name: 'a.csv', rows_imported: 2, undone_at: null, rows_inserted: 0 });
    expect(get<ImportRow>(ws.db, 'SELECT * FROM imports WHERE id = ?', 99)).toBeUndefined();
    expect(all<Pick<ImportRow, 'kind'>>(ws.db, 'SELECT kind FROM imports')).toEqual([{ kind: 'accounts' }]);
    ws.db.close();
  });
});
