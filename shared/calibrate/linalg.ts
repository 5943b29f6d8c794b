// The little dense linear algebra logistic regression needs: symmetric positive-definite systems
// of a few dozen unknowns, solved by Cholesky decomposition. Row-major Float64Arrays.

/** Cholesky factor L (lower triangular, row-major) of the symmetric positive-definite n×n matrix A. */
export function cholesky(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) throw new Error('The matrix is not positive definite.');
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j]!;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for x. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}

/** The diagonal of A⁻¹ from A's Cholesky factor (column by column). */
export function inverseDiagonal(l: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    out[j] = choleskySolve(l, n, e)[j]!;
  }
  return out;
}
