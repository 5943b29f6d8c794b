// The import feature's handlers (spread into the one handler map).
import type { Handler } from '#shared/api/dispatch';
import type { ImportMethodName } from '#shared/api/import-method-names';
import type { ImportHistoryEntry } from '#shared/import/report';
import type { ImportKind } from '#shared/domain/workspace';
import {
  importState,
  readOutcomeWords,
  readPhrases,
  replan,
  startAnalyze,
  startRun,
  undo,
  writeOutcomeWords,
  writePhrases,
} from '../import/import-service';
import { removeUpload } from '../http/upload';
import { requireWorkspace, type Session } from '../session';
import { all, type ImportRow } from '../store/rows';

/** The schema's CHECK constraint holds kind to the import kinds. */
type HistoryRow = ImportRow & { kind: ImportKind };

export const importHandlers: { [M in ImportMethodName]: Handler<M, Session> } = {
  'import.analyze': ({ path, kind, spec }, session) => ({
    jobId: startAnalyze(importState(session), path, kind, spec),
  }),
  'import.plan': ({ fileToken, kind, spec }, session) => replan(importState(session), fileToken, kind, spec),
  'import.run': ({ fileToken, kind, spec, dryRun }, session) => {
    const state = importState(session);
    const jobId = startRun(state, requireWorkspace(session), fileToken, kind, spec, dryRun);
    // A browser-mode upload is the user's data in our folder: gone once it is imported.
    const path = state.analyses.get(fileToken)?.path;
    if (!dryRun && path && session.uploads.has(path)) {
      void state.jobs.finished(jobId).then((phase) => {
        if (phase !== 'done') return;
        session.uploads.delete(path);
        removeUpload(path);
      });
    }
    return { jobId };
  },
  'import.job': ({ jobId }, session) => importState(session).jobs.status(jobId),
  'import.cancel': ({ jobId }, session) => ({ cancelled: importState(session).jobs.cancel(jobId) }),
  'import.history': (_args, session) =>
    all<HistoryRow>(requireWorkspace(session).db, 'SELECT * FROM imports ORDER BY id DESC LIMIT 500').map(
      (r): ImportHistoryEntry => ({
        id: r.id,
        fileName: r.file_name,
        kind: r.kind,
        bytes: r.file_size,
        sha256: r.sha256,
        rowsRead: r.rows_read,
        rowsImported: r.rows_imported,
        rowsRejected: r.rows_rejected,
        inserted: r.rows_inserted,
        updated: r.rows_updated,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        undoneAt: r.undone_at,
      }),
    ),
  'import.undo': ({ importId }, session) => undo(requireWorkspace(session), importId),
  'import.phrases': (_args, session) => readPhrases(requireWorkspace(session)),
  'import.setPhrases': (phrases, session) => writePhrases(requireWorkspace(session), phrases),
  'import.outcomeWords': (_args, session) => readOutcomeWords(requireWorkspace(session)),
  'import.setOutcomeWords': (words, session) => writeOutcomeWords(requireWorkspace(session), words),
};
