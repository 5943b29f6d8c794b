// Undoing an import, in one transaction: rows it added are deleted, rows it overwrote get their
// saved before-images back. Refused (with the import to undo first) when a later import changed
// the same rows or hangs data on accounts this one created, since undoing it would lose that.
import type { ImportKind } from '#shared/domain/workspace';
import type { UndoResult } from '#shared/import/report';
import { LadderError } from '#shared/api/result';
import { deferIndexes } from '../store/batch-insert';
import type { Db } from '../store/sqlite';
import { runWith } from './write/table-statements';

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
             AND a.id NOT IN (SELECT key1 FROM import_undo WHERE import_id = ? AND tbl = 'accounts')`,
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
        // The rows it added: its own rows without a before-image. NOT IN over the images is read
        // once into a temporary index; a correlated NOT EXISTS scanned all the import's images for
        // every row (undo of a 1M-row import over rows did not finish in 3 minutes).
        const [tKeys, uKeys] =
          keys.length === 1 ? [`t.${keys[0]}`, 'key1'] : [`(t.${keys[0]}, t.${keys[1]})`, 'key1, key2'];
        removed += db
          .prepare(
            `DELETE FROM ${table} AS t WHERE t.import_id = ? AND ${tKeys} NOT IN (SELECT ${uKeys} FROM import_undo WHERE import_id = ? AND tbl = ?)`,
          )
          .run(id, id, table).changes;
        // The before-images, a page at a time (a million images as strings at once is hundreds of MB),
        // each put back with one UPDATE by key, its values bound in column order.
        const page = db
          .prepare(
            'SELECT rowid, before FROM import_undo WHERE import_id = ? AND tbl = ? AND rowid > ? ORDER BY rowid LIMIT 10000',
          )
          .raw();
        // Many rows put back: the table's secondary indexes are rebuilt once rather than kept up
        // row by row (as for an import: 1M rows restored took ~40 s with them kept).
        const images = db
          .prepare('SELECT count(*) FROM import_undo WHERE import_id = ? AND tbl = ?')
          .pluck()
          .get(id, table) as number;
        const restoreIndexes = images >= 10_000 ? deferIndexes(db, table) : () => {};
        let update: ReturnType<Db['prepare']> | null = null;
        let columns: string[] = [];
        for (let after = 0, rows = page.all(id, table, 0) as [number, string][]; rows.length > 0;) {
          for (const [, text] of rows) {
            const image = JSON.parse(text) as Record<string, unknown>;
            if (!update) {
              columns = Object.keys(image).filter((c) => !keys.includes(c) && c !== 'key');
              update = db.prepare(
                `UPDATE ${table} SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${keys.map((k) => `"${k}" = ?`).join(' AND ')}`,
              );
            }
            const values = [...columns, ...keys].map((c) => {
              if (!(c in image)) throw new Error(`a before-image of import #${id} has no ${c}`);
              return image[c];
            });
            restored += runWith(update, values).changes;
          }
          after = rows[rows.length - 1]![0];
          rows = page.all(id, table, after) as [number, string][];
        }
        restoreIndexes();
        db.prepare('DELETE FROM import_undo WHERE import_id = ? AND tbl = ?').run(id, table);
      }
      db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), id);
      return { importId: id, removed, restored };
    })
    .immediate();
}
