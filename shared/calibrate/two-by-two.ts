// One yes/no split of the accounts (a signal fired or not, a metric above a threshold or not)
// against the outcome: conversion on each side, lift with a confidence interval, information value.

export interface SplitCounts {
  /** Positives and negatives where the condition holds ("fired") and where it does not. */
  firedPos: number;
  firedNeg: number;
  otherPos: number;
  otherNeg: number;
}

export interface SplitStats {
  fired: number;
  fireRate: number;
  convFired: number;
  convNotFired: number;
  /** Conversion when fired ÷ conversion when not (relative risk). */
  lift: number;
  /** 95 % interval of the lift (log method; half an account added to empty cells). */
  liftCi: [number, number];
  iv: number;
}

const z95 = 1.959963984540054;
/** Half an account in each cell when one is empty, so logarithms stay finite (Haldane–Anscombe). */
const cellCorrection = 0.5;

/**
 * Information value of a split into bins: Σ (shareOfPositives − shareOfNegatives) · ln(ratio),
 * with half an account added to every bin's counts when any is empty.
 */
export function informationValue(bins: readonly { pos: number; neg: number }[]): number {
  const P = bins.reduce((s, b) => s + b.pos, 0);
  const N = bins.reduce((s, b) => s + b.neg, 0);
  if (P === 0 || N === 0) return NaN;
  const used = bins.filter((b) => b.pos + b.neg > 0);
  const fix = used.some((b) => b.pos === 0 || b.neg === 0) ? cellCorrection : 0;
  const PP = P + fix * used.length;
  const NN = N + fix * used.length;
  let iv = 0;
  for (const b of used) {
    const p = (b.pos + fix) / PP;
    const q = (b.neg + fix) / NN;
    iv += (p - q) * Math.log(p / q);
  }
  return iv;
}

export function splitStats(c: SplitCounts): SplitStats {
  const fired = c.firedPos + c.firedNeg;
  const other = c.otherPos + c.otherNeg;
  const n = fired + other;
  const convFired = fired > 0 ? c.firedPos / fired : NaN;
  const convNotFired = other > 0 ? c.otherPos / other : NaN;
  let lift = NaN;
  let liftCi: [number, number] = [NaN, NaN];
  if (fired > 0 && other > 0 && c.firedPos + c.otherPos > 0) {
    const fix = c.firedPos === 0 || c.otherPos === 0 || c.firedNeg === 0 || c.otherNeg === 0 ? cellCorrection : 0;
    const a = c.firedPos + fix;
    const b = c.firedNeg + fix;
    const cc = c.otherPos + fix;
    const d = c.otherNeg + fix;
    lift = c.otherPos > 0 ? convFired / convNotFired : a / (a + b) / (cc / (cc + d));
    const rr = a / (a + b) / (cc / (cc + d));
    const se = Math.sqrt(1 / a - 1 / (a + b) + 1 / cc - 1 / (cc + d));
    liftCi = [rr * Math.exp(-z95 * se), rr * Math.exp(z95 * se)];
  }
  return {
    fired,
    fireRate: n > 0 ? fired / n : NaN,
    convFired,
    convNotFired,
    lift,
    liftCi,
    iv: informationValue([
      { pos: c.firedPos, neg: c.firedNeg },
      { pos: c.otherPos, neg: c.otherNeg },
    ]),
  };
}
