// Whitespace per account from the feature table: potential seats, potential ARR and
// max(0, potential ARR − ARR), with the expression interpreter the features use, one variant per
// segment. Missing inputs give missing values (NaN), never a guessed zero. Results are normalised
// so −0 reads as 0, as in every export.
import { evaluate, type ColumnEnv } from '../expr/evaluate';
import { potentialSeatsName, type CheckedPotential, type PotentialVariant } from '../pack/potential';
import type { ValidPack } from '../pack/validate';
import type { FeatureTable } from './features';
import { isSet } from '../missing';

export interface PotentialColumns {
  seats: Float64Array;
  arr: Float64Array;
  whitespace: Float64Array;
}

/** max(0, potential − arr), missing when either is. */
export function whitespaceOf(potentialArr: number, arr: number): number {
  if (!isSet(potentialArr) || !isSet(arr)) return NaN;
  const gap = potentialArr - arr;
  return gap > 0 ? gap : 0;
}

function evaluateVariant(
  variant: PotentialVariant,
  features: FeatureTable,
): { seats: Float64Array; arr: Float64Array } {
  // An input the feature table lacks is missing for every account: the whitespace is unknown.
  const column = (name: string) => features.columns.get(name) ?? new Float64Array(features.accounts).fill(NaN);
  const base: ColumnEnv = {
    length: features.accounts,
    ident: column,
    window() {
      throw new Error('Whitespace expressions have no window functions.');
    },
  };
  const seats = evaluate(variant.seats, base);
  const arr = evaluate(variant.arr, { ...base, ident: (name) => (name === potentialSeatsName ? seats : column(name)) });
  return { seats, arr };
}

export function computePotential(potential: CheckedPotential, features: FeatureTable): PotentialColumns {
  const n = features.accounts;
  const seats = new Float64Array(n);
  const arr = new Float64Array(n);
  // Segments sharing the same expressions are evaluated once.
  const results = new Map<string, { seats: Float64Array; arr: Float64Array }>();
  const bySegment = potential.bySegment.map((v) => {
    const key = `${v.seatsText}\u0000${v.arrText}`;
    let r = results.get(key);
    if (!r) results.set(key, (r = evaluateVariant(v, features)));
    return r;
  });
  const segment = features.segment;
  for (let i = 0; i < n; i++) {
    const r = bySegment[segment[i]! & 3]!;
    seats[i] = r.seats[i]! + 0; // + 0 turns −0 into 0 and keeps NaN
    arr[i] = r.arr[i]! + 0;
  }
  const paid = features.columns.get('arr') ?? new Float64Array(n).fill(NaN);
  const whitespace = new Float64Array(n);
  for (let i = 0; i < n; i++) whitespace[i] = whitespaceOf(arr[i]!, paid[i]!);
  return { seats, arr, whitespace };
}

export const potentialFor = (valid: ValidPack, features: FeatureTable) => computePotential(valid.potential, features);
