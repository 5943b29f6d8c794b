// Exports as the app asks for them: measured on the cached scored workspace (features computed
// once per workspace and date, the engine once per pack, the validation block with its golden
// cases once per pack and data), with the job's progress kept up to date and its cancel obeyed.
// A preview of a features or scored file whose features are not computed yet is made from the
// first accounts only (each account's row is its own). The whole workspace is scored when a Save,
// another format or the workbench needs it — not behind the preview, where its chunks would hold
// up every answer until it is done.
import { LadderError } from '#shared/api/result';
import type { ValidPack } from '#shared/pack/validate';
import { derivedOnce, scoreCached, scoreHead, scoreReady } from '../scoring/scored-cache';
import type { Workspace } from '../store/open-workspace';
import type { ExportJob } from './export-jobs';
import { needsScoring, produceExport, type ExportOutput, type ExportRequest } from './export-service';
import { validationBlock } from './pack-document';

export interface PreviewOptions {
  /** The preview's length in characters (the dialog asks for 64 kB). */
  chars: number;
  /** Accounts the head of the file is made from (default: enough rows for `chars` of any row). */
  headAccounts?: number;
}

/** A row of a features or scored CSV is at least this long (an id, a separator and a value per column, a newline). */
const shortestRow = 16;

export async function prepareExport(
  ws: Workspace | null,
  valid: ValidPack,
  request: ExportRequest,
  job: ExportJob,
  preview?: PreviewOptions,
): Promise<ExportOutput & { headAccounts?: number }> {
  if (!needsScoring(ws, request)) return produceExport(ws, valid, request);
  if (!ws) throw new LadderError('no_workspace', 'This export needs a workspace: open one first.');
  job.progress = { phase: 'features', done: 0, total: 0 };
  if (preview) {
    const head = await headPreview(ws, valid, request, job, preview);
    if (head) return head;
  }
  const scored = await scoreCached(ws, valid, request.asOf, {
    signal: job.controller.signal,
    onProgress: (p) => (job.progress = { phase: 'features', done: p.accountsDone, total: p.accountsTotal }),
  });
  const isPack = request.format === 'pack-json' || request.format === 'pack-yaml';
  const validation = isPack ? derivedOnce(scored, 'validation', () => validationBlock(ws, valid, scored)) : undefined;
  return produceExport(ws, valid, request, { scored, ...(validation ? { validation } : {}) });
}

/**
 * The preview from the first accounts, when the pack's features are not there yet and the head of
 * the file is all the preview shows: null when it would not fill the preview (then the whole is scored).
 */
async function headPreview(
  ws: Workspace,
  valid: ValidPack,
  request: ExportRequest,
  job: ExportJob,
  { chars, headAccounts = Math.ceil(chars / shortestRow) + 1 }: PreviewOptions,
): Promise<(ExportOutput & { headAccounts: number }) | null> {
  const byRows = request.format === 'scored-csv' || request.format === 'features-csv';
  // Only some accounts (given ids, an owner's book): the first rows are not the first accounts.
  const everyAccount = request.accounts === undefined && request.owner === undefined;
  if (!byRows || !everyAccount || scoreReady(ws, valid, request.asOf)) return null;
  const { scored, total } = await scoreHead(ws, valid, headAccounts, request.asOf, { signal: job.controller.signal });
  if (total <= headAccounts) return null; // the head is the whole: score it the usual way (and cache it)
  const output = produceExport(ws, valid, request, { scored });
  if (output.kind !== 'text') return null;
  let length = 0;
  for (const line of output.lines()) if ((length += line.length) > chars) break;
  if (length <= chars) return null;
  return { ...output, rows: total, headAccounts };
}
