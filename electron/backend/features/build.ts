// The feature table for a pack as of a date: one float64 column per metric the pack reads,
// computed from account fields, the users roster and period series (window functions over calendar
// periods: see shared/expr/window.ts). Accounts are processed in chunks so memory stays bounded
// whatever the number of periods.
//
// API (also used by calibration, which builds features as of many dates): buildFeatureTable for a
// whole table; loadAccountInputs once per as-of date, then computeFeatureColumns(Async) for the
// columns wanted. Everything reads rows starting on or before the as-of date only.
import type { Node } from '#shared/expr/ast';
import type { ValidPack } from '#shared/pack/validate';
import { numericSpecs, type FeatureSpec, type FeatureTable } from '#shared/engine/features';
import { isoToDay } from '#shared/dates';
import type { Db } from '../store/sqlite';
import { LadderError } from '#shared/api/result';
import { loadAccountColumns, loadAccountColumnsForDates, type AccountColumns } from './accounts';
import { chunkEnvironments } from './chunk-env';
import { customPath } from './custom-fields';
import { readHistory, type WorkspaceHistory } from './history';
import { historyOfSeries, planInputs } from './inputs';
import { openPeriodReaders } from './period-readers';
import { closingOnFailure, prefetchChunks, readAhead, streamChunks, streamFits, type Prefetch } from './read-ahead';
import { loadPeriodChunk, type ChunkOptions, type PeriodChunk, type PeriodInput } from './periods';
import { loadUserMetrics } from './users';

type Call = Extract<Node, { kind: 'call' }>;

export interface FeatureBuild {
  table: FeatureTable;
  names: string[];
  asOf: string;
}

function loadCustomFields(db: Db, fields: Map<string, string>, n: number): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [id, name] of fields) {
    const values = db
      .prepare(`SELECT json_extract(custom, ?) FROM accounts ORDER BY key`)
      .pluck()
      .all(customPath(name)) as unknown[];
    out.set(
      id,
      Float64Array.from({ length: n }, (_, i) => (typeof values[i] === 'number' ? (values[i] as number) : NaN)),
    );
  }
  return out;
}

const rollingCall = (spec: Extract<FeatureSpec, { periods: number }>): Call => ({
  kind: 'call',
  name: spec.kind,
  args: [
    { kind: 'ident', name: spec.metric, start: 0, end: 0 },
    { kind: 'number', value: spec.periods, start: 0, end: 0 },
  ],
  start: 0,
  end: 0,
});

export const defaultChunkAccounts = 50_000;

export function latestPeriodStart(db: Db): string | null {
  return (db.prepare('SELECT max(period_start) FROM periods').pluck().get() as string | null) ?? null;
}

export interface AccountInputs {
  accounts: AccountColumns;
  users: Map<string, Float64Array>;
}

export function loadAccountInputs(db: Db, asOf: string): AccountInputs {
  const accounts = loadAccountColumns(db, asOf);
  return { accounts, users: loadUserMetrics(db, accounts.keys, asOf) };
}

/** The same for several dates, the accounts table read once (calibration's backtests). */
export function loadAccountInputsForDates(db: Db, dates: readonly string[]): AccountInputs[] {
  return loadAccountColumnsForDates(db, dates).map((accounts, k) => ({
    accounts,
    users: loadUserMetrics(db, accounts.keys, dates[k]!),
  }));
}

export { numericSpecs };

export interface FeatureProgress {
  accountsDone: number;
  accountsTotal: number;
}

