import { describe, expect, it } from 'vitest';
import { nnls, NnlsError } from '../../src/engine/replica/nnls.js';

describe('nnls is bounded and refuses non-finite numbers (it looped forever on NaN)', () => {
  it('solves a small problem: A = I, b = (1, -1) gives x = (1, 0) (to the solver\'s 1e-12 ridge)', () => {
    const x = nnls([1, 0, 0, 1], [1, -1], 2, 2);
    expect(x[0]).toBeCloseTo(1, 10);
    expect(x[1]).toBe(0);
  });
  it('refuses NaN or infinite inputs, naming the row', () => {
    expect(() => nnls([1, Number.NaN, 0, 1], [1, 1], 2, 2)).toThrow('nnls: non-finite matrix entry NaN at row 1');
    expect(() => nnls([1, 0, 0, 1], [1, Number.POSITIVE_INFINITY], 2, 2)).toThrow('nnls: non-finite target Infinity at row 2');
  });
  it('stops with an error when the squares overflow (entries of 1e200: 1e400 is Infinity in double precision)', () => {
    const t0 = Date.now();
    expect(() => nnls([1e200, 0, 0, 1e200], [1e200, 1e200], 2, 2)).toThrow(NnlsError);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
