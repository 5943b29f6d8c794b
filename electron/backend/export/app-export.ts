// Exports as the app asks for them: measured on the cached scored workspace (features computed
// once per workspace and date, the engine once per pack, the validation block with its golden
// cases once per pack and data), with the job's progress kept up to date and its cancel obeyed.
import { LadderError } from '#shared/api/result';
import type { ValidPack } from '#shared/pack/validate';
import { derivedOnce, scoreCached } from '../scoring/scored-cache';
import type { Workspace } from '../store/open-workspace';
import type { ExportJob } from './export-jobs';
import { needsScoring, produceExport, type ExportOutput, type ExportRequest } from './export-service';
import { validationBlock } from './pack-document';

export async function prepareExport(
  ws: Workspace | null,
  valid: ValidPack,
  request: ExportRequest,
  job: ExportJob,
): Promise<ExportOutput> {
  if (!needsScoring(ws, request)) return produceExport(ws, valid, request);
  if (!ws) throw new LadderError('no_workspace', 'This export needs a workspace: open one first.');
  job.progress = { phase: 'features', done: 0, total: 0 };
  const scored = await scoreCached(ws, valid, request.asOf, {
    signal: job.controller.signal,
    onProgress: (p) => (job.progress = { phase: 'features', done: p.accountsDone, total: p.accountsTotal }),
  });
  const isPack = request.format === 'pack-json' || request.format === 'pack-yaml';
  const validation = isPack ? derivedOnce(scored, 'validation', () => validationBlock(ws, valid, scored)) : undefined;
  return produceExport(ws, valid, request, { scored, ...(validation ? { validation } : {}) });
}
