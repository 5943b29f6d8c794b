// Precision–recall AUC and the top-of-list measures (lift and capture in the top decile, the gains
// curve). Accounts tied at the cut are taken in proportion, which is what a random tie-break gives
// on average — so the answer never depends on the order of tied accounts.
import type { ScoreGroups } from './groups';

/**
 * Average precision: Σ (recallₖ − recallₖ₋₁) · precisionₖ over the groups, highest score first
 * (each group of tied scores is one threshold, as in scikit-learn's average_precision_score).
 */
export function prAuc(g: ScoreGroups): number {
  if (g.positives === 0) return NaN;
  let tp = 0;
  let fp = 0;
  let sum = 0;
  for (let i = 0; i < g.size; i++) {
    const pos = g.pos[i]!;
    tp += pos;
    fp += g.neg[i]!;
    if (pos > 0) sum += (pos / g.positives) * (tp / (tp + fp));
  }
  return sum;
}

export interface TopShare {
  /** Share of accounts taken (the fraction asked for). */
  share: number;
  accounts: number;
  positives: number;
  /** Conversion in the top share ÷ overall conversion. */
  lift: number;
  /** Share of all positives that fall in the top share. */
  capture: number;
}

/** The best-scored `fraction` of accounts: how many positives they hold, the lift and the capture. */
export function topShare(g: ScoreGroups, fraction: number): TopShare {
  const n = g.positives + g.negatives;
  const want = fraction * n;
  let taken = 0;
  let positives = 0;
  for (let i = 0; i < g.size && taken < want; i++) {
    const size = g.pos[i]! + g.neg[i]!;
    const part = Math.min(1, (want - taken) / size);
    taken += size * part;
    positives += g.pos[i]! * part;
  }
  const base = n > 0 ? g.positives / n : NaN;
  return {
    share: fraction,
    accounts: taken,
    positives,
    lift: taken > 0 && base > 0 ? positives / taken / base : NaN,
    capture: g.positives > 0 ? positives / g.positives : NaN,
  };
}

/** Lift and capture at each tenth of the list, the data of the gains / lift chart. */
export function deciles(g: ScoreGroups): TopShare[] {
  return Array.from({ length: 10 }, (_, d) => topShare(g, (d + 1) / 10));
}
