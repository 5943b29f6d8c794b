// Long imports as jobs the UI can watch and cancel: `start` returns at once with a job id; the
// work runs (reading in a worker thread, writing in short batches) while the backend keeps
// answering; `status` gives bytes, rows, rows/s and ETA, and the result or the error.
import { randomUUID } from 'node:crypto';
import { LadderError } from '#shared/api/result';
import type { ImportJobStatus, ImportProgress } from '#shared/import/report';
import { toErrorResult } from '#shared/api/dispatch';
import { ImportCancelled } from './failure';
import { logProblem } from '../log-problem';

export type JobPhase = ImportProgress['phase'];

export type JobStatus<R> = ImportJobStatus<R>;

interface Job {
  controller: AbortController;
  done: Promise<void>;
  progress: ImportProgress;
  startedAt: number;
  result: unknown;
  error: { code: string; message: string } | null;
  finishedAt: number | null;
}

export interface JobContext {
  signal: AbortSignal;
  report(bytesRead: number, rows: number, phase?: JobPhase): void;
}

const keepFinished = 50;

export function createJobRunner() {
  const jobs = new Map<string, Job>();
  const prune = () => {
    const finished = [...jobs.entries()]
      .filter(([, j]) => j.finishedAt !== null)
      .sort((a, b) => a[1].finishedAt! - b[1].finishedAt!);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - keepFinished))) jobs.delete(id);
  };
  return {
    start<R>(bytesTotal: number, phase: JobPhase, work: (ctx: JobContext) => Promise<R>): string {
      const jobId = randomUUID();
      let settle = () => {};
      const job: Job = {
        controller: new AbortController(),
        done: new Promise<void>((resolve) => (settle = resolve)),
        progress: { jobId, phase, bytesRead: 0, bytesTotal, rows: 0, rowsPerSecond: 0, etaSeconds: null },
        startedAt: Date.now(),
        result: null,
        error: null,
        finishedAt: null,
      };
      jobs.set(jobId, job);
      const ctx: JobContext = {
        signal: job.controller.signal,
        report(bytesRead, rows, next) {
          const seconds = (Date.now() - job.startedAt) / 1000;
          const rate = seconds > 0 ? rows / seconds : 0;
          const byteRate = seconds > 0 ? bytesRead / seconds : 0;
          job.progress = {
            ...job.progress,
            phase: next ?? job.progress.phase,
            bytesRead,
            rows,
            rowsPerSecond: Math.round(rate),
            etaSeconds:
              byteRate > 0 && seconds > 0.5 ? Math.max(0, Math.round((bytesTotal - bytesRead) / byteRate)) : null,
          };
        },
      };
      void work(ctx).then(
        (result) => {
          job.result = result;
          job.progress = { ...job.progress, phase: 'done', bytesRead: bytesTotal, etaSeconds: 0 };
          job.finishedAt = Date.now();
          prune();
          settle();
        },
        (error: unknown) => {
          const cancelled = error instanceof ImportCancelled || job.controller.signal.aborted;
          const outcome = toErrorResult(cancelled ? new ImportCancelled() : error, (e) =>
            logProblem('Unexpected error in an import job', e),
          );
          job.error = outcome.ok ? null : outcome.error;
          job.progress = { ...job.progress, phase: cancelled ? 'cancelled' : 'failed', etaSeconds: null };
          job.finishedAt = Date.now();
          prune();
          settle();
        },
      );
      return jobId;
    },
    status<R>(jobId: string): JobStatus<R> {
      const job = jobs.get(jobId);
      if (!job)
        throw new LadderError(
          'not_found',
          'That import job is unknown (it may have finished long ago); start it again.',
        );
      return { progress: job.progress, result: job.result as R | null, error: job.error };
    },
    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job || job.finishedAt !== null) return false;
      job.controller.abort(new ImportCancelled());
      return true;
    },
    /** Resolves with the job's final phase once it has finished. */
    async finished(jobId: string): Promise<JobPhase | null> {
      const job = jobs.get(jobId);
      if (!job) return null;
      await job.done;
      return job.progress.phase;
    },
    /** Resolves when no job is running (tests and shutdown). */
    running: () => [...jobs.values()].filter((j) => j.finishedAt === null).length,
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