/** Computes the given feature columns, reading periods in chunks of accounts. */
export function computeFeatureColumns(
  db: Db,
  valid: ValidPack,
  asOf: string,
  specs: readonly FeatureSpec[],
  inputs: AccountInputs,
  chunkAccounts = defaultChunkAccounts,
): Map<string, Float64Array> {
  const steps = featureColumnSteps(db, valid, asOf, specs, inputs, chunkAccounts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LadderError('cancelled', 'Loading the model was cancelled.');
}

/**
 * The same, yielding between chunks: callers report progress, let other work run, or stop. A
 * build of more than one chunk reads the chunks ahead in reader threads where it can (period-readers.ts).
 */
export async function computeFeatureColumnsAsync(
  db: Db,
  valid: ValidPack,
  asOf: string,
  specs: readonly FeatureSpec[],
  inputs: AccountInputs,
  options: {
    signal?: AbortSignal;
    onProgress?: (progress: FeatureProgress) => void;
    chunkAccounts?: number;
    /** Chunks already being loaded (prefetchChunks): used when they are this computation's, closed either way. */
    prefetched?: Prefetch | null;
  } = {},
): Promise<Map<string, Float64Array>> {
  const chunkAccounts = options.chunkAccounts ?? defaultChunkAccounts;
  const keys = inputs.accounts.keys;
  let prefetched = options.prefetched ?? null;
  try {
    const run = prepareFeatureRun(db, valid, asOf, specs, inputs);
    if (!run) return new Map(specs.map((s) => [s.key, new Float64Array(keys.length)] as const));
    if (prefetched && !streamFits(prefetched.stream, run, keys, chunkAccounts)) {
      prefetched.close();
      prefetched = null;
    }
    if (!prefetched && keys.length > chunkAccounts) {
      const readers = openPeriodReaders(db);
      if (readers) {
        const stream = streamChunks(readers, keys, run.periodInputs, run.chunkOptions, chunkAccounts);
        prefetched = { stream, close: () => readers.close() };
      }
    }
    if (prefetched) {
      return await readAhead(run, prefetched.stream, options.onProgress, () => throwIfCancelled(options.signal));
    }
  } finally {
    prefetched?.close();
  }
  const steps = featureColumnSteps(db, valid, asOf, specs, inputs, chunkAccounts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await new Promise((resolve) => setImmediate(resolve));
    throwIfCancelled(options.signal);
  }
}

/** Reads the period rows of accounts [from, to) up to the as-of date (calibration serves them from memory). */
export type PeriodChunkLoader = (
  from: number,
  to: number,
  inputs: readonly PeriodInput[],
  options: ChunkOptions,
) => PeriodChunk;

/** What the workspace knows about time as of a date (calibration reads it once for all its dates). */
export type HistoryReader = (inputs: readonly PeriodInput[], asOf: string) => WorkspaceHistory;

/** One feature computation, set up: the period inputs to read and how to compute a chunk from them. */
export interface FeatureRun {
  accounts: number;
  output: Map<string, Float64Array>;
  periodInputs: readonly PeriodInput[];
  chunkOptions: ChunkOptions;
  /** Computes every spec for accounts [from, to) from their laid-out period rows into `output`. */
  compute(from: number, to: number, chunk: PeriodChunk): void;
}

/** Reads what a computation needs besides the period rows; null when there is nothing to compute. */
export function prepareFeatureRun(
  db: Db,
  valid: ValidPack,
  asOf: string,
  specs: readonly FeatureSpec[],
  { accounts, users }: AccountInputs,
  historyAt: HistoryReader = (periodInputs, date) => readHistory(db, periodInputs, date),
): FeatureRun | null {
  const n = accounts.keys.length;
  if (specs.length === 0 || n === 0) return null;
  const output = new Map(specs.map((s) => [s.key, new Float64Array(n)] as const));
  const inputs = planInputs(
    db,
    valid,
    specs.map((s) => s.metric),
    asOf,
  );
  const custom = loadCustomFields(db, inputs.accountCustom, n);
  const history = historyAt(inputs.period, asOf);
  const historyOf = historyOfSeries(valid, history);
  return {
    accounts: n,
    output,
    periodInputs: inputs.period,
    chunkOptions: { asOf, asOfDay: isoToDay(asOf), defaultGrain: history.defaultGrain },
    compute(from, to, chunk) {
      const accountLevel = (name: string): Float64Array | undefined =>
        accounts.numeric.get(name)?.subarray(from, to) ??
        users.get(name)?.subarray(from, to) ??
        custom.get(name)?.subarray(from, to);
      const env = chunkEnvironments({ valid, chunk, history, historyOf, accountLevel, absent: inputs.absent });
      for (const spec of specs) {
        const values = spec.kind === 'value' ? env.account.ident(spec.metric) : env.account.window(rollingCall(spec));
        output.get(spec.key)!.set(values, from);
      }
    },
  };
}

/** The feature computation one chunk of accounts at a time; yields after each chunk. */
export function* featureColumnSteps(
  db: Db,
  valid: ValidPack,
  asOf: string,
  specs: readonly FeatureSpec[],
  inputs: AccountInputs,
  chunkAccounts: number,
  loadChunk: PeriodChunkLoader = (from, to, periodInputs, options) =>
    loadPeriodChunk(db, inputs.accounts.keys, from, to, periodInputs, options),
  historyAt?: HistoryReader,
): Generator<FeatureProgress, Map<string, Float64Array>> {
  const run = prepareFeatureRun(db, valid, asOf, specs, inputs, historyAt);
  if (!run) return new Map(specs.map((s) => [s.key, new Float64Array(inputs.accounts.keys.length)] as const));
  const n = run.accounts;
  for (let from = 0; from < n; from += chunkAccounts) {
    const to = Math.min(n, from + chunkAccounts);
    run.compute(from, to, loadChunk(from, to, run.periodInputs, run.chunkOptions));
    yield { accountsDone: to, accountsTotal: n };
  }
  return run.output;
}

export function buildFeatureTable(
  db: Db,
  valid: ValidPack,
  asOf: string,
  chunkAccounts = defaultChunkAccounts,
): FeatureBuild {
  const inputs = loadAccountInputs(db, asOf);
  const columns = computeFeatureColumns(db, valid, asOf, numericSpecs(valid), inputs, chunkAccounts);
  return featureBuild(asOf, inputs, columns);
}

function featureBuild(asOf: string, { accounts }: AccountInputs, columns: Map<string, Float64Array>): FeatureBuild {
  return {
    asOf,
    names: accounts.names,
    table: {
      accounts: accounts.keys.length,
      accountIds: accounts.ids,
      arr: accounts.arr,
      segment: accounts.segment,
      columns,
      categories: accounts.categories,
    },
  };
}

/**
 * buildFeatureTable with the chunks read ahead in reader threads where it can (`ladder score`, the
 * bench): the readers start on the first chunks before the accounts are read, so that read (seconds
 * at a million accounts) overlaps theirs.
 */
export async function buildFeatureTableAsync(
  db: Db,
  valid: ValidPack,
  asOf: string,
  chunkAccounts = defaultChunkAccounts,
): Promise<FeatureBuild> {
  const specs = numericSpecs(valid);
  const prefetched = prefetchChunks(db, valid, asOf, specs, chunkAccounts);
  const inputs = closingOnFailure(prefetched, () => loadAccountInputs(db, asOf));
  // Accounts written between the two reads (another program) do not fit the chunks asked for: then
  // the computation reads its own.
  const columns = await computeFeatureColumnsAsync(db, valid, asOf, specs, inputs, { chunkAccounts, prefetched });
  return featureBuild(asOf, inputs, columns);
}
