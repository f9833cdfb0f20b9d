import type { Bar } from '../../domain/bar.js';
import type { Fact } from '../../domain/fact.js';
import type { BatchOutput, DetectorSpec } from '../detector.js';
import { StreamingDetector } from '../detector.js';
import { extremeDetector, type ExtremeOptions } from './windowExtreme.js';

/** Default "closing in" distance: within 5% below the high (fraction). */
export const CLOSING_IN_WITHIN = 0.05;

/** The highs a close can be closing in on: the record close, the 52-week high close, last year's high close. */
const HIGHS: readonly ExtremeOptions[] = [
  { window: 'all', side: 'high', basis: 'close' },
  { window: '52w', side: 'high', basis: 'close' },
  { window: 'prevYear', side: 'high', basis: 'close' },
];

/**
 * `closing_in`: the close is below a high by more than 0 and at most `within` (default 5%): distance
 * = 1 - close / high, reported as `changePct` (negative, in percent). `period`: `all`, `52w` or the year;
 * `reference` the high and its date. Derived from the period_high / all_time_high facts of the same session;
 * null when none of the highs is known yet.
 */
export function closingInFrom(highFacts: readonly (readonly Fact[] | null)[], within = CLOSING_IN_WITHIN): Fact[] | null {
  if (highFacts.every((f) => f === null)) return null;
  const out: Fact[] = [];
  for (const fs of highFacts) {
    const f = fs?.[0];
    if (!f || f.changePct === undefined || f.reference === undefined) continue;
    const distance = -f.changePct / 100;
    if (distance > 0 && distance <= within) {
      out.push({ type: 'closing_in', basis: 'close', changePct: f.changePct, value: f.reference.value, reference: f.reference, period: f.period ?? 'all' });
    }
  }
  return out;
}

class StreamingClosingIn extends StreamingDetector {
  private readonly inner = HIGHS.map((o) => extremeDetector(o).create());
  constructor(private readonly within: number) {
    super();
  }
  protected evaluate(): Fact[] | null {
    const bar = this.hist.pendingBar as Bar;
    // Inner detectors follow the same replace protocol: a replace of ours is a replace of theirs.
    return closingInFrom(this.inner.map((d) => d.update(bar, this.replacing)), this.within);
  }
  protected commit(): void {}
}

/** Builds the closing-in detector for a distance `within` (fraction, default 0.05). */
export function closingInDetector(within = CLOSING_IN_WITHIN): DetectorSpec {
  const highs = HIGHS.map((o) => extremeDetector(o));
  return {
    id: 'closing_in',
    summary: `closing_in: close within ${within * 100}% below the record, 52-week or last year's high close`,
    batch: (cols): BatchOutput => {
      const outs = highs.map((d) => d.batch(cols));
      return { factsAt: (i) => closingInFrom(outs.map((o) => o.factsAt(i)), within) };
    },
    create: () => new StreamingClosingIn(within),
  };
}
