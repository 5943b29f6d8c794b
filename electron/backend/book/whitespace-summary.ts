// Whitespace of the whole book (or one owner's) without scoring it: only the potential's inputs
// are computed, as the overview needs them.
import type { WhitespaceSummary } from '#shared/api/book-contract';
import { computePotential } from '#shared/engine/potential';
import type { ValidPack } from '#shared/pack/validate';
import { computeFeatureColumns, loadAccountInputs } from '../features/build';
import type { Workspace } from '../store/open-workspace';
import { ownerScope } from './book-data';
import { isSet } from '#shared/missing';

export function whitespaceSummary(ws: Workspace, valid: ValidPack, asOf: string, owner?: string): WhitespaceSummary {
  const inputs = loadAccountInputs(ws.db, asOf);
  const specs = valid.potential.inputs.map((id) => ({ key: id, metric: id, kind: 'value' as const }));
  const columns = computeFeatureColumns(ws.db, valid, asOf, specs, inputs);
  const { accounts } = inputs;
  const { whitespace } = computePotential(valid.potential, {
    accounts: accounts.keys.length,
    accountIds: accounts.ids,
    arr: accounts.arr,
    segment: accounts.segment,
    columns,
    categories: accounts.categories,
  });
  const scope = ownerScope(accounts.categories, owner);
  let cents = 0;
  let counted = 0;
  let unknown = 0;
  for (let i = 0; i < whitespace.length; i++) {
    if (scope && scope[i] === 0) continue;
    counted++;
    const w = whitespace[i]!;
    if (isSet(w)) cents += Math.round(w * 100);
    else unknown++;
  }
  return { asOf, whitespace: cents / 100, accounts: counted, unknown, source: valid.potential.source };
}
