// What live validation needs in the renderer: for each held-out as-of date, its held-out labelled
// accounts with the run's feature columns and a `__label` column (1 converted, 0 not), as Arrow
// IPC; and, when a draft reads a metric the run did not compute, those columns for the same
// accounts, computed as of the same date.
import { encodeFeatures, type FeaturePayload } from '#shared/engine/arrow-features';
import { featureSignature, numericSpecs } from '#shared/engine/features';
import type { BacktestState } from '#shared/calibrate/backtest';
import type { ValidPack } from '#shared/pack/validate';
import { LadderError } from '#shared/api/result';
import { computeFeatureColumnsAsync, loadAccountInputs } from '../features/build';
import type { Workspace } from '../store/open-workspace';

export const labelColumn = '__label';

/** Indices of the held-out labelled accounts of each held-out date. */
export function validationIndex(state: BacktestState): { date: number; accounts: Int32Array }[] {
  const out: { date: number; accounts: Int32Array }[] = [];
  state.dates.forEach((d, k) => {
    const { part, labels } = d.input;
    if (part.kind !== 'holdout' && part.kind !== 'test') return;
    const held = part.kind === 'holdout' ? part.heldOut : null;
    const idx: number[] = [];
    for (let i = 0; i < labels.labels.length; i++) if (labels.labels[i]! >= 0 && (!held || held[i] === 1)) idx.push(i);
    out.push({ date: k, accounts: Int32Array.from(idx) });
  });
  return out;
}

const pick = (column: Float64Array, idx: Int32Array) => Float64Array.from(idx, (i) => column[i]!);

export function validationSet(
  state: BacktestState,
  names: readonly string[],
  valid: ValidPack,
  set: { date: number; accounts: Int32Array },
): Uint8Array {
  const { engine, labels, asOf } = state.dates[set.date]!.input;
  const f = engine.features;
  const idx = set.accounts;
  const specs = numericSpecs(valid);
  const columns = new Map<string, Float64Array>();
  const signatures: Record<string, string> = {};
  for (const spec of specs) {
    const column = f.columns.get(spec.key);
    if (!column) continue;
    columns.set(spec.key, pick(column, idx));
    signatures[spec.key] = featureSignature(valid, spec);
  }
  columns.set(
    labelColumn,
    Float64Array.from(idx, (i) => labels.labels[i]!),
  );
  const payload: FeaturePayload = {
    asOf,
    accounts: idx.length,
    signatures,
    columns,
    base: {
      ids: Array.from(idx, (i) => f.accountIds[i]!),
      names: Array.from(idx, (i) => names[i] ?? ''),
      segment: Uint8Array.from(idx, (i) => f.segment[i]!),
      arr: pick(f.arr, idx),
      categories: new Map(
        [...f.categories].map(([name, c]) => [
          name,
          { dictionary: c.dictionary, codes: Int32Array.from(idx, (i) => c.codes[i]!) },
        ]),
      ),
    },
  };
  return encodeFeatures(payload);
}

export async function validationColumns(
  ws: Workspace,
  state: BacktestState,
  set: { date: number; accounts: Int32Array },
  valid: ValidPack,
  have: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const { asOf } = state.dates[set.date]!.input;
  const specs = numericSpecs(valid).filter((s) => !have.has(featureSignature(valid, s)));
  const inputs = loadAccountInputs(ws.db, asOf);
  if (inputs.accounts.keys.length !== state.dates[set.date]!.input.engine.features.accounts)
    throw new LadderError('conflict', 'The workspace changed since this calibration ran; run it again.');
  const computed = await computeFeatureColumnsAsync(ws.db, valid, asOf, specs, inputs, { signal });
  const columns = new Map<string, Float64Array>();
  const signatures: Record<string, string> = {};
  for (const spec of specs) {
    columns.set(spec.key, pick(computed.get(spec.key)!, set.accounts));
    signatures[spec.key] = featureSignature(valid, spec);
  }
  return encodeFeatures({ asOf, accounts: set.accounts.length, columns, signatures });
}
