// An accounts import rolled up (shared/import/roll-up.ts): rows wait in a temporary table of the
// import's own connection, so memory stays bounded whatever the file size; after the last batch
// they are read back account by account, merged into one row each and handed to the table writer.
import type { RejectedValue } from '#shared/import/report';
import { rollUpValues, ruleOf, settle, type RollUpSummary, type RowActivity } from '#shared/import/roll-up';
import type { Db } from '../../store/sqlite';
import type { PendingRow, TableWriter } from './table-types';

export interface AccountRollUp {
  add(row: PendingRow, activity: RowActivity): void;
  /** Merges and writes every account; returns what happened, for the report. */
  finish(writer: TableWriter, rejections: RejectedValue[]): RollUpSummary;
}

const accountsPerRead = 1000;

export function createAccountRollUp(db: Db, columns: readonly string[], keyColumn: string): AccountRollUp {
  db.exec(`DROP TABLE IF EXISTS temp.roll_up_rows;
    CREATE TEMP TABLE roll_up_rows (
      ord INTEGER PRIMARY KEY, key TEXT NOT NULL, active INTEGER, ended_by TEXT, start TEXT, end_ TEXT,
      row INTEGER NOT NULL, line INTEGER NOT NULL, key_text TEXT NOT NULL, key_column TEXT NOT NULL, v TEXT NOT NULL);
    CREATE INDEX temp.roll_up_rows_key ON roll_up_rows (key, ord);`);
  const insert = db.prepare(
    `INSERT INTO temp.roll_up_rows (key, active, ended_by, start, end_, row, line, key_text, key_column, v)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rules = columns.map((c) => ruleOf(c, columns[0]!));
  return {
    add(row, a) {
      const active = a.active === null ? null : a.active ? 1 : 0;
      const values = JSON.stringify(row.values);
      insert.run(
        String(row.values[0]),
        active,
        a.endedBy,
        a.start,
        a.end,
        row.row,
        row.line,
        row.keyText,
        row.keyColumn,
        values,
      );
    },
    finish(writer, rejections) {
      const read = db.prepare(
        `SELECT * FROM temp.roll_up_rows WHERE key IN (
           SELECT DISTINCT key FROM temp.roll_up_rows WHERE key > ? ORDER BY key LIMIT ${accountsPerRead})
         ORDER BY key, ord`,
      );
      interface Stored {
        key: string;
        active: 0 | 1 | null;
        ended_by: RowActivity['endedBy'];
        start: string | null;
        end_: string | null;
        row: number;
        line: number;
        key_text: string;
        key_column: string;
        v: string;
      }
      const summary: RollUpSummary = {
        keyColumn,
        rows: 0,
        accounts: 0,
        activeRows: 0,
        ended: { flag: 0, status: 0, 'ended date': 0, replaced: 0 },
      };
      let after = '';
      for (;;) {
        const stored = read.all(after) as Stored[];
        if (stored.length === 0) break;
        const pending: PendingRow[] = [];
        for (let i = 0; i < stored.length;) {
          let j = i;
          while (j < stored.length && stored[j]!.key === stored[i]!.key) j++;
          const group = stored.slice(i, j);
          const latestStart = group.reduce<string | null>(
            (m, r) => (r.start !== null && (m === null || r.start > m) ? r.start : m),
            null,
          );
          const rows = group.map((r) => {
            const verdict = settle(
              { active: r.active === null ? null : r.active === 1, endedBy: r.ended_by, start: r.start, end: r.end_ },
              latestStart,
            );
            if (verdict.active) summary.activeRows++;
            else summary.ended[verdict.endedBy ?? 'status']++;
            return { values: JSON.parse(r.v) as unknown[], active: verdict.active };
          });
          const first = group[0]!;
          pending.push({
            values: rollUpValues(rows, rules),
            row: first.row,
            line: first.line,
            keyText: first.key_text,
            keyColumn: first.key_column,
          });
          summary.rows += group.length;
          summary.accounts++;
          after = first.key;
          i = j;
        }
        writer.write(pending, rejections);
      }
      db.exec('DROP TABLE temp.roll_up_rows');
      return summary;
    },
  };
}
