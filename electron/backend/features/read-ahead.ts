// A feature computation with its chunks' period rows loaded ahead by reader threads: while this
// thread computes chunk k, the readers load chunks k+1 … k+size. The chunks, their
// rows and the computation are those of featureColumnSteps, so the features are the same (tested).
import type { FeatureProgress, FeatureRun } from './build';
import type { PeriodReaders } from './period-readers';
import type { PeriodChunk } from './periods';

export async function readAhead(
  run: FeatureRun,
  keys: Int32Array,
  readers: PeriodReaders,
  chunkAccounts: number,
  onProgress?: (progress: FeatureProgress) => void,
  checkCancelled?: () => void,
): Promise<Map<string, Float64Array>> {
  const n = run.accounts;
  const chunks = Math.ceil(n / chunkAccounts);
  const queue: Promise<PeriodChunk>[] = [];
  let requested = 0;
  const request = () => {
    const from = requested++ * chunkAccounts;
    const read = readers.read(keys.slice(from, Math.min(n, from + chunkAccounts)), run.periodInputs, run.chunkOptions);
    read.catch(() => undefined); // awaited in order below; one left behind by a cancel must not be unhandled
    queue.push(read);
  };
  while (requested < chunks && queue.length <= readers.size) request();
  for (let k = 0; k < chunks; k++) {
    const chunk = await queue.shift()!;
    if (requested < chunks) request();
    checkCancelled?.();
    const from = k * chunkAccounts;
    const to = Math.min(n, from + chunkAccounts);
    run.compute(from, to, chunk);
    onProgress?.({ accountsDone: to, accountsTotal: n });
    // Let queued requests (progress, cancel, the UI's) run between chunks, as the in-thread build does.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return run.output;
}
