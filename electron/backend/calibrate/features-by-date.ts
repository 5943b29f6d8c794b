// Feature tables for many as-of dates in one pass over the periods. The dates' feature builders run
// in lockstep, one chunk of accounts at a time; the chunk's raw period rows are read from SQLite
// once (up to the latest date) and laid out once, each date reading its rows on or before it
// (layout-for-dates.ts) — the same rows the builder would read for that date alone, so the features
// are identical (tested), at a fraction of the reads and copies. The accounts table and the history bounds are likewise read once.
import { LadderError } from '#shared/api/result';
import type { ValidPack } from '#shared/pack/validate';
import { numericSpecs } from '#shared/engine/features';
import {
  defaultChunkAccounts,
  featureColumnSteps,
  type AccountInputs,
  type FeatureProgress,
  type HistoryReader,
  type PeriodChunkLoader,
} from '../features/build';
import { historyAcrossDates, type WorkspaceHistory } from '../features/history';
import { layoutPeriodRows, readPeriodRows, type PeriodRows } from '../features/periods';
import type { Db } from '../store/sqlite';
import { layoutForDates, type LayoutForDates } from './layout-for-dates';
import { isoToDay } from '#shared/dates';

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
  const keys = inputs[0]!.accounts.keys;
  const lastDay = isoToDay(last);
  let cached: { from: number; to: number; ids: string; rows: PeriodRows; layouts: LayoutForDates | null } | null = null;
  const loader: PeriodChunkLoader = (from, to, periodInputs, chunkOptions) => {
    const ids = JSON.stringify(periodInputs);
    if (!cached || cached.from !== from || cached.to !== to || cached.ids !== ids)
      cached = { from, to, ids, rows: readPeriodRows(db, keys, from, to, periodInputs, last), layouts: null };
    cached.layouts ??= layoutForDates(cached.rows, periodInputs, { ...chunkOptions, asOfDay: lastDay });
    return cached.layouts.asOf(chunkOptions) ?? layoutPeriodRows(cached.rows, periodInputs, chunkOptions);
  };
  let history: { ids: string; at: (asOf: string) => WorkspaceHistory } | null = null;
  const historyAt: HistoryReader = (periodInputs, asOf) => {
    const ids = JSON.stringify(periodInputs);
    if (!history || history.ids !== ids) history = { ids, at: historyAcrossDates(db, periodInputs) };
    return history.at(asOf);
  };
  const specs = numericSpecs(valid);
  const chunk = options.chunkAccounts ?? defaultChunkAccounts;
  const steps = dates.map((d, k) => featureColumnSteps(db, valid, d, specs, inputs[k]!, chunk, loader, historyAt));
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
