// Undoing an import, in one transaction: rows it added are deleted, rows it overwrote get their
// saved before-images back. Refused (with the import to undo first) when a later import changed
// the same rows or hangs data on accounts this one created, since undoing it would lose that.
import type { ImportKind } from '#shared/domain/workspace';
import type { UndoResult } from '#shared/import/report';
import { LadderError } from '#shared/api/result';
import type { Db } from '../store/sqlite';

const tableKeys: Record<string, readonly string[]> = {
  accounts: ['id'],
  periods: ['account_key', 'period_start'],
  users: ['account_key', 'user_id'],
  outcomes: ['id'],
  tickets: ['id'],
};
const childTables = ['periods', 'users', 'outcomes', 'tickets'] as const;

export const tablesOf = (kind: ImportKind): string[] => [kind === 'events' ? 'periods' : kind];

function laterImportsTouching(db: Db, id: number, table: string): number[] {
  // A later import that overwrote our rows saved them with our import_id in its before-images.
  const overwritten = db
    .prepare(
      `SELECT DISTINCT u.import_id FROM import_undo u JOIN imports i ON i.id = u.import_id
       WHERE u.tbl = ? AND u.import_id > ? AND i.undone_at IS NULL AND json_extract(u.before, '$.import_id') = ?`,
    )
    .pluck()
    .all(table, id, id) as number[];
  if (table !== 'accounts') return overwritten;
  // Later imports whose rows hang on accounts this import created (undo would delete them too).
  const dependents = childTables.flatMap(
    (child) =>
      db
        .prepare(
          `SELECT DISTINCT c.import_id FROM ${child} c JOIN accounts a ON a.key = c.account_key
           WHERE a.import_id = ? AND c.import_id IS NOT NULL AND c.import_id <> ?
             AND NOT EXISTS (SELECT 1 FROM import_undo u WHERE u.import_id = ? AND u.tbl = 'accounts' AND u.key1 = a.id)`,
        )
        .pluck()
        .all(id, id, id) as number[],
  );
  return [...new Set([...overwritten, ...dependents])].sort((a, b) => a - b);
}

export function undoImport(db: Db, id: number): UndoResult {
  const record = db.prepare('SELECT id, kind, file_name, undone_at FROM imports WHERE id = ?').get(id) as
    { id: number; kind: ImportKind; file_name: string; undone_at: string | null } | undefined;
  if (!record) throw new LadderError('not_found', `There is no import #${id} in this workspace.`);
  if (record.undone_at)
    throw new LadderError(
      'conflict',
      `Import #${id} (${record.file_name}) was already undone on ${record.undone_at.slice(0, 10)}.`,
    );
  return db
    .transaction((): UndoResult => {
      let removed = 0;
      let restored = 0;
      for (const table of tablesOf(record.kind)) {
        const blocking = laterImportsTouching(db, id, table);
        if (blocking.length > 0) {
          throw new LadderError(
            'conflict',
            `Import #${id} cannot be undone while ${blocking.map((b) => `#${b}`).join(', ')} ${blocking.length === 1 ? 'is' : 'are'} in place: ${blocking.length === 1 ? 'it changed' : 'they changed'} the same data. Undo ${blocking.length === 1 ? 'it' : 'them'} first.`,
          );
        }
        const keys = tableKeys[table]!;
        const match = keys.length === 1 ? `u.key1 = t.${keys[0]}` : `u.key1 = t.${keys[0]} AND u.key2 = t.${keys[1]}`;
        removed += db
          .prepare(
            `DELETE FROM ${table} AS t WHERE t.import_id = ? AND NOT EXISTS (SELECT 1 FROM import_undo u WHERE u.import_id = ? AND u.tbl = ? AND ${match})`,
          )
          .run(id, id, table).changes;
        const befores = db
          .prepare('SELECT before FROM import_undo WHERE import_id = ? AND tbl = ?')
          .pluck()
          .all(id, table) as string[];
        if (befores.length > 0) {
          const columns = Object.keys(JSON.parse(befores[0]!) as object).filter(
            (c) => !keys.includes(c) && c !== 'key',
          );
          const update = db.prepare(
            `UPDATE ${table} SET ${columns.map((c) => `"${c}" = @${c}`).join(', ')} WHERE ${keys.map((k) => `"${k}" = @${k}`).join(' AND ')}`,
          );
          for (const text of befores) restored += update.run(JSON.parse(text) as Record<string, unknown>).changes;
        }
        db.prepare('DELETE FROM import_undo WHERE import_id = ? AND tbl = ?').run(id, table);
      }
      db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), id);
      return { importId: id, removed, restored };
    })
    .immediate();
}
