// ROC AUC: the probability that a random positive outranks a random negative (ties count half),
// with DeLong's variance for a 95 % confidence interval. Both come from the groups in one pass.
import type { ScoreGroups } from './groups';

export interface AucEstimate {
  auc: number;
  /** 95 % confidence interval (DeLong), clipped to [0, 1]. */
  ci: [number, number];
  variance: number;
}

const z95 = 1.959963984540054;

/** ROC AUC (Mann–Whitney U over P·N pairs). NaN without positives or negatives. */
export function rocAuc(g: ScoreGroups): number {
  if (g.positives === 0 || g.negatives === 0) return NaN;
  let below = g.negatives;
  let sum = 0;
  for (let i = 0; i < g.size; i++) {
    below -= g.neg[i]!;
    sum += g.pos[i]! * (below + 0.5 * g.neg[i]!);
  }
  return sum / (g.positives * g.negatives);
}

/**
 * DeLong et al. (1988): each positive's placement is the share of negatives it outranks, each
 * negative's the share of positives outranking it; the AUC's variance is the variance of the
 * placements over P plus over N. Positives (or negatives) sharing a score share a placement.
 */
export function aucWithCi(g: ScoreGroups): AucEstimate {
  const P = g.positives;
  const N = g.negatives;
  if (P === 0 || N === 0) return { auc: NaN, ci: [NaN, NaN], variance: NaN };
  const auc = rocAuc(g);
  let below = N;
  let above = 0;
  let s10 = 0;
  let s01 = 0;
  for (let i = 0; i < g.size; i++) {
    const pos = g.pos[i]!;
    const neg = g.neg[i]!;
    below -= neg;
    const v10 = (below + 0.5 * neg) / N;
    const v01 = (above + 0.5 * pos) / P;
    s10 += pos * (v10 - auc) ** 2;
    s01 += neg * (v01 - auc) ** 2;
    above += pos;
  }
  const variance = (P > 1 ? s10 / (P - 1) / P : 0) + (N > 1 ? s01 / (N - 1) / N : 0);
  const half = z95 * Math.sqrt(variance);
  return { auc, ci: [Math.max(0, auc - half), Math.min(1, auc + half)], variance };
}

/** ROC curve points (false-positive rate, true-positive rate), one per group, from (0, 0). */
export function rocPoints(g: ScoreGroups): { fpr: number; tpr: number }[] {
  const points = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < g.size; i++) {
    tp += g.pos[i]!;
    fp += g.neg[i]!;
    points.push({ fpr: g.negatives ? fp / g.negatives : 0, tpr: g.positives ? tp / g.positives : 0 });
  }
  return points;
}
