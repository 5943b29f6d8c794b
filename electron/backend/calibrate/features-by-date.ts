// Feature tables for many as-of dates in one pass over the periods. The dates' feature builders run
// in lockstep, one chunk of accounts at a time; the chunk's period rows are read from SQLite once
// (up to the latest date) and each date sees only its rows on or before it — the same rows the
// builder would read for that date alone, so the features are identical (tested), at a fraction of
// the reads.
import { LadderError } from '#shared/api/result';
import { isoToDay } from '#shared/dates';
import type { ValidPack } from '#shared/pack/validate';
import { numericSpecs } from '#shared/engine/features';
import {
  defaultChunkAccounts,
  featureColumnSteps,
  type AccountInputs,
  type FeatureProgress,
  type PeriodChunkLoader,
} from '../features/build';
import { loadPeriodChunk, type PeriodChunk } from '../features/periods';
import type { Db } from '../store/sqlite';

/** The rows of a chunk on or before `asOfDay` (rows are by account, oldest first). */
export function truncateChunk(chunk: PeriodChunk, asOfDay: number): PeriodChunk {
  const { accounts, offsets, days } = chunk.layout;
  const keep = new Int32Array(accounts + 1);
  for (let a = 0; a < accounts; a++) {
    let r = offsets[a]!;
    const end = offsets[a + 1]!;
    while (r < end && days[r]! <= asOfDay) r++;
    keep[a + 1] = keep[a]! + (r - offsets[a]!);
  }
  const copy = <T extends Float64Array | Int32Array>(source: T, make: (n: number) => T): T => {
    const out = make(keep[accounts]!);
    for (let a = 0; a < accounts; a++) {
      const start = offsets[a]!;
      const length = keep[a + 1]! - keep[a]!;
      for (let i = 0, at = keep[a]!; i < length; i++, at++) out[at] = source[start + i]!;
    }
    return out;
  };
  return {
    layout: { accounts, offsets: keep, days: copy(days, (n) => new Int32Array(n)), asOfDay },
    columns: new Map([...chunk.columns].map(([id, column]) => [id, copy(column, (n) => new Float64Array(n))])),
  };
}

export interface DatesProgress {
  accountsDone: number;
  accountsTotal: number;
}

export async function computeFeaturesForDates(
  db: Db,
  valid: ValidPack,
  dates: readonly string[],
  inputs: readonly AccountInputs[],
  options: { signal?: AbortSignal; onProgress?: (p: DatesProgress) => void; chunkAccounts?: number } = {},
): Promise<Map<string, Float64Array>[]> {
  const last = [...dates].sort().pop()!;
  const lastDay = isoToDay(last);
  const keys = inputs[0]!.accounts.keys;
  let cached: { from: number; to: number; ids: string; chunk: PeriodChunk } | null = null;
  const loader: PeriodChunkLoader = (from, to, periodIds, _asOf, asOfDay) => {
    const ids = periodIds.join(',');
    if (!cached || cached.from !== from || cached.to !== to || cached.ids !== ids)
      cached = { from, to, ids, chunk: loadPeriodChunk(db, keys, from, to, periodIds, last, lastDay) };
    return asOfDay >= lastDay ? cached.chunk : truncateChunk(cached.chunk, asOfDay);
  };
  const specs = numericSpecs(valid);
  const chunk = options.chunkAccounts ?? defaultChunkAccounts;
  const steps = dates.map((d, k) => featureColumnSteps(db, valid, d, specs, inputs[k]!, chunk, loader));
  const results: (Map<string, Float64Array> | undefined)[] = dates.map(() => undefined);
  for (;;) {
    let progress: FeatureProgress | null = null;
    steps.forEach((g, k) => {
      if (results[k]) return;
      const step = g.next();
      if (step.done) results[k] = step.value;
      else progress = step.value;
    });
    if (!progress) break;
    options.onProgress?.(progress);
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new LadderError('cancelled', 'The calibration was cancelled.');
  }
  return results.map((r) => r!);
}
