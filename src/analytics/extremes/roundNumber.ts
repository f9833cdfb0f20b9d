import type { Fact } from '../../domain/fact.js';
import type { BatchOutput, DetectorSpec } from '../detector.js';
import { StreamingDetector } from '../detector.js';
import type { BarsView } from '../series/BarsView.js';
import { previousAtLeastOf } from '../series/previousAtLeast.js';
import { RecordChain } from '../series/RecordChain.js';

/**
 * Round-number step for a price: half the power of ten below it (5,059 -> 500; 42.45 -> 5; 0.8 -> 0.05).
 * @example roundStep(5059.38) // 500
 */
export function roundStep(price: number): number {
  return 10 ** Math.floor(Math.log10(price)) / 2;
}

/**
 * The round level crossed between two closes, signed: +L when prev <= L < close (up), -L when close < L <= prev
 * (down), 0 when none. When several levels are crossed, the furthest one. Step from the previous close.
 * Levels are computed as multiples of the step (k x step), so 5,000 is exactly 5000.
 */
export function crossedLevel(prev: number, close: number, step = roundStep(prev)): number {
  if (close > prev) {
    const k = Math.ceil(close / step) - 1; // largest k with k*step < close
    return k * step >= prev && k > 0 ? tidy(k * step) : 0;
  }
  if (close < prev) {
    const k = Math.floor(close / step) + 1; // smallest k with k*step > close
    return k * step <= prev ? -tidy(k * step) : 0;
  }
  return 0;
}

/** 1 or 0 without a branch (a comparison's bit as an integer). */
const bit = (b: boolean): number => (b as unknown as number) | 0;

/** 17 x 0.05 = 0.8500000000000001 -> 0.85 (only when a level is crossed: toPrecision is slow). */
const tidy = (x: number): number => (Number.isInteger(x) ? x : Number(x.toPrecision(12)));

/**
 * "First close above 5,000 since D": on a session whose close crosses a round level, the most recent earlier
 * session that closed beyond it (strictly above for up, below for down), or `record`.
 * Fact `round_number`, `event` `above`/`below`, `value` = the level, `since`, `reference` = that session's close.
 */
function facts(v: BarsView, i: number, level: number, j: number): Fact[] | null {
  if (i === 0) return null;
  if (level === 0) return [];
  return [{
    type: 'round_number',
    basis: 'close',
    event: level > 0 ? 'above' : 'below',
    value: Math.abs(level),
    since: j < 0 ? 'record' : v.date(j),
    ...(j >= 0 ? { reference: { date: v.date(j), value: v.close(j) } } : {}),
    detail: { step: roundStep(v.close(i - 1)) },
  }];
}

class StreamingRound extends StreamingDetector {
  private readonly up = new RecordChain();
  private readonly down = new RecordChain();
  protected evaluate(i: number): Fact[] | null {
    const h = this.hist;
    if (i === 0) return null;
    const L = crossedLevel(h.close(i - 1), h.close(i));
    let j = -1;
    if (L > 0) {
      const p = this.up.find(L, true);
      j = p < 0 ? -1 : this.up.tag(p);
    } else if (L < 0) {
      const p = this.down.find(L, true); // negated: close < |L|  <=>  -close > -|L|
      j = p < 0 ? -1 : this.down.tag(p);
    }
    return facts(h, i, L, j);
  }
  protected commit(i: number): void {
    const c = this.hist.close(i);
    this.up.push(c, i);
    this.down.push(-c, i);
  }
}

export const roundNumberDetector: DetectorSpec = {
  id: 'round_number',
  summary: 'round_number: first close above / below a round level (half power of ten) since a date, or record',
  batch: (cols): BatchOutput => {
    // Walk the shared "previous close at least as high / low" links back from yesterday: every skipped session
    // is below (above) a session that is itself at most (at least) the level, so it cannot be the answer.
    const n = cols.length;
    const c = cols.closes;
    const up = previousAtLeastOf(cols, 'close', 1), down = previousAtLeastOf(cols, 'close', -1);
    const level = new Float64Array(n), ref = new Int32Array(n).fill(-1);
    // roundStep changes only when the previous close leaves [2 x step, 20 x step): cache it with its bounds.
    let step = 0, stepLo = Infinity, stepHi = -Infinity;
    for (let i = 1; i < n; i++) {
      const prev = c[i - 1] as number;
      if (prev < stepLo || prev >= stepHi) {
        step = roundStep(prev);
        stepLo = step * 2;
        stepHi = step * 20;
      }
      // crossedLevel(prev, close, step) with both directions computed and no branch on the direction of the
      // move (random): a level is crossed on a few sessions in a hundred, and only those take the branch.
      const close = c[i] as number;
      const q = close / step;
      const ku = Math.ceil(q) - 1, kd = Math.floor(q) + 1;
      const crossUp = bit(close > prev) & bit(ku * step >= prev) & bit(ku > 0);
      const crossDown = bit(close < prev) & bit(kd * step <= prev);
      if ((crossUp | crossDown) === 0) continue; // level 0, no reference (the arrays' initial values)
      const L = crossUp === 1 ? tidy(ku * step) : -tidy(kd * step);
      level[i] = L;
      let j = i - 1;
      if (L > 0) while (j >= 0 && (c[j] as number) <= L) j = up[j] as number;
      else if (L < 0) while (j >= 0 && (c[j] as number) >= -L) j = down[j] as number;
      ref[i] = j;
    }
    return { factsAt: (i) => facts(cols, i, level[i] as number, ref[i] as number) };
  },
  create: () => new StreamingRound(),
};
