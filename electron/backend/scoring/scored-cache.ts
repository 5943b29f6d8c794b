// Scored workspaces for the app's exports, kept per pack, as-of date and data: the features come
// from the feature cache (computed once per workspace and date, yielding between chunks so progress
// and cancel are answered), the engine runs once per pack, and whatever an export derives from a
// scored workspace (the validation block with its golden cases) is computed once per pack and data.
import { createEngine } from '#shared/engine/engine';
import type { ValidPack } from '#shared/pack/validate';
import { featuresReady, loadFeatures, loadHeadFeatures, type LoadOptions } from '../features/cache';
import type { FeaturePayload } from '#shared/engine/arrow-features';
import type { Workspace } from '../store/open-workspace';
import { dataStamp } from '../workspace/data-stamp';
import { resolveAsOf, type ScoredWorkspace } from './score-workspace';

interface Entry {
  key: string;
  scored: ScoredWorkspace;
  derived: Map<string, unknown>;
}

const kept = 3;
const caches = new WeakMap<Workspace, Entry[]>();
const derivedOf = new WeakMap<ScoredWorkspace, Map<string, unknown>>();

const keyOf = (ws: Workspace, valid: ValidPack, asOf: string) =>
  `${dataStamp(ws.db)}|${asOf}|${JSON.stringify(valid.pack)}`;

/** The workspace scored with the pack, from the caches when the pack, date and data are unchanged. */
export async function scoreCached(
  ws: Workspace,
  valid: ValidPack,
  asOf?: string,
  options: Pick<LoadOptions, 'signal' | 'onProgress' | 'chunkAccounts'> = {},
): Promise<ScoredWorkspace> {
  const date = resolveAsOf(ws, asOf);
  const key = keyOf(ws, valid, date);
  const entries = caches.get(ws) ?? [];
  const hit = entries.find((e) => e.key === key);
  if (hit) return hit.scored;
  const t0 = performance.now();
  const { payload } = await loadFeatures(ws, valid, date, { ...options, includeAccounts: true });
  const scored = scoredFrom(payload, valid, date, t0);
  const derived = new Map<string, unknown>();
  derivedOf.set(scored, derived);
  caches.set(ws, [{ key, scored, derived }, ...entries.filter((e) => e.key !== key)].slice(0, kept));
  return scored;
}

function scoredFrom(payload: FeaturePayload, valid: ValidPack, date: string, t0: number): ScoredWorkspace {
  const base = payload.base!;
  const table = {
    accounts: payload.accounts,
    accountIds: base.ids,
    arr: base.arr,
    segment: base.segment,
    categories: base.categories,
    columns: payload.columns,
  };
  const t1 = performance.now();
  const engine = createEngine(table, valid);
  const scored: ScoredWorkspace = {
    asOf: date,
    build: { table, names: base.names, asOf: date },
    engine,
    timings: { featuresMs: t1 - t0, scoreMs: performance.now() - t1 },
  };
  return scored;
}

/** Whether scoreCached would answer without computing features (the pack's are all computed). */
export function scoreReady(ws: Workspace, valid: ValidPack, asOf?: string): boolean {
  const date = resolveAsOf(ws, asOf);
  const key = keyOf(ws, valid, date);
  return (caches.get(ws) ?? []).some((e) => e.key === key) || featuresReady(ws, valid, date);
}

/**
 * The first `count` accounts (in key order) scored with the pack, and how many accounts there are:
 * a preview of a file's first rows before the whole workspace is scored. Each account's score is
 * its own, so these rows equal the first rows of the whole (not cached: the whole is).
 */
export async function scoreHead(
  ws: Workspace,
  valid: ValidPack,
  count: number,
  asOf?: string,
  options: Pick<LoadOptions, 'signal'> = {},
): Promise<{ scored: ScoredWorkspace; total: number }> {
  const date = resolveAsOf(ws, asOf);
  const t0 = performance.now();
  const { payload, total } = await loadHeadFeatures(ws, valid, date, count, options);
  return { scored: scoredFrom(payload, valid, date, t0), total };
}

/** `compute()` once per scored workspace and name (e.g. the pack's validation block). */
export function derivedOnce<T>(scored: ScoredWorkspace, name: string, compute: () => T): T {
  let derived = derivedOf.get(scored);
  if (!derived) derivedOf.set(scored, (derived = new Map()));
  if (!derived.has(name)) derived.set(name, compute());
  return derived.get(name) as T;
}
