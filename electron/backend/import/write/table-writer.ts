// Writes rows of one import into one table: upsert by key, inside the import's transaction.
// New rows carry the import's id; a row that already existed is saved to import_undo as it was
// before being overwritten, so undo can restore it. A key seen twice in the file keeps its first
// row; later ones are rejected as duplicates.
import type { RejectedValue } from '#shared/import/report';
import { pendingRows, type PendingRow, type RowOrigins, type TableSpec, type TableWriter } from './table-types';
import { deferIndexes } from '../../store/batch-insert';
import { withSortSettings } from '../../store/sort-settings';
import type { Db } from '../../store/sqlite';
import { runWith, tableStatements } from './table-statements';
import { createAscendingKeys, heldKeyRange } from './ascending-keys';
import { createGrowthCount } from './growth-count';
import { createKeyHashes, hashKey } from './key-hashes';
import { buildUniqueKey, createKeyOrderWatch, createOriginLog, deferUniqueKey, type DeferredKey } from './unique-key';

const maxParams = 30_000;

function isConstraint(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * The table holds at most twice the rows the import brings: its secondary indexes are rebuilt
 * once at the end (sorting every row) rather than kept up row by row, which costs more here. A
 * small import into a large table keeps them (a rebuild would sort the whole table for a few rows).
 */
export function smallBeside(db: Db, spec: Pick<TableSpec, 'table' | 'expectedRows'>): boolean {
  if (spec.expectedRows === undefined) return false;
  const limit = Math.ceil(2 * spec.expectedRows) + 1;
  const rows = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${spec.table} LIMIT ${limit})`).pluck().get() as number;
  return rows < limit;
}

export function createTableWriter(db: Db, spec: TableSpec, importId: number): TableWriter {
  const width = spec.columns.length;
  const perStatement = Math.max(1, Math.min(50, Math.floor(maxParams / width)));
  const { prepared, saveBefore, importIdOf, changesOfFailed } = tableStatements(db, spec, importId);
  // A table empty at the start cannot hold rows to overwrite: plain inserts, no look-ups, and its
  // secondary indexes are built once at the end instead of row by row (several times faster).
  const emptyAtStart = db.prepare(`SELECT 1 FROM ${spec.table} LIMIT 1`).get() === undefined;
  const rebuilding = emptyAtStart || smallBeside(db, spec);
  const restoreIndexes = rebuilding ? deferIndexes(db, spec.table) : () => {};
  // A first load keeps the key's index while its keys come in order, and defers it from the first
  // batch that does not (unique-key.ts).
  const keyOrder = emptyAtStart && spec.keys.length === 1 ? createKeyOrderWatch() : null;
  let uniqueKey: DeferredKey | null = null;
  // Where each inserted row came from (in insert order, which is rowid order), to report a repeat
  // found if the key's index is built after the load.
  const origins = keyOrder ? createOriginLog() : null;
  /** Before rows with these keys are inserted: once they are out of order, the key's index goes. */
  const watchKeys = (keys: ArrayLike<unknown>, at: number, stride: number) => {
    if (keyOrder?.inOrder && !keyOrder.see(keys, at, stride)) uniqueKey = deferUniqueKey(db, spec.table, spec.keys[0]!);
  };
  const written = createKeyHashes();
  // To check at the end that every row counted as new is one.
  const added = emptyAtStart ? () => inserted : createGrowthCount(db, spec.table);
  let inserted = 0;
  let updated = 0;
  let duplicates = 0;
  // A row's key in `values` at `at` (its first column): as one string (for sets and hashes), and as
  // the JSON value the look-ups join on (the value, or [first, second] for a two-column key).
  const one = spec.keys.length === 1;
  const keyAt = (values: readonly unknown[], at = 0) =>
    one ? String(values[at]) : `${String(values[at])}\u0000${String(values[at + 1])}`;
  const keyValueAt = (values: readonly unknown[], at = 0) => (one ? values[at] : [values[at], values[at + 1]]);
  const keyList = (rows: readonly PendingRow[]) => JSON.stringify(rows.map((r) => keyValueAt(r.values)));
  const duplicate = (r: PendingRow, rejections: RejectedValue[]) => {
    duplicates++;
    rejections.push({
      row: r.row,
      line: r.line,
      column: r.keyColumn,
      value: r.keyText,
      reason: `duplicate ${spec.keyLabel}: an earlier row of this file has it`,
    });
  };
  // One parameter array per statement size, refilled for every statement (SQLite copies the
  // values when it binds them), instead of a fresh array per statement.
  const paramArrays = new Map<number, unknown[]>();
  const bind = (rows: readonly PendingRow[], from = 0, to = rows.length) => {
    const n = to - from;
    let params = paramArrays.get(n);
    if (!params) paramArrays.set(n, (params = new Array<unknown>(n * width)));
    let k = 0;
    for (let r = from; r < to; r++) {
      const values = rows[r]!.values;
      for (let i = 0; i < width; i++) params[k++] = values[i];
    }
    return params;
  };
  const run = (rows: readonly PendingRow[], upsert: boolean) => {
    for (let start = 0; start < rows.length; start += perStatement) {
      const part = rows.slice(start, start + perStatement);
      runWith(prepared(part.length, upsert), bind(part));
    }
  };

  function writeFresh(rows: readonly PendingRow[], rejections: RejectedValue[]): void {
    // A failing statement keeps the rows before the one that failed (OR FAIL), and so do the earlier
    // statements of the batch; the rest is redone row by row.
    let done = 0;
    if (origins && rows.length > 0) origins.column = rows[0]!.keyColumn;
    const kept = (end: number) => {
      for (let r = done; r < end; r++) origins?.add(rows[r]!.row, rows[r]!.line);
      done = end;
    };
    try {
      while (done < rows.length) {
        const end = Math.min(rows.length, done + perStatement);
        runWith(prepared(end - done, false), bind(rows, done, end));
        kept(end);
      }
      inserted += rows.length;
      return;
    } catch (error) {
      if (!isConstraint(error)) throw error;
      kept(done + changesOfFailed(Math.min(rows.length, done + perStatement) - done));
    }
    inserted += done;
    rows = rows.slice(done);
    // Some key repeats: row by row, so only the repeats are refused.
    for (const r of rows) {
      try {
        runWith(prepared(1, false), bind([r]));
        origins?.add(r.row, r.line);
        inserted++;
      } catch (error) {
        if (!isConstraint(error)) throw error;
        duplicate(r, rejections);
      }
    }
  }

  // Into a table that holds rows: each batch's existing rows (not written by this import) get
  // their before-images in one statement, whose count says how many the batch overwrites; then
  // every row goes in as an upsert. A key repeated within the batch, or written by an earlier batch
  // of this import (the hashes say maybe, the table says yes), is a duplicate: the first row wins.
  // While keys come in ascending order a batch can repeat no earlier key (ascending-keys.ts): it is
  // written without hashes or sets, and the hashes of what it wrote are made from the table if a
  // later batch needs them.
  const ascending = emptyAtStart || !one ? null : createAscendingKeys(heldKeyRange(db, spec.table, spec.keys[0]!));
  let hashesBehind = false;
  const catchUpHashes = () => {
    if (!hashesBehind) return;
    const keys = db.prepare(`SELECT "${spec.keys[0]!}" FROM ${spec.table} WHERE import_id = ?`).pluck();
    for (const key of keys.iterate(importId)) written.add(hashKey(String(key)));
    hashesBehind = false;
  };
  const wroteEarlier = (values: readonly unknown[], at = 0) =>
    importIdOf.get(JSON.stringify([keyValueAt(values, at)])) === importId;
  const repeatsEarlier = (key: string, values: readonly unknown[]) =>
    written.mayHave(hashKey(key)) && wroteEarlier(values);

  function writeMerging(rows: readonly PendingRow[], rejections: RejectedValue[]): void {
    catchUpHashes();
    const seen = new Set<string>();
    const unique: PendingRow[] = [];
    for (const r of rows) {
      const key = keyAt(r.values);
      if (seen.has(key) || repeatsEarlier(key, r.values)) duplicate(r, rejections);
      else {
        seen.add(key);
        unique.push(r);
      }
    }
    if (unique.length === 0) return;
    const overwritten = saveBefore.run(keyList(unique)).changes;
    run(unique, true);
    for (const key of seen) written.add(hashKey(key));
    updated += overwritten;
    inserted += unique.length - overwritten;
  }

  /** writeMerging for rows laid out as statement parameters, as they stand when no key repeats. */
  function writeArraysMerging(arrays: readonly unknown[][], from: RowOrigins, rejections: RejectedValue[]): void {
    const keyRun = ascending?.see(arrays, width) ?? null;
    if (keyRun !== null) {
      const count = arrays.reduce((n, array) => n + array.length / width, 0);
      const keyValues = () => arrays.flatMap((a) => Array.from({ length: a.length / width }, (_, r) => a[r * width]));
      // Past the range the table held no key can exist yet: plain inserts (no conflict to resolve).
      const past = keyRun === 'past-held';
      const overwritten = past ? 0 : saveBefore.run(JSON.stringify(keyValues())).changes;
      for (const array of arrays) runWith(prepared(array.length / width, !past), array);
      hashesBehind = true;
      updated += overwritten;
      inserted += count - overwritten;
      return;
    }
    catchUpHashes();
    const keys: unknown[] = [];
    const hashes: number[] = [];
    const seen = new Set<string>();
    for (const array of arrays)
      for (let at = 0; at < array.length; at += width) {
        const key = keyAt(array, at);
        const hash = hashKey(key);
        // A hash an earlier batch wrote is only a maybe: the table says whether this import wrote the
        // key (with 1M keys about a hundred new ones share a hash with one written before).
        if (seen.has(key) || (written.mayHave(hash) && wroteEarlier(array, at)))
          return writeMerging(pendingRows(arrays, width, 0, from), rejections);
        seen.add(key);
        hashes.push(hash);
        keys.push(keyValueAt(array, at));
      }
    const overwritten = saveBefore.run(JSON.stringify(keys)).changes;
    for (const array of arrays) runWith(prepared(array.length / width, true), array);
    for (const hash of hashes) written.add(hash);
    updated += overwritten;
    inserted += keys.length - overwritten;
  }

  /** The indexes the load left out, built now; a repeated key found by the unique one is a duplicate. */
  function buildIndexes(rejections: RejectedValue[]): void {
    if (uniqueKey && origins) {
      // Rowids of a table empty at the start count up from its first row, one per insert.
      const first = (db.prepare(`SELECT min(rowid) FROM ${spec.table}`).pluck().get() as number | null) ?? 0;
      const removed = buildUniqueKey(db, uniqueKey, (rowid, key) => {
        const at = rowid - first;
        const { rows, lines, column } = origins;
        duplicate(
          { values: [], row: rows[at]!, line: lines[at]!, keyText: String(key), keyColumn: column },
          rejections,
        );
      });
      inserted -= removed;
    }
    restoreIndexes();
  }

  return {
    write(rows, rejections) {
      if (rows.length === 0) return;
      if (keyOrder?.inOrder)
        watchKeys(
          rows.map((r) => r.values[0]),
          0,
          1,
        );
      if (emptyAtStart) writeFresh(rows, rejections);
      else writeMerging(rows, rejections);
    },
    writeArrays(arrays, from, rejections) {
      if (arrays.length === 0) return;
      if (!emptyAtStart) return writeArraysMerging(arrays, from, rejections);
      if (origins) origins.column = from.keyColumn;
      if (keyOrder?.inOrder) for (const array of arrays) watchKeys(array, 0, width);
      // As writeFresh: a statement that meets a repeated key keeps the rows before it, and the rest
      // are redone row by row.
      let done = 0;
      for (const array of arrays) {
        const count = array.length / width;
        try {
          runWith(prepared(count, false), array);
        } catch (error) {
          if (!isConstraint(error)) throw error;
          const wrote = changesOfFailed(count);
          origins?.addRange(from.rows, from.lines, done, done + wrote);
          inserted += done + wrote;
          return writeFresh(pendingRows(arrays, width, done + wrote, from), rejections);
        }
        origins?.addRange(from.rows, from.lines, done, done + count);
        done += count;
      }
      inserted += done;
    },
    rowsPerStatement: perStatement,
    get inserted() {
      return inserted;
    },
    get updated() {
      return updated;
    },
    get duplicates() {
      return duplicates;
    },
    finish(rejections) {
      if (rebuilding) withSortSettings(db, () => buildIndexes(rejections));
      // A row the before-image look-up missed but the upsert overwrote would be counted as new and
      // could not be undone: refuse the import rather than commit that.
      const grown = added();
      if (grown !== inserted)
        throw new Error(
          `${spec.table}: ${inserted} rows counted as new, but ${grown} were added; nothing was imported`,
        );
    },
  };
}
