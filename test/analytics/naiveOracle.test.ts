import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/analytics/registry.js';
import { BarColumns } from '../../src/analytics/series/BarColumns.js';
import { naive52w, naiveExtreme, naiveSince, naiveStreak } from '../../bench/baselines/naiveDetectors.js';
import { randomBars } from './randomBars.js';

/** The fast faces against the naive rescanning definitions (bench/baselines), on random series. */
const det = (id: string) => {
  const d = DETECTORS.find((x) => x.id === id);
  if (!d) throw new Error(id);
  return d;
};

describe('detectors agree with the naive definitions', () => {
  it('highest close since: most recent earlier close at least as high, said only when above the previous close', () => {
    fc.assert(
      fc.property(randomBars(), (bars) => {
        const cols = BarColumns.fromBars(bars);
        const out = det('highest_since.close').batch(cols);
        for (let i = 0; i < bars.length; i++) {
          const j = naiveSince(cols.closes, i, 1);
          const f = out.factsAt(i);
          if (i === 0) expect(f).toBeNull(); // nothing to compare with: no vacuous record
          else if (j === i - 1) expect(f).toEqual([]);
          else expect(f?.[0]?.since).toBe(j < 0 ? 'record' : bars[j]?.date);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('all-time and 52-week highs: the extreme of the window with its date, null without 52 weeks of data', () => {
    fc.assert(
      fc.property(randomBars(), (bars) => {
        const cols = BarColumns.fromBars(bars);
        const ath = det('all_time_high.close').batch(cols);
        const w52 = det('52w_low.close').batch(cols);
        for (let i = 0; i < bars.length; i++) {
          if (i === 0) expect(ath.factsAt(i)).toBeNull();
          else expect(ath.factsAt(i)?.[0]?.reference?.date).toBe(bars[naiveExtreme(cols.closes, 0, i, 1)]?.date);
          const k = naive52w(cols, i, -1);
          const f = w52.factsAt(i);
          if (k < 0) expect(f).toBeNull();
          else expect(f?.[0]?.reference?.date).toBe(bars[k]?.date);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('session streaks: count of consecutive higher or lower closes', () => {
    fc.assert(
      fc.property(randomBars(), (bars) => {
        const cols = BarColumns.fromBars(bars);
        const out = det('streak.session').batch(cols);
        for (let i = 1; i < bars.length; i++) {
          const s = naiveStreak(cols.closes, i);
          const inFact = out.factsAt(i)?.find((f) => f.event === 'in');
          if (Math.abs(s) >= 2) expect([inFact?.count, inFact?.detail?.['direction']]).toEqual([Math.abs(s), s > 0 ? 'up' : 'down']);
          else expect(inFact).toBeUndefined();
        }
      }),
      { numRuns: 60 },
    );
  });
});
