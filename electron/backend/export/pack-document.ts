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
import { featuresRelation } from './features-relation';

const count = (ws: Workspace, table: string) =>
  Number(ws.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0);

export function validationBlock(ws: Workspace, valid: ValidPack, scored: ScoredWorkspace): PackValidation {
  const { engine } = scored;
  const hash = createHash('sha256');
  for (const line of featuresCsvLines(featuresRelation(engine.features, valid))) hash.update(line);
  return {
    dataset: {
      workspace: ws.name,
      accounts: engine.features.accounts,
      periods: count(ws, 'periods'),
      users: count(ws, 'users'),
      asOf: scored.asOf,
      featuresSha256: hash.digest('hex'),
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
