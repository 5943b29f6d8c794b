// Feature columns cached per workspace and as-of date, keyed by signature (see featureSignature),
// so repeated scoring and the workbench's edits recompute only what changed. Imports change the
// workspace's data stamp, which drops the cache.
import type { FeatureSpec } from '#shared/engine/features';
import { featureSignature } from '#shared/engine/features';
import type { FeaturePayload } from '#shared/engine/arrow-features';
import type { ValidPack } from '#shared/pack/validate';
import type { Workspace } from '../store/open-workspace';
import { dataStamp } from '../workspace/data-stamp';
import { closingOnFailure, prefetchChunks } from './read-ahead';
import {
  computeFeatureColumnsAsync,
  defaultChunkAccounts,
  loadAccountInputs,
  numericSpecs,
  type AccountInputs,
  type FeatureProgress,
} from './build';

interface AsOfEntry {
  inputs: AccountInputs;
  columns: Map<string, Float64Array>;
  /** Columns being computed, by signature: a second request for them waits instead of computing again. */
  pending: Map<string, Promise<Float64Array>>;
  lastUsed: number;
}

interface WorkspaceCache {
  stamp: string;
  byAsOf: Map<string, AsOfEntry>;
}

const caches = new WeakMap<Workspace, WorkspaceCache>();
const maxDates = 3;
// At a million accounts a column is 8 MB: keep the working set of a few models, not every column ever asked for.
const maxColumnsPerDate = 32;
let clock = 0;

function hasEntry(ws: Workspace, asOf: string): boolean {
  const cache = caches.get(ws);
  return cache !== undefined && cache.stamp === dataStamp(ws.db) && cache.byAsOf.has(asOf);
}

function entryFor(ws: Workspace, asOf: string): AsOfEntry {
  const stamp = dataStamp(ws.db);
  let cache = caches.get(ws);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, byAsOf: new Map() };
    caches.set(ws, cache);
  }
  let entry = cache.byAsOf.get(asOf);
  if (!entry) {
    if (cache.byAsOf.size >= maxDates) {
      const oldest = [...cache.byAsOf.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0]![0];
      cache.byAsOf.delete(oldest);
    }
    entry = { inputs: loadAccountInputs(ws.db, asOf), columns: new Map(), pending: new Map(), lastUsed: 0 };
    cache.byAsOf.set(asOf, entry);
  }
  entry.lastUsed = ++clock;
  return entry;
}

export interface FeatureLoad {
  payload: FeaturePayload;
  /** Signature of every feature the pack needs, by feature key. */
  signatures: Record<string, string>;
}

export interface LoadOptions {
  have?: ReadonlySet<string>;
  includeAccounts?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: FeatureProgress) => void;
  /** Accounts per step between yields (default 50,000). */
  chunkAccounts?: number;
}

/**
 * The pack's feature columns as of a date. `have` lists signatures the caller already holds: those
 * columns are left out, and the accounts themselves are only included when `includeAccounts`.
 * Computing yields between chunks of accounts, so progress requests and cancel are answered.
 */
