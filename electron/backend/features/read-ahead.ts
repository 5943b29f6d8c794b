// A feature computation with its chunks' period rows loaded ahead by reader threads: while this
// thread computes chunk k (or still reads the accounts), the readers load the next chunks. The
// chunks, their rows and the computation are those of featureColumnSteps, so the features are the
// same (tested).
import { isoToDay } from '#shared/dates';
import type { FeatureSpec } from '#shared/engine/features';
import type { ValidPack } from '#shared/pack/validate';
import type { Db } from '../store/sqlite';
import { readAccountKeys } from './accounts';
import type { FeatureProgress, FeatureRun } from './build';
import { readHistory } from './history';
import { planInputs } from './inputs';
import { openPeriodReaders, type PeriodReaders } from './period-readers';
import type { ChunkOptions, PeriodChunk, PeriodInput } from './periods';

/** Chunks of `chunkAccounts` accounts, in order, each requested `depth` chunks before it is taken. */
export interface ChunkStream {
  readonly keys: Int32Array;
  readonly chunkAccounts: number;
  readonly periodInputs: readonly PeriodInput[];
  next(): Promise<PeriodChunk>;
}

export function streamChunks(
  readers: PeriodReaders,
  keys: Int32Array,
  periodInputs: readonly PeriodInput[],
  options: ChunkOptions,
  chunkAccounts: number,
  depth = readers.size + 1,
): ChunkStream {
  const n = keys.length;
  const chunks = Math.ceil(n / chunkAccounts);
  const queue: Promise<PeriodChunk>[] = [];
  let requested = 0;
  const request = () => {
    const from = requested++ * chunkAccounts;
    const read = readers.read(keys.slice(from, Math.min(n, from + chunkAccounts)), periodInputs, options);
    read.catch(() => undefined); // awaited in order by next(); one left behind by a cancel must not be unhandled
    queue.push(read);
  };
  while (requested < chunks && queue.length < depth) request();
  return {
    keys,
    chunkAccounts,
    periodInputs,
    next() {
      const chunk = queue.shift();
      if (!chunk) return Promise.reject(new Error('Every chunk was taken already.'));
      if (requested < chunks) request();
      return chunk;
    },
  };
}

/** Whether the stream's chunks are those `run` needs (same accounts, inputs and chunk size). */
export function streamFits(stream: ChunkStream, run: FeatureRun, keys: Int32Array, chunkAccounts: number): boolean {
  return (
    stream.chunkAccounts === chunkAccounts &&
    stream.keys.length === keys.length &&
    stream.keys.every((k, i) => k === keys[i]) &&
    JSON.stringify(stream.periodInputs) === JSON.stringify(run.periodInputs)
  );
}

export async function readAhead(
  run: FeatureRun,
  stream: ChunkStream,
  onProgress?: (progress: FeatureProgress) => void,
  checkCancelled?: () => void,
): Promise<Map<string, Float64Array>> {
  const n = run.accounts;
  const { chunkAccounts } = stream;
  for (let from = 0; from < n; from += chunkAccounts) {
    const chunk = await stream.next();
    checkCancelled?.();
    const to = Math.min(n, from + chunkAccounts);
    run.compute(from, to, chunk);
    onProgress?.({ accountsDone: to, accountsTotal: n });
    // Let queued requests (progress, cancel, the UI's) run between chunks, as the in-thread build does.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return run.output;
}

/** Chunks whose loading started before the account inputs were read, and their readers. */
export interface Prefetch {
  readonly stream: ChunkStream;
  close(): void;
}

/**
 * Starts loading the chunks a computation of `specs` reads, for the workspace's accounts as they
 * are now, before the account inputs are read (seconds at a million accounts), so that read overlaps
 * the readers'. Null where readers would not help or cannot run.
 */
export function prefetchChunks(
  db: Db,
  valid: ValidPack,
  asOf: string,
  specs: readonly FeatureSpec[],
  chunkAccounts: number,
): Prefetch | null {
  if (specs.length === 0) return null;
  const keys = readAccountKeys(db);
  const readers = keys.length > chunkAccounts ? openPeriodReaders(db) : null;
  if (!readers) return null;
  try {
    const metrics = specs.map((s) => s.metric);
    const periodInputs = planInputs(db, valid, metrics, asOf).period;
    const { defaultGrain } = readHistory(db, periodInputs, asOf);
    const options = { asOf, asOfDay: isoToDay(asOf), defaultGrain };
    // Deep enough to keep the readers busy while this thread reads the accounts.
    const stream = streamChunks(readers, keys, periodInputs, options, chunkAccounts, 2 * readers.size + 1);
    return { stream, close: () => readers.close() };
  } catch (error) {
    readers.close();
    throw error;
  }
}

/** `load()`, closing the prefetch when it throws: its readers must not outlive a load that failed. */
export function closingOnFailure<T>(prefetched: Prefetch | null, load: () => T): T {
  try {
    return load();
  } catch (error) {
    prefetched?.close();
    throw error;
  }
}
