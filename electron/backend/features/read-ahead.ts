// A feature computation with its chunks' period rows loaded ahead by reader threads: while this
// thread computes chunk k (or still reads the accounts), the readers load the next chunks. The
// chunks, their rows and the computation are those of featureColumnSteps, so the features are the
// same (tested).
import type { FeatureProgress, FeatureRun } from './build';
import type { PeriodReaders } from './period-readers';
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

export async function readAhead(
  run: FeatureRun,
  stream: ChunkStream,
  onProgress?: (progress: FeatureProgress) => void,
  checkCancelled?: () => void,
): Promise<Map<string, Float64Array>> {
  const n = run.accounts;
  const { chunkAccounts } = stream;
  if (stream.keys.length !== n || JSON.stringify(stream.periodInputs) !== JSON.stringify(run.periodInputs))
    throw new Error('The chunks were requested for other accounts or inputs than this computation.');
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