export async function loadFeatures(
  ws: Workspace,
  valid: ValidPack,
  asOf: string,
  options: LoadOptions = {},
): Promise<FeatureLoad> {
  const { have = new Set(), includeAccounts = true } = options;
  const specs = numericSpecs(valid);
  const signatures = Object.fromEntries(specs.map((s) => [s.key, featureSignature(valid, s)]));
  const wanted = specs.filter((s) => !have.has(signatures[s.key]!));
  // A first load at this date (a model opened): the period readers start before the accounts are read.
  const prefetched = hasEntry(ws, asOf)
    ? null
    : prefetchChunks(ws.db, valid, asOf, wanted, options.chunkAccounts ?? defaultChunkAccounts);
  const entry = closingOnFailure(prefetched, () => entryFor(ws, asOf));
  const values = new Map<string, Float64Array>();
  const waiting: Promise<void>[] = [];
  const missing: FeatureSpec[] = [];
  for (const s of wanted) {
    const signature = signatures[s.key]!;
    const cached = entry.columns.get(signature);
    const pending = entry.pending.get(signature);
    if (cached) values.set(s.key, cached);
    else if (pending) waiting.push(pending.then((column) => void values.set(s.key, column)));
    else missing.push(s);
  }
  if (missing.length === 0) prefetched?.close();
  else {
    const batch = computeFeatureColumnsAsync(ws.db, valid, asOf, missing, entry.inputs, { ...options, prefetched });
    for (const s of missing) {
      const signature = signatures[s.key]!;
      const column = batch.then((computed) => computed.get(s.key)!);
      column.catch(() => undefined); // a waiting request sees the failure; this copy must not be unhandled
      entry.pending.set(signature, column);
    }
    try {
      const computed = await batch;
      for (const s of missing) {
        entry.columns.set(signatures[s.key]!, computed.get(s.key)!);
        values.set(s.key, computed.get(s.key)!);
      }
      while (entry.columns.size > maxColumnsPerDate) entry.columns.delete(entry.columns.keys().next().value!);
    } finally {
      for (const s of missing) entry.pending.delete(signatures[s.key]!);
    }
  }
  await Promise.all(waiting);
  const { accounts } = entry.inputs;
  const payload: FeaturePayload = {
    asOf,
    accounts: accounts.keys.length,
    signatures,
    columns: new Map(wanted.map((s) => [s.key, values.get(s.key)!])),
  };
  if (includeAccounts)
    payload.base = {
      ids: accounts.ids,
      names: accounts.names,
      segment: accounts.segment,
      arr: accounts.arr,
      categories: accounts.categories,
    };
  return { payload, signatures };
}

/** Whether every feature column the pack needs as of the date is computed already. */
export function featuresReady(ws: Workspace, valid: ValidPack, asOf: string): boolean {
  const cache = caches.get(ws);
  const entry = cache?.stamp === dataStamp(ws.db) ? cache.byAsOf.get(asOf) : undefined;
  return entry !== undefined && numericSpecs(valid).every((s) => entry.columns.has(featureSignature(valid, s)));
}

/**
 * The pack's features for the first `count` accounts only (in key order), with those accounts:
 * what a preview of the first rows of a features or scored file needs. Each account's features are
 * its own (windows read its own periods; history starts are the workspace's), so they equal the
 * first rows of the whole table. Not cached: the whole table is.
 */
export async function loadHeadFeatures(
  ws: Workspace,
  valid: ValidPack,
  asOf: string,
  count: number,
  options: Pick<LoadOptions, 'signal'> = {},
): Promise<{ payload: FeaturePayload; total: number }> {
  const { inputs } = entryFor(ws, asOf);
  const { accounts, users } = inputs;
  const n = Math.min(count, accounts.keys.length);
  const head: AccountInputs = {
    accounts: {
      keys: accounts.keys.subarray(0, n),
      ids: accounts.ids.slice(0, n),
      names: accounts.names.slice(0, n),
      arr: accounts.arr.subarray(0, n),
      segment: accounts.segment.subarray(0, n),
      numeric: new Map([...accounts.numeric].map(([k, v]) => [k, v.subarray(0, n)])),
      categories: new Map(
        [...accounts.categories].map(([k, c]) => [k, { codes: c.codes.subarray(0, n), dictionary: c.dictionary }]),
      ),
    },
    users: new Map([...users].map(([k, v]) => [k, v.subarray(0, n)])),
  };
  const specs = numericSpecs(valid);
  const columns = await computeFeatureColumnsAsync(ws.db, valid, asOf, specs, head, options);
  const signatures = Object.fromEntries(specs.map((s) => [s.key, featureSignature(valid, s)]));
  const a = head.accounts;
  return {
    total: accounts.keys.length,
    payload: {
      asOf,
      accounts: n,
      signatures,
      columns,
      base: { ids: a.ids, names: a.names, segment: a.segment, arr: a.arr, categories: a.categories },
    },
  };
}
