// Runs pass one and pass two in the import worker thread when the bundled worker script is there
// (the CLI and the app), or on this thread otherwise (tests running the TypeScript sources). Either
// way the caller sees the same promises, progress and cancellation.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LadderError } from '#shared/api/result';
import { analyzeFile, type FileAnalysis } from './analyze';
import { ImportCancelled, ImportFailure } from './failure';
import type { Batch } from './batch';
import { produceRecords, type ProduceRequest, type ProduceSummary } from './produce';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export function workerScriptPath(): string | null {
  const fromEnv = process.env.LADDER_IMPORT_WORKER;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  try {
    const sibling = fileURLToPath(new URL('./import-worker.js', import.meta.url));
    return existsSync(sibling) ? sibling : null;
  } catch {
    return null;
  }
}

interface RunOptions {
  signal?: AbortSignal;
  maxRows?: number;
  onProgress?: (bytesRead: number, rows: number) => void;
}

function replyError(reply: Extract<WorkerReply, { type: 'error' }>): Error {
  if (reply.code === 'cancelled') return new ImportCancelled();
  if (reply.code === 'bad_request') return new ImportFailure(reply.message);
  return new LadderError('internal', `The import stopped: ${reply.message}`);
}

function inWorker<T>(
  script: string,
  request: WorkerRequest,
  options: RunOptions,
  onReply: (reply: WorkerReply, send: (m: WorkerRequest) => void) => T | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script);
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
    const send = (m: WorkerRequest) => worker.postMessage(m);
    worker.on('message', (reply: WorkerReply) => {
      if (settled) return;
      if (reply.type === 'error') return finish(() => reject(replyError(reply)));
      if (reply.type === 'progress') return options.onProgress?.(reply.bytesRead, reply.rows);
      try {
        const result = onReply(reply, send);
        if (result !== undefined) finish(() => resolve(result));
      } catch (error) {
        finish(() => reject(error));
      }
    });
    worker.on('error', (error) =>
      finish(() => reject(new LadderError('internal', `The import worker failed: ${error.message}`))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new LadderError('internal', `The import worker stopped (exit code ${code}).`))),
    );
    send(request);
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
  return inWorker(script, { type: 'analyze', path, sheet, maxRows: options.maxRows }, options, (reply) =>
    reply.type === 'analysis' ? reply.analysis : undefined,
  );
}

/** `onBatch` runs on this thread (it writes to SQLite); the worker waits for it between batches. */
export function produceInBackground(
  request: ProduceRequest,
  onBatch: (batch: Batch) => void,
  options: RunOptions = {},
): Promise<ProduceSummary> {
  const script = workerScriptPath();
  if (!script) return produceRecords(request, onBatch, options.signal);
  return inWorker(script, { type: 'produce', request }, options, (reply, send) => {
    if (reply.type === 'batch') {
      onBatch(reply.batch);
      // Acknowledge on the next turn of the event loop: Node delivers every message already queued
      // in one go, so an immediate ack would let the worker keep the queue full and starve HTTP and
      // IPC requests (progress, cancel) for seconds.
      setImmediate(() => send({ type: 'ack' }));
      return undefined;
    }
    return reply.type === 'produced' ? reply.summary : undefined;
  });
}
