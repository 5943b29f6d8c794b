// Period-reader threads for big feature builds. Reading and laying out the period rows is most of a
// build (13 million rows at a million accounts × 13 weeks); reader threads (period-worker-entry.ts),
// each with its own connection, load the chunks ahead while this thread computes the one it has, so
// a build uses every core. What they load is what loadPeriodChunk loads here.
//
// Readers start only where they can help and see what this connection sees: a workspace file (not
// in memory), no transaction open on this connection (a reader would not see its writes), the
// bundled script present (the CLI and the app; tests running the TypeScript sources set
// LADDER_FEATURES_WORKER to a built one), and LADDER_FEATURE_READERS not 0.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { bundledWorkerPath } from '../bundled-worker';
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/sqlite';
import type { PeriodGrain } from '#shared/periods/calendar';
import type { ChunkOptions, PeriodChunk, PeriodInput } from './periods';

export interface PeriodReadRequest {
  id: number;
  /** The chunk's account keys, ascending. */
  keys: Int32Array;
  inputs: readonly PeriodInput[];
  asOf: string;
  asOfDay: number;
  /** The grain of accounts without rows, when this thread knows it; else the reader asks its connection. */
  defaultGrain: PeriodGrain | null;
}

export type PeriodReadReply = { id: number; chunk: PeriodChunk } | { id: number; error: string };

export interface PeriodReaders {
  readonly size: number;
  /** loadPeriodChunk for these accounts (keys ascending), in a reader thread. */
  read(keys: Int32Array, inputs: readonly PeriodInput[], options: ChunkOptions): Promise<PeriodChunk>;
  /** Stops the threads; reads still pending fail. */
  close(): void;
}

export const featuresWorkerPath = (): string | null =>
  bundledWorkerPath('LADDER_FEATURES_WORKER', 'features-worker.js');

/** How many reader threads: LADDER_FEATURE_READERS, else one per core (the building thread mostly waits). */
export function readerCount(): number {
  const set = process.env.LADDER_FEATURE_READERS;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(16, Number(set));
  return Math.min(4, availableParallelism());
}

/** Reader threads for `db`'s workspace, or null where they cannot be used (see the top of this file). */
export function openPeriodReaders(db: Db, count = readerCount()): PeriodReaders | null {
  const script = featuresWorkerPath();
  if (!script || count < 1 || db.memory || db.inTransaction || !existsSync(db.name)) return null;
  const pending = new Map<number, { resolve: (rows: PeriodChunk) => void; reject: (error: Error) => void }>();
  let closed = false;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(script, { workerData: { path: db.name } });
    worker.on('message', (reply: PeriodReadReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ('chunk' in reply) waiting.resolve(reply.chunk);
      else waiting.reject(new Error(`Reading the period rows failed: ${reply.error}`));
    });
    worker.on('error', (error) => failAll(new Error(`A period-reader thread failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (!closed) failAll(new Error(`A period-reader thread stopped (exit code ${code}).`));
    });
    return worker;
  });
  let next = 0;
  return {
    size: count,
    read(keys, inputs, { asOf, asOfDay, defaultGrain }) {
      if (closed) return Promise.reject(new Error('The period readers are closed.'));
      const id = next++;
      return new Promise<PeriodChunk>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const grain = typeof defaultGrain === 'function' ? null : defaultGrain;
        workers[id % count]!.postMessage({
          id,
          keys,
          inputs,
          asOf,
          asOfDay,
          defaultGrain: grain,
        } satisfies PeriodReadRequest);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      failAll(new Error('The period readers were closed.'));
      for (const w of workers) void w.terminate();
    },
  };
}
