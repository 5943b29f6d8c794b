// Logistic regression by IRLS against fits checked by hand.
import { fitLogistic } from '#shared/calibrate/logistic';
import { cholesky, choleskySolve } from '#shared/calibrate/linalg';
import { suggestPoints } from '#shared/calibrate/points';

// One binary feature. x = 0: 2 positives, 6 negatives; x = 1: 6 positives, 2 negatives.
// Unpenalised, the fit reproduces each group's log-odds exactly:
//   intercept = ln(2/6) = −ln 3 = −1.0986123, slope = ln(6/2) − ln(2/6) = 2 ln 3 = 2.1972246,
// and the standard errors are Woolf's: √(1/2 + 1/6) = 0.8164966 for the intercept,
// √(1/2 + 1/6 + 1/6 + 1/2) = √(4/3) = 1.1547005 for the slope.
const data = {
  x: Float64Array.from([1, 0, 1, 1]),
  rows: 2,
  columns: 2,
  pos: Float64Array.from([2, 6]),
  neg: Float64Array.from([6, 2]),
};

describe('logistic regression (IRLS)', () => {
  it('matches the closed-form fit of a 2×2 table', () => {
    const fit = fitLogistic(data, { lambda: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(-Math.log(3), 10);
    expect(fit.coefficients[1]).toBeCloseTo(2 * Math.log(3), 10);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(2 / 3), 8);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(4 / 3), 8);
  });

  it('with an L2 penalty, solves Σ x(y − mp) = λβ (intercept unpenalised) and shrinks the slope', () => {
    const lambda = 2;
    const fit = fitLogistic(data, { lambda });
    const [b0, b1] = fit.coefficients as unknown as [number, number];
    const p0 = 1 / (1 + Math.exp(-b0));
    const p1 = 1 / (1 + Math.exp(-(b0 + b1)));
    // Score equations: intercept 2 − 8p0 + 6 − 8p1 = 0; slope 6 − 8p1 = λ·b1.
    expect(8 - 8 * p0 - 8 * p1).toBeCloseTo(0, 9);
    expect(6 - 8 * p1).toBeCloseTo(lambda * b1, 9);
    expect(b1).toBeGreaterThan(0);
    expect(b1).toBeLessThan(2 * Math.log(3));
  });

  it('is deterministic and stays finite on separable data', () => {
    const separable = { ...data, pos: Float64Array.from([0, 5]), neg: Float64Array.from([5, 0]) };
    const a = fitLogistic(separable, { lambda: 1 });
    const b = fitLogistic(separable, { lambda: 1 });
    expect(Array.from(a.coefficients)).toEqual(Array.from(b.coefficients));
    expect(a.coefficients.every(Number.isFinite)).toBe(true);
    expect(a.coefficients[1]).toBeGreaterThan(1);
  });

  it('Cholesky solves a symmetric positive-definite system', () => {
    // [[4, 2], [2, 3]] x = [2, 1] → x = [0.5, 0].
    const l = cholesky(Float64Array.from([4, 2, 2, 3]), 2);
    expect(Array.from(choleskySolve(l, 2, [2, 1]))).toEqual([0.5, 0]);
  });
});

describe('points from coefficients', () => {
  it('scales so the strongest signal gets the largest current weight, rounds, and flags removals (unstable ones keep their points)', () => {
    const s = suggestPoints(
      [
        { id: 'a', coefficient: 2, standardError: 0.2, fired: 50, rows: 100 },
        { id: 'b', coefficient: 1, standardError: 0.2, fired: 50, rows: 100 },
        { id: 'c', coefficient: 0.5, standardError: 0.5, fired: 50, rows: 100 }, // 95 % CI reaches 0
        { id: 'd', coefficient: -0.3, standardError: 0.1, fired: 50, rows: 100 },
        { id: 'e', coefficient: 0, standardError: 1, fired: 0, rows: 100 },
      ],
      [5, 3, 4, 4, 2],
    );
    expect(s.scale).toBe(5);
    expect(s.weights).toEqual({ a: 5, b: 3, c: 1, d: 0, e: 0 }); // b: 1/2 × 5 = 2.5 → 3; c: 1/4 × 5 = 1.25 → 1
    expect(s.removal).toEqual([
      { id: 'c', reason: 'unstable' },
      { id: 'd', reason: 'non-positive' },
      { id: 'e', reason: 'never-fires' },
    ]);
  });
});
