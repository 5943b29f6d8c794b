// What one metric says about the outcome on its own: its univariate AUC, its information value
// over deciles, and a scan of candidate thresholds at its quantiles (conversion, lift and IV at
// each, with support) that suggests where a signal on it should fire. The labelled values are
// sorted once (positives and negatives apart, with the typed arrays' native sort, then merged):
// a million training rows cost a few native sorts, not comparator callbacks.
import { informationValue, splitStats } from './two-by-two';
import { isSet } from '../missing';

export type ScanOperator = '>' | '>=' | '<' | '<=';

export interface ThresholdCandidate {
  threshold: number;
  /** Quantile of the metric the threshold sits at. */
  quantile: number;
  fired: number;
  fireRate: number;
  positives: number;
  conversion: number;
  lift: number;
  iv: number;
}

export interface ThresholdScan {
  candidates: ThresholdCandidate[];
  suggested: number | null;
}

/** The labelled accounts with a value, sorted by value, and the labelled ones without one. */
export interface SortedMetric {
  values: Float64Array;
  /** 1 positive, 0 negative, in the same order. */
  labels: Uint8Array;
  positives: number;
  missingPos: number;
  missingNeg: number;
}

export function sortMetric(values: ArrayLike<number>, labels: ArrayLike<number>): SortedMetric {
  let p = 0;
  let q = 0;
  let missingPos = 0;
  let missingNeg = 0;
  for (let i = 0; i < values.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) continue;
    if (!isSet(values[i]!)) {
      if (y === 1) missingPos++;
      else missingNeg++;
    } else if (y === 1) p++;
    else q++;
  }
  const pos = new Float64Array(p);
  const neg = new Float64Array(q);
  p = q = 0;
  for (let i = 0; i < values.length; i++) {
    const y = labels[i];
    const v = values[i]!;
    if ((y !== 0 && y !== 1) || !isSet(v)) continue;
    if (y === 1) pos[p++] = v;
    else neg[q++] = v;
  }
  pos.sort();
  neg.sort();
  const n = pos.length + neg.length;
  const merged = new Float64Array(n);
  const mergedLabels = new Uint8Array(n);
  for (let i = 0, j = 0, k = 0; k < n; k++) {
    if (j >= neg.length || (i < pos.length && pos[i]! <= neg[j]!)) {
      merged[k] = pos[i++]!;
      mergedLabels[k] = 1;
    } else merged[k] = neg[j++]!;
  }
  return { values: merged, labels: mergedLabels, positives: pos.length, missingPos, missingNeg };
}

const isLower = (op: string) => op === '<' || op === '<=';

/** AUC of the raw metric over the accounts with a value, oriented so that "fires" means higher. */
export function sortedAuc(m: SortedMetric, operator: string): number {
  const P = m.positives;
  const N = m.values.length - P;
  if (P === 0 || N === 0) return NaN;
  // Walk groups of equal values: each positive beats the negatives below it and ties half of those level with it.
  let below = 0;
  let sum = 0;
  for (let k = 0; k < m.values.length;) {
    let end = k;
    let pos = 0;
    while (end < m.values.length && m.values[end] === m.values[k]) pos += m.labels[end++]!;
    const neg = end - k - pos;
    sum += pos * (below + 0.5 * neg);
    below += neg;
    k = end;
  }
  const auc = sum / (P * N);
  return isLower(operator) ? 1 - auc : auc;
}

/** Information value over ten equal-count bins (ties kept together) and a bin for missing values. */
export function sortedIv(m: SortedMetric): number {
  const bins: { pos: number; neg: number }[] = [];
  const per = m.values.length / 10;
  let current = { pos: 0, neg: 0 };
  let count = 0;
  for (let k = 0; k < m.values.length; k++) {
    if (m.labels[k]) current.pos++;
    else current.neg++;
    count++;
    if (count >= per && (k + 1 === m.values.length || m.values[k + 1] !== m.values[k])) {
      bins.push(current);
      current = { pos: 0, neg: 0 };
      count = 0;
    }
  }
  if (count > 0) bins.push(current);
  if (m.missingPos + m.missingNeg > 0) bins.push({ pos: m.missingPos, neg: m.missingNeg });
  return informationValue(bins);
}

export const scanQuantiles = Array.from({ length: 19 }, (_, k) => (k + 1) / 20);

/**
 * Candidate thresholds at the 5 %, 10 %, … 95 % quantiles of the metric (distinct values only).
 * The suggestion is the candidate with the highest information value among those that fire for
 * at least 5 % of the accounts (and 10 accounts), leave as many unfired, and raise conversion.
 */
export function sortedScan(m: SortedMetric, operator: ScanOperator): ThresholdScan {
  const totalPos = m.positives + m.missingPos;
  const n = m.values.length + m.missingPos + m.missingNeg;
  const sorted = m.values;
  if (sorted.length === 0 || totalPos === 0 || totalPos === n) return { candidates: [], suggested: null };
  // Positives among the k lowest-valued accounts, for k = 0…m.
  const posBelow = new Float64Array(sorted.length + 1);
  for (let k = 0; k < sorted.length; k++) posBelow[k + 1] = posBelow[k]! + m.labels[k]!;
  /** Index of the first value ≥ t (strict: > t). */
  const firstAtOrAbove = (t: number, strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? sorted[mid]! <= t : sorted[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const seen = new Set<number>();
  const candidates: ThresholdCandidate[] = [];
  for (const q of scanQuantiles) {
    const t = sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!;
    if (seen.has(t)) continue;
    seen.add(t);
    const [from, to] =
      operator === '>' || operator === '>='
        ? [firstAtOrAbove(t, operator === '>'), sorted.length]
        : [0, firstAtOrAbove(t, operator === '<=')]; // fired accounts are sorted[from, to)
    const fired = to - from;
    const firedPos = posBelow[to]! - posBelow[from]!;
    const stats = splitStats({
      firedPos,
      firedNeg: fired - firedPos,
      otherPos: totalPos - firedPos,
      otherNeg: n - totalPos - (fired - firedPos),
    });
    candidates.push({
      threshold: t,
      quantile: q,
      fired,
      fireRate: fired / n,
      positives: firedPos,
      conversion: stats.convFired,
      lift: stats.lift,
      iv: stats.iv,
    });
  }
  const minSupport = Math.max(10, 0.05 * n);
  let best: ThresholdCandidate | null = null;
  for (const c of candidates) {
    if (c.fired < minSupport || n - c.fired < minSupport || !(c.lift > 1) || !isSet(c.iv)) continue;
    if (!best || c.iv > best.iv) best = c;
  }
  return { candidates, suggested: best?.threshold ?? null };
}

/** AUC of the raw metric, oriented so that "fires" means higher (negated for < and <=). */
export const univariateAuc = (values: ArrayLike<number>, labels: ArrayLike<number>, operator: string) =>
  sortedAuc(sortMetric(values, labels), operator);
export const metricIv = (values: ArrayLike<number>, labels: ArrayLike<number>) => sortedIv(sortMetric(values, labels));
export const thresholdScan = (values: ArrayLike<number>, labels: ArrayLike<number>, operator: ScanOperator) =>
  sortedScan(sortMetric(values, labels), operator);
