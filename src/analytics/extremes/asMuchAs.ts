import type { Fact } from '../../domain/fact.js';
import type { BatchOutput, DetectorSpec } from '../detector.js';
import { StreamingDetector } from '../detector.js';
import type { BarsView } from '../series/BarsView.js';

/**
 * "Rose/fell as much as X%": the session high (low) against the previous close (methodology.md §3.2).
 * Up fact when high > previous close, down fact when low < previous close, both `basis: "intraday"`,
 * `changePct` in percent, `value` the extreme, `reference` the previous session. Null on the first bar.
 * @example high 5,203.93 against the previous close 5,059.38: (5203.93 / 5059.38 - 1) x 100 = +2.857%
 */
export function asMuchAsFacts(v: BarsView, i: number): Fact[] | null {
  if (i === 0) return null;
  const prev = v.close(i - 1);
  const reference = { date: v.date(i - 1), value: prev };
  const out: Fact[] = [];
  const h = v.high(i), l = v.low(i);
  if (h > prev) out.push({ type: 'as_much_as', basis: 'intraday', changePct: (h / prev - 1) * 100, value: h, reference, detail: { direction: 'up' } });
  if (l < prev) out.push({ type: 'as_much_as', basis: 'intraday', changePct: (l / prev - 1) * 100, value: l, reference, detail: { direction: 'down' } });
  return out;
}

class StreamingAsMuchAs extends StreamingDetector {
  protected evaluate(i: number): Fact[] | null {
    return asMuchAsFacts(this.hist, i);
  }
  protected commit(): void {}
}

export const asMuchAsDetector: DetectorSpec = {
  id: 'as_much_as',
  summary: 'as_much_as: session high / low against the previous close (intraday)',
  batch: (cols): BatchOutput => ({ factsAt: (i) => asMuchAsFacts(cols, i) }),
  create: () => new StreamingAsMuchAs(),
};
