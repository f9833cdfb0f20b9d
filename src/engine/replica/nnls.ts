/**
 * Non-negative least squares (Lawson & Hanson 1974): minimises ||A x - b||² subject to x >= 0.
 * `A` is row-major with `m` rows and `n` columns. Unitless; returns x (length n).
 * @example nnls([1, 0, 0, 1], [1, -1], 2, 2) // [1, 0]
 * Bounded: at most `maxIter` outer iterations, and each inner loop at most n + 1 steps (every step frees at least
 * one variable); a non-finite input, a non-finite intermediate least-squares solution or a loop that does not
 * finish stops it with an {@link NnlsError} instead of looping on NaN.
 * @throws RangeError when the sizes do not match; NnlsError on non-finite values or no convergence.
 */
export function nnls(A: ArrayLike<number>, b: ArrayLike<number>, m: number, n: number, maxIter = 30 * n): number[] {
  if (A.length !== m * n || b.length !== m) throw new RangeError(`nnls: A is ${A.length}, expected ${m}x${n}; b is ${b.length}`);
  for (let i = 0; i < A.length; i++) if (!Number.isFinite(A[i] as number)) throw new NnlsError(`non-finite matrix entry ${A[i]} at row ${Math.floor(i / n) + 1}`);
  for (let i = 0; i < m; i++) if (!Number.isFinite(b[i] as number)) throw new NnlsError(`non-finite target ${b[i]} at row ${i + 1}`);
  const x = new Array<number>(n).fill(0);
  const passive = new Array<boolean>(n).fill(false);
  const w = new Array<number>(n).fill(0);
  const gradient = () => {
    // w = A^T (b - A x)
    const r = new Array<number>(m);
    for (let i = 0; i < m; i++) {
      let s = b[i] as number;
      for (let j = 0; j < n; j++) s -= (A[i * n + j] as number) * (x[j] as number);
      r[i] = s;
    }
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += (A[i * n + j] as number) * (r[i] as number);
      w[j] = s;
    }
  };
  const tol = 1e-12;
  let iter = 0;
  gradient();
  if (!w.every(Number.isFinite)) throw new NnlsError('gradient is not finite (values too large or too small for double precision)');
  for (;;) {
    let jMax = -1, wMax = tol;
    for (let j = 0; j < n; j++) if (!passive[j] && (w[j] as number) > wMax) (wMax = w[j] as number), (jMax = j);
    if (jMax < 0 || iter++ > maxIter) break;
    passive[jMax] = true;
    for (let inner = 0; ; inner++) {
      if (inner > n + 1) throw new NnlsError(`inner loop did not finish in ${n + 1} steps`);
      const P = passive.flatMap((p, j) => (p ? [j] : []));
      const z = lstsq(A, b, m, n, P);
      if (!z.every(Number.isFinite)) throw new NnlsError('least-squares step is not finite (values too large or too small for double precision)');
      if (P.every((j, k) => (z[k] as number) > 0)) {
        P.forEach((j, k) => (x[j] = z[k] as number));
        break;
      }
      let alpha = Infinity;
      P.forEach((j, k) => {
        const zk = z[k] as number;
        if (zk <= 0) alpha = Math.min(alpha, (x[j] as number) / ((x[j] as number) - zk));
      });
      P.forEach((j, k) => {
        x[j] = (x[j] as number) + alpha * ((z[k] as number) - (x[j] as number));
        if ((x[j] as number) <= tol) {
          x[j] = 0;
          passive[j] = false;
        }
      });
    }
    gradient();
    if (!w.every(Number.isFinite)) throw new NnlsError('gradient is not finite (values too large or too small for double precision)');
  }
  return x;
}

/** NNLS stopped on non-finite numbers or without converging (the caller names the input behind it). */
export class NnlsError extends RangeError {
  constructor(reason: string) {
    super(`nnls: ${reason}`);
    this.name = 'NnlsError';
  }
}

/** Least squares on the columns `cols` of A (normal equations with Cholesky; tiny ridge for stability). */
function lstsq(A: ArrayLike<number>, b: ArrayLike<number>, m: number, n: number, cols: readonly number[]): number[] {
  const k = cols.length;
  const G = new Float64Array(k * k);
  const h = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let p = 0; p < k; p++) {
      const ap = A[row + (cols[p] as number)] as number;
      if (ap === 0) continue;
      h[p] = (h[p] as number) + ap * (b[i] as number);
      for (let q = 0; q <= p; q++) G[p * k + q] = (G[p * k + q] as number) + ap * (A[row + (cols[q] as number)] as number);
    }
  }
  let trace = 0;
  for (let p = 0; p < k; p++) trace += G[p * k + p] as number;
  const ridge = (trace / Math.max(k, 1)) * 1e-12;
  for (let p = 0; p < k; p++) G[p * k + p] = (G[p * k + p] as number) + ridge;
  // Cholesky G = L L^T (lower triangle in place)
  for (let p = 0; p < k; p++) {
    for (let q = 0; q <= p; q++) {
      let s = G[p * k + q] as number;
      for (let r = 0; r < q; r++) s -= (G[p * k + r] as number) * (G[q * k + r] as number);
      G[p * k + q] = p === q ? Math.sqrt(Math.max(s, 1e-300)) : s / (G[q * k + q] as number);
    }
  }
  const y = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    let s = h[p] as number;
    for (let r = 0; r < p; r++) s -= (G[p * k + r] as number) * (y[r] as number);
    y[p] = s / (G[p * k + p] as number);
  }
  const z = new Array<number>(k).fill(0);
  for (let p = k - 1; p >= 0; p--) {
    let s = y[p] as number;
    for (let r = p + 1; r < k; r++) s -= (G[r * k + p] as number) * (z[r] as number);
    z[p] = s / (G[p * k + p] as number);
  }
  return z;
}
