// Long exports (scoring 100,000 accounts, writing their CSV) run as jobs the app can watch and stop:
// the caller names the job, `export.progress` reports its phase and counts, `export.cancel` aborts
// it. Work yields to the event loop between chunks, so those calls are answered while it runs.
import { LadderError } from '#shared/api/result';
import type { ExportProgress } from '#shared/api/export-contract';

export interface ExportJob {
  controller: AbortController;
  progress: ExportProgress;
}

const jobsOf = new WeakMap<object, Map<string, ExportJob>>();

function jobs(owner: object): Map<string, ExportJob> {
  let map = jobsOf.get(owner);
  if (!map) jobsOf.set(owner, (map = new Map()));
  return map;
}

/** Runs `work` as the job `id` (anonymous when undefined), removing it when it ends. */
export async function runExportJob<T>(
  owner: object,
  id: string | undefined,
  work: (job: ExportJob) => Promise<T>,
): Promise<T> {
  const job: ExportJob = { controller: new AbortController(), progress: { phase: 'preparing', done: 0, total: 0 } };
  const map = jobs(owner);
  if (id !== undefined) {
    map.get(id)?.controller.abort(); // the same id again replaces the older job
    map.set(id, job);
  }
  try {
    return await work(job);
  } catch (error) {
    if (job.controller.signal.aborted)
      throw new LadderError('cancelled', 'The export was cancelled; nothing was written.');
    throw error;
  } finally {
    if (id !== undefined && map.get(id) === job) map.delete(id);
  }
}

export function exportProgress(owner: object, id: string): ExportProgress & { running: boolean } {
  const job = jobs(owner).get(id);
  return job ? { running: true, ...job.progress } : { running: false, phase: 'done', done: 0, total: 0 };
}

export function cancelExport(owner: object, id: string): boolean {
  const job = jobs(owner).get(id);
  job?.controller.abort();
  return job !== undefined;
}

/** Lets progress and cancel requests in, then stops if the job was cancelled. */
export async function checkpoint(job: ExportJob): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (job.controller.signal.aborted)
    throw new LadderError('cancelled', 'The export was cancelled; nothing was written.');
}
