// The feature table for a pack as of a date: one float64 column per metric the pack reads,
// computed from account fields, the users roster and period series (window functions). Accounts
// are processed in chunks so memory stays bounded whatever the number of periods.
import type { Node } from '#shared/expr/ast';
import { evaluate, type ColumnEnv } from '#shared/expr/evaluate';
import { reduceWindow } from '#shared/expr/window';
import { baseMetric, customFieldPattern } from '#shared/pack/catalog';
import type { ValidPack } from '#shared/pack/validate';
import { numericSpecs, type FeatureSpec, type FeatureTable } from '#shared/engine/features';
import { isoToDay } from '#shared/dates';
import type { Db } from '../store/sqlite';
import { LadderError } from '#shared/api/result';
import { loadAccountColumns, type AccountColumns } from './accounts';
import { loadPeriodChunk, type PeriodChunk } from './periods';
import { loadUserMetrics } from './users';

type Call = Extract<Node, { kind: 'call' }>;

export interface FeatureBuild {
  table: FeatureTable;
  names: string[];
  asOf: string;
}

/** Period metric columns (and custom fields) that the given metrics read, directly or through derived ones. */
function collectInputs(valid: ValidPack, metrics: Iterable<string>): { period: Set<string>; custom: Set<string> } {
  const period = new Set<string>();
  const custom = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const base = baseMetric(id);
    if (base?.level === 'period') period.add(id);
    else if (customFieldPattern.test(id)) custom.add(id);
    const derived = valid.metrics.derived.get(id);
    if (derived) for (const ref of derived.refs) visit(ref);
  };
  for (const m of metrics) visit(m);
  return { period, custom };
}

function loadCustomFields(db: Db, fields: Set<string>, n: number): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const field of fields) {
    const name = field.slice('custom.'.length);
    const values = db
      .prepare(`SELECT json_extract(custom, '$.' || ?) FROM accounts ORDER BY key`)
      .pluck()
      .all(name) as unknown[];
    out.set(
      field,
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

/** The same, yielding between chunks: callers report progress, let other work run, or stop. */
export async function computeFeatureColumnsAsync(
  db: Db,
  valid: ValidPack,
  asOf: string,
  specs: readonly FeatureSpec[],
  inputs: AccountInputs,
  options: { signal?: AbortSignal; onProgress?: (progress: FeatureProgress) => void; chunkAccounts?: number } = {},
): Promise<Map<string, Float64Array>> {
  const steps = featureColumnSteps(db, valid, asOf, specs, inputs, options.chunkAccounts ?? defaultChunkAccounts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new LadderError('cancelled', 'Loading the model was cancelled.');
  }
}

/** Reads the period rows of accounts [from, to) up to the as-of date (calibration serves them from memory). */
export type PeriodChunkLoader = (
  from: number,
  to: number,
  periodIds: readonly string[],
  asOf: string,
  asOfDay: number,
) => PeriodChunk;

/** The feature computation one chunk of accounts at a time; yields after each chunk. */
export function* featureColumnSteps(
  db: Db,
  valid: ValidPack,
  asOf: string,
  specs: readonly FeatureSpec[],
  { accounts, users }: AccountInputs,
  chunkAccounts: number,
  loadChunk: PeriodChunkLoader = (from, to, ids, date, day) =>
    loadPeriodChunk(db, accounts.keys, from, to, ids, date, day),
): Generator<FeatureProgress, Map<string, Float64Array>> {
  const n = accounts.keys.length;
  const inputs = collectInputs(
    valid,
    specs.map((s) => s.metric),
  );
  const custom = loadCustomFields(db, inputs.custom, n);
  const periodIds = [...inputs.period];
  const asOfDay = isoToDay(asOf);
  const output = new Map(specs.map((s) => [s.key, new Float64Array(n)] as const));
  if (specs.length === 0) return output;

  for (let from = 0; from < n; from += chunkAccounts) {
    const to = Math.min(n, from + chunkAccounts);
    const chunk: PeriodChunk = loadChunk(from, to, periodIds, asOf, asOfDay);
    const size = to - from;
    const accountMemo = new Map<string, Float64Array>();
    const seriesMemo = new Map<string, Float64Array>();
    const rowAccount = new Int32Array(chunk.layout.days.length);
    for (let a = 0; a < size; a++) rowAccount.fill(a, chunk.layout.offsets[a]!, chunk.layout.offsets[a + 1]!);

    const accountLevel = (name: string): Float64Array | undefined =>
      accounts.numeric.get(name)?.subarray(from, to) ??
      users.get(name)?.subarray(from, to) ??
      custom.get(name)?.subarray(from, to);

    const seriesEnv: ColumnEnv = {
      length: rowAccount.length,
      ident(name) {
        const rows = chunk.columns.get(name);
        if (rows) return rows;
        let memo = seriesMemo.get(name);
        if (memo) return memo;
        const derived = valid.metrics.derived.get(name);
        if (derived) memo = evaluate(derived.tree, seriesEnv);
        else {
          const perAccount = accountLevel(name);
          if (!perAccount) throw new Error(`No per-period value for "${name}".`);
          memo = Float64Array.from(rowAccount, (a) => perAccount[a]!);
        }
        seriesMemo.set(name, memo);
        return memo;
      },
      window() {
        throw new Error('window functions cannot be nested');
      },
    };
    const accountEnv: ColumnEnv = {
      length: size,
      ident(name) {
        const direct = accountLevel(name);
        if (direct) return direct;
        let memo = accountMemo.get(name);
        if (memo) return memo;
        const derived = valid.metrics.derived.get(name);
        if (derived) memo = evaluate(derived.tree, accountEnv);
        else {
          // A period metric outside a window: its value in the latest period.
          const rows = chunk.columns.get(name);
          if (!rows) throw new Error(`Unknown metric "${name}".`);
          memo = new Float64Array(size).fill(NaN);
          for (let a = 0; a < size; a++) {
            const end = chunk.layout.offsets[a + 1]!;
            if (end > chunk.layout.offsets[a]!) memo[a] = rows[end - 1]!;
          }
        }
        accountMemo.set(name, memo);
        return memo;
      },
      window: (call) => reduceWindow(call, evaluate(call.args[0]!, seriesEnv), chunk.layout),
    };
    for (const spec of specs) {
      const values = spec.kind === 'value' ? accountEnv.ident(spec.metric) : accountEnv.window(rollingCall(spec));
      output.get(spec.key)!.set(values, from);
    }
    yield { accountsDone: to, accountsTotal: n };
  }
  return output;
}

export function buildFeatureTable(
  db: Db,
  valid: ValidPack,
  asOf: string,
  chunkAccounts = defaultChunkAccounts,
): FeatureBuild {
  const inputs = loadAccountInputs(db, asOf);
  const columns = computeFeatureColumns(db, valid, asOf, numericSpecs(valid), inputs, chunkAccounts);
  const { accounts } = inputs;
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
