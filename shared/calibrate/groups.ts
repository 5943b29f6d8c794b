// Accounts grouped by score: every metric of a ranking (AUC, PR AUC, lift, capture) depends only
// on how many positives and negatives share each score. So the same functions serve a million
// accounts (grouped by the engine's classes) and a hand-worked example of seven (one per group).
import { isSet } from '../missing';

/** Distinct scores, highest first, with the positives and negatives at each. */
export interface ScoreGroups {
  size: number;
  score: Float64Array;
  pos: Float64Array;
  neg: Float64Array;
  positives: number;
  negatives: number;
}

/**
 * Sorts and merges (score, positives, negatives) triples — one per class, or one per account —
 * into groups. NaN scores are left out (an account without a score is not ranked).
 */
export function toGroups(score: ArrayLike<number>, pos: ArrayLike<number>, neg: ArrayLike<number>): ScoreGroups {
  const order: number[] = [];
  for (let i = 0; i < score.length; i++) if (isSet(score[i]!) && pos[i]! + neg[i]! > 0) order.push(i);
  order.sort((a, b) => score[b]! - score[a]! || a - b);
  const out = { score: [] as number[], pos: [] as number[], neg: [] as number[] };
  let positives = 0;
  let negatives = 0;
  for (const i of order) {
    const s = score[i]!;
    const last = out.score.length - 1;
    if (last >= 0 && out.score[last] === s) {
      out.pos[last]! += pos[i]!;
      out.neg[last]! += neg[i]!;
    } else {
      out.score.push(s);
      out.pos.push(pos[i]!);
      out.neg.push(neg[i]!);
    }
    positives += pos[i]!;
    negatives += neg[i]!;
  }
  return {
    size: out.score.length,
    score: Float64Array.from(out.score),
    pos: Float64Array.from(out.pos),
    neg: Float64Array.from(out.neg),
    positives,
    negatives,
  };
}

/** Groups from one score and one 0/1 label per account (the per-account reference computation). */
export function groupsOfAccounts(score: ArrayLike<number>, label: ArrayLike<number>): ScoreGroups {
  const pos = Float64Array.from({ length: score.length }, (_, i) => (label[i] === 1 ? 1 : 0));
  const neg = Float64Array.from({ length: score.length }, (_, i) => (label[i] === 0 ? 1 : 0));
  return toGroups(score, pos, neg);
}

/** Dense ranks of (primary, secondary) pairs, so a lexicographic order becomes one number per item. */
export function lexicographicRank(primary: ArrayLike<number>, secondary: ArrayLike<number>): Float64Array {
  const n = primary.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => primary[a]! - primary[b]! || secondary[a]! - secondary[b]!,
  );
  const rank = new Float64Array(n);
  let r = 0;
  order.forEach((i, k) => {
    const prev = order[k - 1];
    if (k > 0 && (primary[i] !== primary[prev!] || secondary[i] !== secondary[prev!])) r++;
    rank[i] = r;
  });
  return rank;
}
