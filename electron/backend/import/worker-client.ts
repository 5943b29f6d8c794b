// Runs pass one and pass two in the import worker thread when the bundled worker script is there
// (the CLI and the app), or on this thread otherwise (tests running the TypeScript sources). Either
// way the caller sees the same promises, progress and cancellation.
import { bundledWorkerPath } from '../bundled-worker';
import { Worker, type TransferListItem } from 'node:worker_threads';
import { LadderError } from '#shared/api/result';
import { importLimits } from './sources/limits';
import { createCaller, type RemoteFailure, type ReplyEnvelope } from '#shared/request-reply';
import { analyzeFile, type FileAnalysis } from './analyze';
import { ImportCancelled, ImportFailure } from './failure';
import type { Batch } from './batch';
import { produceRecords, type ProduceRequest, type ProduceSummary } from './produce';
import type { WorkerEvent, WorkerInbound, WorkerReplies, WorkerRequest } from './worker-protocol';

export const workerScriptPath = (): string | null => bundledWorkerPath('LADDER_IMPORT_WORKER', 'import-worker.js');

interface RunOptions {
  signal?: AbortSignal;
  maxRows?: number;
  onProgress?: (bytesRead: number, rows: number) => void;
}

function failureError(failure: RemoteFailure): Error {
  if (failure.code === 'cancelled') return new ImportCancelled();
  if (failure.code === 'bad_request') return new ImportFailure(failure.message);
  return new LadderError('internal', `The import stopped: ${failure.message}`);
}

// A bounded heap: a file that makes the reader grow without end stops the worker, not the app.
const startWorker = (script: string) =>
  new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: importLimits.workerHeapMb, stackSizeMb: 8 } });

/** A worker started ahead of its request, so its start-up overlaps other work; never reused. */
let spare: { worker: Worker; script: string; alive: boolean } | null = null;
const spareIdleMs = 30_000;

/**
 * Starts the worker for the next request now (pass two's, while pass one reads its sample): it
 * loads its code on the other core instead of after pass one. Unused, it ends after a while, and
 * never keeps the process alive.
 */
export function prepareWorker(): void {
  const script = workerScriptPath();
  if (!script || spare) return;
  const worker = startWorker(script);
  const entry = { worker, script, alive: true };
  spare = entry;
  worker.unref();
  const dead = () => {
    entry.alive = false;
    if (spare === entry) spare = null;
  };
  worker.once('error', dead);
  worker.once('exit', dead);
  setTimeout(() => {
    if (spare !== entry) return;
    spare = null;
    void worker.terminate();
  }, spareIdleMs).unref();
}

function takeSpare(script: string): Worker | null {
  const entry = spare;
  spare = null;
  if (!entry) return null;
  if (!entry.alive || entry.script !== script) {
    void entry.worker.terminate();
    return null;
  }
  entry.worker.ref();
  return entry.worker;
}

/** One request in a worker of its own (ended when the request settles or is cancelled). */
function inWorker<O extends WorkerRequest['op']>(
  script: string,
  request: Extract<WorkerRequest, { op: O }>,
  options: RunOptions,
  onBatch?: (batch: Batch, ack: () => void) => void,
): Promise<WorkerReplies[O]> {
  return new Promise<WorkerReplies[O]>((resolve, reject) => {
    const worker = takeSpare(script) ?? startWorker(script);
    const post = (message: WorkerInbound, transfer: TransferListItem[] = []) => worker.postMessage(message, transfer);
    const caller = createCaller<WorkerRequest, WorkerReplies, WorkerEvent, TransferListItem>(post, failureError);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(new ImportCancelled()));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (reply: ReplyEnvelope<WorkerEvent>) => {
      if (!settled) caller.receive(reply);
    });
    worker.on('error', (error: Error & { code?: string }) =>
      caller.failAll(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ImportFailure(
              `Reading the file needed more than ${importLimits.workerHeapMb.toLocaleString('en-US')} MB of memory, so Ladder stopped; export it as CSV (or in smaller parts) and import that.`,
            )
          : new LadderError('internal', `The import worker failed: ${error.message}`),
      ),
    );
    worker.on('exit', (code) =>
      caller.failAll(new LadderError('internal', `The import worker stopped (exit code ${code}).`)),
    );
    const onEvent = (event: WorkerEvent) => {
      if (event.type === 'progress') return options.onProgress?.(event.bytesRead, event.rows);
      try {
        onBatch?.(event.batch, () => post({ op: 'ack' }));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    caller.call(request, { onEvent }).then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

export function analyzeInBackground(
  path: string,
  sheet: string | undefined,
  options: RunOptions = {},
): Promise<FileAnalysis> {
  const script = workerScriptPath();
  if (!script)
    return analyzeFile(path, {
      sheet,
      signal: options.signal,
      onProgress: options.onProgress,
      maxRows: options.maxRows,
    });
  return inWorker(script, { op: 'analyze', path, sheet, maxRows: options.maxRows }, options);
}

/** `onBatch` runs on this thread (it writes to SQLite); the worker waits for it between batches. */
export function produceInBackground(
  request: ProduceRequest,
  onBatch: (batch: Batch) => void,
  options: RunOptions = {},
): Promise<ProduceSummary> {
  const script = workerScriptPath();
  if (!script) return produceRecords(request, onBatch, options.signal);
  return inWorker(script, { op: 'produce', request }, options, (batch, ack) => {
    onBatch(batch);
    // Acknowledge on the next turn of the event loop: Node delivers every message already queued
    // in one go, so an immediate ack would let the worker keep the queue full and starve HTTP and
    // IPC requests (progress, cancel) for seconds.
    setImmediate(ack);
  });
}
