// A threshold edit of a `>`, `>=`, `<` or `<=` signal changes the bit only of accounts whose value
// lies between the old and the new threshold of their segment. With the accounts of a feature column
// sorted by (segment, value), those are one contiguous run per segment, found by binary search: the
// edit costs O(log n + accounts that flip) instead of a pass over every account.
import type { Signal } from '../pack/schema';
import { segmentThresholds } from './bits';
import { isSet } from '../missing';
import { sortByValue } from './sort-by-value';

export type MonotoneOperator = '>' | '>=' | '<' | '<=';

export const isMonotone = (op: string): op is MonotoneOperator =>
  op === '>' || op === '>=' || op === '<' || op === '<=';

export interface ThresholdIndex {
  /** Accounts sorted by (segment, value). A missing value (NaN) never meets a condition, so its
   * bit never changes: those accounts are left out. */
  order: Int32Array;
  /** The value of each account of `order`, in that order (binary search reads these sequentially). */
  values: Float64Array;
  /** The ARR (whole cents) of each account of `order`: moving accounts found in value order then
   * reads their ARR front to back instead of with one cache miss per account. */
  cents: Float64Array;
  /** Segment s occupies order[start[s]] … order[start[s + 1] - 1]. */
  start: Int32Array;
}

export const segmentCount = 4;

/**
 * Null when an account has a segment code outside 0–3: conditionBits then fires it only when every
 * segment has the same threshold, which no per-segment range can express (segmentCode never makes
 * such a code; this keeps the engine exact should one ever arrive).
 */
export function buildThresholdIndex(
  column: Float64Array,
  segment: Uint8Array,
  arrCents: Float64Array,
): ThresholdIndex | null {
  const start = new Int32Array(segmentCount + 1);
  for (let i = 0; i < column.length; i++) {
    const s = segment[i]!;
    if (s >= segmentCount) return null;
    if (isSet(column[i]!)) start[s + 1]! += 1;
  }
  for (let s = 0; s < segmentCount; s++) start[s + 1]! += start[s]!;
  const order = new Int32Array(start[segmentCount]!);
  const next = start.slice(0, segmentCount);
  for (let i = 0; i < column.length; i++) {
    const s = segment[i]!;
    if (isSet(column[i]!)) order[next[s]!++] = i;
  }
  for (let s = 0; s < segmentCount; s++) sortByValue(order.subarray(start[s]!, start[s + 1]!), column);
  const values = new Float64Array(order.length);
  const cents = new Float64Array(order.length);
  for (let p = 0; p < order.length; p++) {
    values[p] = column[order[p]!]!;
    cents[p] = arrCents[order[p]!]!;
  }
  return { order, values, cents, start };
}

/** First position in [from, to) whose value is ≥ v (or `to`). */
function lowerBound(values: Float64Array, from: number, to: number, v: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in [from, to) whose value is > v (or `to`). */
function upperBound(values: Float64Array, from: number, to: number, v: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The numeric threshold of each segment code, or null when one is not a plain number. */
function numericThresholds(signal: Signal): readonly number[] | null {
  const t = segmentThresholds(signal);
  return t.every((v): v is number => typeof v === 'number') ? t : null;
}

/** Accounts to move, with the ARR (whole cents) of each (views into the index: do not modify). */
export interface Flips {
  accounts: Int32Array;
  cents: Float64Array;
}

/**
 * The accounts whose bit differs between the two versions of a signal — when only its thresholds
 * changed (same metric, operator and sustained window, so the same column), one run per segment
 * whose threshold moved — or null when the edit is not of that kind and the column must be rescanned.
 */
export function thresholdFlips(index: () => ThresholdIndex | null, before: Signal, after: Signal): Flips[] | null {
  if (
    before.metric !== after.metric ||
    before.operator !== after.operator ||
    (before.sustainedPeriods ?? 0) !== (after.sustainedPeriods ?? 0) ||
    !isMonotone(after.operator)
  )
    return null;
  // conditionBits converts thresholds with Float64Array.from, so a text threshold would become a
  // number there; only plain numbers are handled here, where the comparison is the same one.
  const a = numericThresholds(before);
  const b = numericThresholds(after);
  if (!a || !b) return null;
  // x > t and x <= t flip for x in (low, high]; x >= t and x < t for x in [low, high).
  const bound = after.operator === '>' || after.operator === '<=' ? upperBound : lowerBound;
  const out: Flips[] = [];
  let built: ThresholdIndex | null = null;
  for (let s = 0; s < segmentCount; s++) {
    if (a[s] === b[s]) continue; // also -0 against 0: every comparison gives the same answer
    built ??= index();
    if (!built) return null;
    const { values, start } = built;
    const low = Math.min(a[s]!, b[s]!);
    const high = Math.max(a[s]!, b[s]!);
    const from = bound(values, start[s]!, start[s + 1]!, low);
    const to = bound(values, from, start[s + 1]!, high);
    // Views into the index, not copies: an edit allocates nothing in proportion to what it moves.
    if (to > from) out.push({ accounts: built.order.subarray(from, to), cents: built.cents.subarray(from, to) });
  }
  return out;
}
