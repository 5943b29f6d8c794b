// The rule pack as exported from a workspace: the pack, its meta block (kept as it is, with the
// creation time filled in once), and a validation block measured on the workspace — dataset
// fingerprint, stage counts and ARR, golden cases. Exporting an imported pack again on the same
// data gives the same bytes.
import { createHash } from 'node:crypto';
import { selectGoldenCases } from '#shared/pack/golden';
import type { PackValidation, RulePack } from '#shared/pack/schema';
import type { ValidPack } from '#shared/pack/validate';
import type { ScoredWorkspace } from '../scoring/score-workspace';
import type { Workspace } from '../store/open-workspace';
import { featuresCsvLines } from './features-csv';
import { featuresRelation, type FeaturesRelation } from './features-relation';

const count = (ws: Workspace, table: string) =>
  Number(ws.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0);

// The features CSV's hash (a second at 100,000 accounts) depends on the relation's values only, and
// the feature cache hands every pack the very same column arrays for the same features: a weight or
// threshold edit reads the same sources, so the hash is computed once per set of sources.
const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;
const idOf = (source: object) => {
  let id = objectIds.get(source);
  if (id === undefined) objectIds.set(source, (id = ++lastObjectId));
  return id;
};
const hashesByIds = new WeakMap<object, Map<string, string>>();
const hashesKept = 16;

/** sha256 of the relation as CSV; `cache: false` computes it afresh (tests compare the two). */
export function featuresSha256(relation: FeaturesRelation, cache = true): string {
  const key = JSON.stringify(relation.columns.map((c, k) => [c.name, c.type, idOf(relation.sources[k]!)]));
  const byIds = hashesByIds.get(relation.sources[0]!) ?? new Map<string, string>();
  const known = cache ? byIds.get(key) : undefined;
  if (known) return known;
  const hash = createHash('sha256');
  for (const line of featuresCsvLines(relation)) hash.update(line);
  const digest = hash.digest('hex');
  byIds.delete(key);
  byIds.set(key, digest);
  if (byIds.size > hashesKept) byIds.delete(byIds.keys().next().value!);
  hashesByIds.set(relation.sources[0]!, byIds);
  return digest;
}

export function validationBlock(ws: Workspace, valid: ValidPack, scored: ScoredWorkspace): PackValidation {
  const { engine } = scored;
  return {
    dataset: {
      workspace: ws.name,
      accounts: engine.features.accounts,
      periods: count(ws, 'periods'),
      users: count(ws, 'users'),
      asOf: scored.asOf,
      featuresSha256: featuresSha256(featuresRelation(engine.features, valid)),
    },
    arr: engine.result.arr,
    stages: engine.result.stages.map((s) => ({ id: s.id, accounts: s.accounts, arr: s.arr })),
    cases: selectGoldenCases(engine, valid),
  };
}

/** The pack with meta (created filled in when missing) and, when scored, a fresh validation block. */
export function packDocument(valid: ValidPack, validation: PackValidation | null, now = new Date()): RulePack {
  const meta = { ...valid.pack.meta, created: valid.pack.meta?.created ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const { validation: _previous, meta: _meta, ...rest } = valid.pack;
  return { ...rest, meta, ...(validation ? { validation } : _previous ? { validation: _previous } : {}) };
}
