// The feature columns the workbench holds, by signature, and per-pack views of them: two packs
// may define a derived metric with the same id differently, so each pack gets its own table
// object mapping its feature keys to the right columns.
import type { FeaturePayload } from '../engine/arrow-features';
import { featureSignature, numericSpecs, type FeatureTable } from '../engine/features';
import type { ValidPack } from '../pack/validate';

export interface ColumnStore {
  base: Omit<FeatureTable, 'columns'> & { names: string[] };
  asOf: string;
  bySignature: Map<string, Float64Array>;
}

export function createColumnStore(payload: FeaturePayload): ColumnStore {
  if (!payload.base) throw new Error('The first feature payload must include the accounts.');
  const store: ColumnStore = {
    asOf: payload.asOf,
    base: {
      accounts: payload.accounts,
      accountIds: payload.base.ids,
      names: payload.base.names,
      arr: payload.base.arr,
      segment: payload.base.segment,
      categories: payload.base.categories,
    },
    bySignature: new Map(),
  };
  addColumns(store, payload);
  return store;
}

export function addColumns(store: ColumnStore, payload: FeaturePayload): void {
  if (payload.accounts !== store.base.accounts || payload.asOf !== store.asOf)
    throw new Error('These feature columns belong to another feature table.');
  for (const [key, column] of payload.columns) {
    const signature = payload.signatures?.[key] ?? key;
    store.bySignature.set(signature, column);
  }
}

/** Signatures the pack needs that the store does not hold yet. */
export function missingSignatures(store: ColumnStore, valid: ValidPack): string[] {
  return numericSpecs(valid)
    .map((spec) => featureSignature(valid, spec))
    .filter((signature) => !store.bySignature.has(signature));
}

/** The feature table as this pack sees it. Reuses `previous` when nothing it reads changed. */
export function tableFor(store: ColumnStore, valid: ValidPack, previous?: FeatureTable): FeatureTable {
  const columns = new Map<string, Float64Array>();
  for (const spec of numericSpecs(valid)) {
    const column = store.bySignature.get(featureSignature(valid, spec));
    if (!column) throw new Error(`Feature ${spec.key} has not been loaded.`);
    columns.set(spec.key, column);
  }
  if (
    previous &&
    previous.columns.size === columns.size &&
    [...columns].every(([k, c]) => previous.columns.get(k) === c)
  )
    return previous;
  const { names: _names, ...base } = store.base;
  return { ...base, columns };
}
