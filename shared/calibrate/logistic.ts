// L2-regularised logistic regression fitted by IRLS (Newton's method). Rows are groups of
// accounts that share a design row (the signal bits and segment of a class), each with its count
// of positives and negatives, so a million accounts cost what a few hundred classes cost. Pure and
// deterministic: the same data give the same coefficients, bit for bit, on every platform.
import { cholesky, choleskySolve, inverseDiagonal } from './linalg';

export interface LogisticData {
  /** Design rows, row-major (rows × columns); column 0 is the intercept (all ones). */
  x: Float64Array;
  rows: number;
  columns: number;
  pos: Float64Array;
  neg: Float64Array;
}

export interface LogisticFit {
  coefficients: Float64Array;
  /** Standard errors from the inverse of the penalised Hessian. */
  standardErrors: Float64Array;
  iterations: number;
  converged: boolean;
  /** Penalised log-likelihood at the solution. */
  logLikelihood: number;
}

export interface LogisticOptions {
  /** Penalty λ on ½·Σβⱼ² over every coefficient but the intercept (default 1). */
  lambda?: number;
  maxIterations?: number;
  tolerance?: number;
}

const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

function linear(d: LogisticData, beta: Float64Array, r: number): number {
  let t = 0;
  for (let j = 0; j < d.columns; j++) t += d.x[r * d.columns + j]! * beta[j]!;
  return t;
}

function penalisedLogLikelihood(d: LogisticData, beta: Float64Array, lambda: number): number {
  let ll = 0;
  for (let r = 0; r < d.rows; r++) {
    const t = linear(d, beta, r);
    // log σ(t) and log(1 − σ(t)) without overflow.
    const logP = -Math.log1p(Math.exp(-Math.abs(t))) + Math.min(0, t);
    const logQ = logP - t;
    ll += d.pos[r]! * logP + d.neg[r]! * logQ;
  }
  let penalty = 0;
  for (let j = 1; j < d.columns; j++) penalty += beta[j]! ** 2;
  return ll - 0.5 * lambda * penalty;
}

export function fitLogistic(d: LogisticData, options: LogisticOptions = {}): LogisticFit {
  const { lambda = 1, maxIterations = 100, tolerance = 1e-10 } = options;
  const p = d.columns;
  let beta: Float64Array = new Float64Array(p);
  // Start the intercept at the overall log-odds: fewer iterations, same answer.
  let P = 0;
  let N = 0;
  for (let r = 0; r < d.rows; r++) {
    P += d.pos[r]!;
    N += d.neg[r]!;
  }
  if (P > 0 && N > 0) beta[0] = Math.log(P / N);
  let iterations = 0;
  let converged = false;
  let l: Float64Array = new Float64Array(p * p);
  const hessian = new Float64Array(p * p);
  const gradient = new Float64Array(p);
  // A tiny ridge on the intercept keeps the system solvable when every row is positive (or negative).
  const interceptRidge = 1e-9;
  for (; iterations < maxIterations; iterations++) {
    hessian.fill(0);
    gradient.fill(0);
    for (let r = 0; r < d.rows; r++) {
      const m = d.pos[r]! + d.neg[r]!;
      if (m === 0) continue;
      const mu = sigmoid(linear(d, beta, r));
      const w = m * mu * (1 - mu);
      const residual = d.pos[r]! - m * mu;
      const row = r * p;
      for (let i = 0; i < p; i++) {
        const xi = d.x[row + i]!;
        if (xi === 0) continue;
        gradient[i]! += xi * residual;
        for (let j = 0; j <= i; j++) hessian[i * p + j]! += w * xi * d.x[row + j]!;
      }
    }
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < i; j++) hessian[j * p + i] = hessian[i * p + j]!;
      hessian[i * p + i]! += i === 0 ? interceptRidge : lambda;
      if (i > 0) gradient[i]! -= lambda * beta[i]!;
    }
    l = cholesky(hessian, p);
    const step = choleskySolve(l, p, gradient);
    // Newton steps can overshoot on separable data: halve until the objective does not get worse.
    const before = penalisedLogLikelihood(d, beta, lambda);
    let scale = 1;
    let next = beta;
    for (let k = 0; k < 30; k++) {
      next = Float64Array.from(beta, (b, j) => b + scale * step[j]!);
      if (penalisedLogLikelihood(d, next, lambda) >= before - 1e-12) break;
      scale /= 2;
    }
    const change = Math.max(...Array.from(step, (s) => Math.abs(s * scale)));
    beta = next;
    if (change < tolerance) {
      converged = true;
      iterations++;
      break;
    }
  }
  const variance = inverseDiagonal(l, p);
  return {
    coefficients: beta,
    standardErrors: Float64Array.from(variance, (v) => Math.sqrt(Math.max(0, v))),
    iterations,
    converged,
    logLikelihood: penalisedLogLikelihood(d, beta, lambda),
  };
}

/** The fitted probability of each design row. */
export function predictLogistic(d: Pick<LogisticData, 'x' | 'rows' | 'columns'>, beta: Float64Array): Float64Array {
  return Float64Array.from({ length: d.rows }, (_, r) => sigmoid(linear(d as LogisticData, beta, r)));
}
