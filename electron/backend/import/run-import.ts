// Pass two and the commit: records stream in from the reader (a worker thread when available)
// and are written inside ONE transaction on a connection of their own. Nothing is visible to
// anyone until COMMIT; a failure, a cancel, a dry run or `abort` with rejected rows rolls it all
// back, so the workspace is exactly as it was.
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import {
  planToMapping,
  type ColumnPlan,
  type ImportPlan,
  type MappingSpec,
  type PhraseLists,
} from '#shared/import/mapping';
import { outcomeWarnings } from '#shared/import/outcome-rules';
import { activityColumns, rollUpSentence } from '#shared/import/roll-up';
import { suggestPlan } from '#shared/import/suggest';
import type { ImportReport, RejectedValue } from '#shared/import/report';
import { LadderError } from '#shared/api/result';
import { summarizeSource, type FileAnalysis } from './analyze';
import { ImportFailure } from './failure';
import { closeImport, openForImport } from './import-connection';
import { sha256File } from './file-hash';
import { produceInBackground } from './worker-client';
import { createKindWriter } from './write/kind-writer';

export interface RunImportOptions {
  workspacePath: string;
  analysis: FileAnalysis;
  plan: ImportPlan;
  dryRun: boolean;
  phrases?: PhraseLists;
  /** What the plan was made from: needed to re-plan when pass one only read a sample. */
  spec?: MappingSpec;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, rows: number) => void;
}

const maxRejectedListed = 1000;

const decisive = (c: ColumnPlan) =>
  [c.field, c.skip, c.type, c.dateOrder, c.needsDateOrder, c.numericDates, c.percentScale].join('|');

/**
 * The columns whose plan depends on their values: dates (day/month order, serials), and columns
 * typed or matched from their contents. A column the preset or the user typed does not.
 */
export const valueDependentColumns = (plan: ImportPlan): number[] =>
  plan.columns.filter((c) => c.confidence < 1 || c.type === 'date' || c.type === 'datetime').map((c) => c.index);

/** The columns pass two profiles over the whole file, going on from pass one's sample. */
function watchedProfiles(analysis: FileAnalysis, plan: ImportPlan) {
  const profileColumns = valueDependentColumns(plan);
  return {
    profileColumns,
    profilesSoFar: { rows: analysis.rowsRead, profiles: profileColumns.map((i) => analysis.profiles[i]!) },
  };
}

/** About how many rows the file has: all of them when pass one read it whole, else from the preview's row size. */
export function expectedRows(a: Pick<FileAnalysis, 'complete' | 'rowsRead' | 'bytes' | 'preview'>): number {
  if (a.complete || a.preview.length === 0) return a.rowsRead;
  const chars = a.preview.reduce((sum, row) => sum + row.reduce((n, cell) => n + cell.length + 1, 0), 0);
  return Math.max(a.rowsRead, Math.round(a.bytes / (chars / a.preview.length)));
}

/** Does the plan made from the first rows still hold for the whole file? */
export function samePlan(a: ImportPlan, b: ImportPlan): boolean {
  return (
    a.blockers.length === b.blockers.length &&
    a.columns.length === b.columns.length &&
    a.columns.every((c, i) => decisive(c) === decisive(b.columns[i]!))
  );
}

