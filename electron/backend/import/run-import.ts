// Pass two and the commit: records stream in from the reader (a worker thread when available)
// and are written inside ONE transaction on a connection of their own. Nothing is visible to
// anyone until COMMIT; a failure, a cancel, a dry run or `abort` with rejected rows rolls it all
// back, so the workspace is exactly as it was.
import { planToMapping, type ImportPlan, type PhraseLists } from '../../../shared/import/mapping';
import type { ImportReport, RejectedValue } from '../../../shared/import/report';
import { connect, type Db } from '../store/sqlite';
import { summarizeSource, type FileAnalysis } from './analyze';
import { ImportFailure } from './failure';
import { unpackBatch } from './produce';
import { produceInBackground } from './worker-client';
import { createKindWriter } from './write/kind-writer';

export interface RunImportOptions {
  workspacePath: string;
  analysis: FileAnalysis;
  plan: ImportPlan;
  dryRun: boolean;
  phrases?: PhraseLists;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, rows: number) => void;
}

const maxRejectedListed = 1000;

function openForImport(path: string): Db {
  const db = connect(path, { fileMustExist: true });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -131072'); // 128 MB of page cache for the bulk load
  return db;
}

export async function runImport(o: RunImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const { analysis, plan } = o;
  if (plan.blockers.length > 0) throw new ImportFailure(plan.blockers.join(' '));
  const db = openForImport(o.workspacePath);
  try {
    db.exec('BEGIN IMMEDIATE');
    const mapping = JSON.stringify(planToMapping(plan, { sheet: analysis.info.sheet, ticketPhrases: o.phrases }));
    const now = new Date().toISOString();
    const importId = Number(
      db
        .prepare(`INSERT INTO imports (file_name, file_size, sha256, kind, mapping, rows_read, rows_imported, rows_rejected, started_at, finished_at)
                  VALUES (?, ?, '', ?, ?, 0, 0, 0, ?, ?)`)
        .run(analysis.fileName, analysis.bytes, plan.kind, mapping, now, now).lastInsertRowid,
    );
    const sourceOf = (field: string) => plan.columns.find((c) => c.field === field && !c.skip)?.source ?? field;
    const mappedFields = new Set([...plan.columns.filter((c) => c.field && !c.skip).map((c) => c.field!), ...plan.constants.map((c) => c.field)]);
    const writer = createKindWriter(db, importId, {
      kind: plan.kind,
      mappedFields,
      hasCustom: plan.columns.some((c) => !c.skip && c.field === null) || plan.onError === 'text',
      sourceOf,
      phrases: o.phrases,
    });
    const rejected: RejectedValue[] = [];
    let rejectedCount = 0;
    let records = 0;
    const keep = (list: RejectedValue[]) => {
      rejectedCount += list.length;
      for (const r of list) if (rejected.length < maxRejectedListed) rejected.push(r);
    };
    const summary = await produceInBackground(
      { path: analysis.path, fileName: analysis.fileName, bytes: analysis.bytes, mtimeMs: analysis.mtimeMs, info: analysis.info, headers: analysis.headers, plan },
      (batch) => {
        const found: RejectedValue[] = [...batch.rejections];
        const batchRecords = unpackBatch(batch);
        records += batchRecords.length;
        writer.add(batchRecords, found);
        keep(found);
        o.onProgress?.(batch.bytesRead, batch.rowsRead);
      },
      { signal: o.signal },
    );
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
      warnings: analysis.warnings,
      durationMs: Date.now() - started,
    };
    if (!committing) {
      db.exec('ROLLBACK');
      return report;
    }
    db.prepare(
      `UPDATE imports SET sha256 = ?, rows_read = ?, rows_imported = ?, rows_rejected = ?, rows_inserted = ?, rows_updated = ?,
              finished_at = ?, report = ? WHERE id = ?`,
    ).run(summary.sha256, report.rowsRead, rowsImported, rowsRejected, c.inserted, c.updated, new Date().toISOString(), JSON.stringify({ ...report, rejected: report.rejected.slice(0, 100) }), importId);
    db.exec('COMMIT');
    return report;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.close();
  }
}
