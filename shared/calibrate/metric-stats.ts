// What one metric says about the outcome on its own: its univariate AUC, its information value
// over deciles, and a scan of candidate thresholds at its quantiles (conversion, lift and IV at
// each, with support) that suggests where a signal on it should fire.
import { groupsOfAccounts } from './groups';
import { rocAuc } from './roc';
import { informationValue, splitStats } from './two-by-two';

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

/** Accounts with a value and a label, sorted by value. */
function sortedLabelled(values: ArrayLike<number>, labels: ArrayLike<number>) {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++)
    if (values[i] === values[i] && (labels[i] === 0 || labels[i] === 1)) idx.push(i);
  idx.sort((a, b) => values[a]! - values[b]!);
  return idx;
}

const isLower = (op: string) => op === '<' || op === '<=';

/** AUC of the raw metric, oriented so that "fires" means higher (negated for < and <=). */
export function univariateAuc(values: ArrayLike<number>, labels: ArrayLike<number>, operator: string): number {
  const sign = isLower(operator) ? -1 : 1;
  const scores = Float64Array.from({ length: values.length }, (_, i) => sign * values[i]!);
  return rocAuc(groupsOfAccounts(scores, labels));
}

/** Information value over ten equal-count bins of the metric (ties kept together) and a bin for missing values. */
export function metricIv(values: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = sortedLabelled(values, labels);
  const bins: { pos: number; neg: number }[] = [];
  const per = idx.length / 10;
  let current = { pos: 0, neg: 0 };
  let count = 0;
  idx.forEach((i, k) => {
    if (labels[i] === 1) current.pos++;
    else current.neg++;
    count++;
    const next = idx[k + 1];
    if (count >= per && (next === undefined || values[next] !== values[i])) {
      bins.push(current);
      current = { pos: 0, neg: 0 };
      count = 0;
    }
  });
  if (count > 0) bins.push(current);
  const missing = { pos: 0, neg: 0 };
  for (let i = 0; i < values.length; i++) {
    if (values[i] === values[i]) continue;
    if (labels[i] === 1) missing.pos++;
    else if (labels[i] === 0) missing.neg++;
  }
  if (missing.pos + missing.neg > 0) bins.push(missing);
  return informationValue(bins);
}

export const scanQuantiles = Array.from({ length: 19 }, (_, k) => (k + 1) / 20);

/**
 * Candidate thresholds at the 5 %, 10 %, … 95 % quantiles of the metric (distinct values only).
 * The suggestion is the candidate with the highest information value among those that fire for
 * at least 5 % of the accounts (and 10 accounts), leave as many unfired, and raise conversion.
 */
export function thresholdScan(
  values: ArrayLike<number>,
  labels: ArrayLike<number>,
  operator: ScanOperator,
): ThresholdScan {
  const idx = sortedLabelled(values, labels);
  let totalPos = 0;
  let n = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) totalPos++;
    if (labels[i] === 0 || labels[i] === 1) n++;
  }
  if (idx.length === 0 || totalPos === 0 || totalPos === n) return { candidates: [], suggested: null };
  const sortedValues = idx.map((i) => values[i]!);
  // Positives among the k lowest-valued accounts, for k = 0…m.
  const posBelow = new Float64Array(idx.length + 1);
  idx.forEach((i, k) => (posBelow[k + 1] = posBelow[k]! + (labels[i] === 1 ? 1 : 0)));
  /** Index of the first value ≥ t (strict: > t). */
  const firstAtOrAbove = (t: number, strict: boolean) => {
    let lo = 0;
    let hi = sortedValues.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? sortedValues[mid]! <= t : sortedValues[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const seen = new Set<number>();
  const candidates: ThresholdCandidate[] = [];
  for (const q of scanQuantiles) {
    const t = sortedValues[Math.min(sortedValues.length - 1, Math.floor(q * (sortedValues.length - 1)))]!;
    if (seen.has(t)) continue;
    seen.add(t);
    let from: number;
    let to: number; // fired accounts are sortedValues[from, to)
    if (operator === '>' || operator === '>=') {
      from = firstAtOrAbove(t, operator === '>');
      to = sortedValues.length;
    } else {
      from = 0;
      to = firstAtOrAbove(t, operator === '<=');
    }
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
    if (c.fired < minSupport || n - c.fired < minSupport || !(c.lift > 1) || !(c.iv === c.iv)) continue;
    if (!best || c.iv > best.iv) best = c;
  }
  return { candidates, suggested: best?.threshold ?? null };
}