export async function runImport(o: RunImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const { analysis, plan } = o;
  if (plan.blockers.length > 0) throw new ImportFailure(plan.blockers.join(' '));
  const connection = openForImport(o.workspacePath, plan.kind, expectedRows(analysis));
  const { db } = connection;
  try {
    db.exec('BEGIN IMMEDIATE');
    const mapping = JSON.stringify(planToMapping(plan, { sheet: analysis.info.sheet, ticketPhrases: o.phrases }));
    const now = new Date().toISOString();
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (file_name, file_size, sha256, kind, mapping, rows_read, rows_imported, rows_rejected, started_at, finished_at)
                  VALUES (?, ?, '', ?, ?, 0, 0, 0, ?, ?)`,
        )
        .run(analysis.fileName, analysis.bytes, plan.kind, mapping, now, now).lastInsertRowid,
    );
    const sourceOf = (field: string) => plan.columns.find((c) => c.field === field && !c.skip)?.source ?? field;
    const mappedFields = new Set([
      ...plan.columns.filter((c) => c.field && !c.skip).map((c) => c.field!),
      ...plan.constants.map((c) => c.field),
    ]);
    const writer = createKindWriter(db, importId, {
      kind: plan.kind,
      mappedFields,
      hasCustom: plan.columns.some((c) => !c.skip && c.field === null) || plan.onError === 'text',
      sourceOf,
      phrases: o.phrases,
      outcomeRules: plan.outcomes,
      rollUp: plan.rollUp ? activityColumns(plan.columns) : null,
      expectedRows: expectedRows(analysis),
    });
    const rejected: RejectedValue[] = [];
    let rejectedCount = 0;
    let records = 0;
    const keep = (list: RejectedValue[]) => {
      rejectedCount += list.length;
      for (const r of list) if (rejected.length < maxRejectedListed) rejected.push(r);
    };
    const hashing = sha256File(analysis.path, o.signal);
    hashing.catch(() => {}); // a cancel aborts it too; the outcome is awaited below or not at all
    const summary = await produceInBackground(
      {
        path: analysis.path,
        fileName: analysis.fileName,
        bytes: analysis.bytes,
        mtimeMs: analysis.mtimeMs,
        info: analysis.info,
        headers: analysis.headers,
        plan,
        ...(analysis.complete ? {} : watchedProfiles(analysis, plan)),
      },
      (batch) => {
        const found: RejectedValue[] = [...batch.rejections];
        records += batch.count;
        writer.addBatch(batch, found);
        keep(found);
        o.onProgress?.(batch.bytesRead, batch.rowsRead);
      },
      { signal: o.signal },
    );
    if (!analysis.complete) {
      const profiles = analysis.profiles.map((p, i) => summary.profiles?.[i] ?? p);
      // Pass one read only the first rows. The whole column decides: if the full profiles give a
      // different plan (a day-first date on row 90,000, a stray text in a number column), this
      // pass is rolled back and the file is read again under the plan the whole file supports.
      const full = suggestPlan({ kind: plan.kind, headers: analysis.headers, profiles, spec: o.spec ?? {} });
      if (!samePlan(plan, full)) {
        closeImport(connection);
        if (full.blockers.length > 0) throw new ImportFailure(`${analysis.fileName}: ${full.blockers.join(' ')}`);
        return runImport({
          ...o,
          analysis: { ...analysis, profiles, rowsRead: summary.rowsRead, complete: true },
          plan: full,
        });
      }
    }
    const tail: RejectedValue[] = [];
    writer.finish(tail);
    keep(tail);
    const c = writer.counts;
    const rowsRejected = summary.rowsRead - records + c.rejectedRows;
    const rowsImported = records - c.rejectedRows;
    const committing = !o.dryRun && rowsImported > 0 && (plan.onError !== 'abort' || rowsRejected === 0);
    const report: ImportReport = {
      importId: committing ? importId : null,
      kind: plan.kind,
      source: summarizeSource(analysis),
      dryRun: o.dryRun,
      committed: committing,
      onError: plan.onError,
      rowsRead: summary.rowsRead,
      rowsImported,
      rowsRejected,
      rowsWithTextKept: summary.rowsWithTextKept,
      inserted: c.inserted,
      updated: c.updated,
      duplicates: c.duplicates,
      orphans: c.orphans,
      periodsWritten: c.periodsWritten,
      rejected: [...rejected].sort((a, b) => a.row - b.row),
      rejectedTruncated: rejectedCount > rejected.length,
      columns: summary.columns,
      warnings: [
        ...analysis.warnings,
        ...plan.notes,
        ...(writer.outcomes ? outcomeWarnings(writer.outcomes) : []),
        ...(writer.rollUp ? [rollUpSentence(writer.rollUp, activityColumns(plan.columns))] : []),
      ],
      outcomes: writer.outcomes,
      rollUp: writer.rollUp,
      durationMs: Date.now() - started,
    };
    if (!committing) {
      db.exec('ROLLBACK');
      return report;
    }
    const sha256 = await hashing;
    db.prepare(
      `UPDATE imports SET sha256 = ?, rows_read = ?, rows_imported = ?, rows_rejected = ?, rows_inserted = ?, rows_updated = ?,
              finished_at = ?, report = ? WHERE id = ?`,
    ).run(
      sha256,
      report.rowsRead,
      rowsImported,
      rowsRejected,
      c.inserted,
      c.updated,
      new Date().toISOString(),
      JSON.stringify({ ...report, rejected: report.rejected.slice(0, 100) }),
      importId,
    );
    db.exec('COMMIT');
    return report;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    // Another writer held the workspace past busy_timeout (SQLITE_BUSY and its extended codes).
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY'))
      throw new LadderError(
        'conflict',
        `Another import (or another program) is writing to ${basename(o.workspacePath)}; wait for it to finish, then import ${analysis.fileName} again. Nothing was imported.`,
      );
    throw error;
  } finally {
    closeImport(connection);
  }
}
