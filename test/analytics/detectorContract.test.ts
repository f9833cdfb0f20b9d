import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../src/domain/bar.js';
import { runStreaming } from '../../src/analytics/detector.js';
import { DETECTORS } from '../../src/analytics/registry.js';
import { BarColumns } from '../../src/analytics/series/BarColumns.js';
import { randomBars } from './randomBars.js';

/**
 * THE contract every detector registers with (via src/analytics/registry.ts):
 * 1. the batch face and the streaming face give the same Facts for every session of random series;
 * 2. replacing the latest session and then replacing it back restores the state exactly (later sessions give
 *    the same Facts as a stream that never saw the replacement), and the replaced session's Facts equal the
 *    batch face over the series with that session replaced.
 */
const batchAll = (det: (typeof DETECTORS)[number], bars: readonly Bar[]) => {
  const out = det.batch(BarColumns.fromBars(bars));
  return bars.map((_, i) => out.factsAt(i));
};

describe('detector contract', () => {
  it('registers at least 20 detectors with unique ids', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(20);
  });

  for (const det of DETECTORS) {
    describe(det.id, () => {
      it('batch == streaming on random series', () => {
        fc.assert(
          fc.property(randomBars(), (bars) => {
            expect(runStreaming(det.create(), bars)).toEqual(batchAll(det, bars));
          }),
          { numRuns: 40 },
        );
      });

      it('replace then replace-back restores the state', () => {
        fc.assert(
          fc.property(randomBars(120), fc.nat(), fc.double({ min: 0.5, max: 1.6, noNaN: true }), (bars, kRaw, factor) => {
            const k = kRaw % bars.length;
            const orig = bars[k] as Bar;
            const other: Bar = { ...orig, close: orig.close * factor, high: Math.max(orig.high, orig.close * factor), low: Math.min(orig.low, orig.close * factor) };
            const s = det.create();
            const seen: unknown[] = [];
            bars.forEach((b, i) => {
              seen.push(s.update(b));
              if (i === k) {
                const replaced = s.update(other, true);
                const withOther = [...bars.slice(0, k), other];
                expect(replaced).toEqual(batchAll(det, withOther)[k]);
                expect(s.update(orig, true)).toEqual(seen[k]);
              }
            });
            expect(seen).toEqual(batchAll(det, bars));
          }),
          { numRuns: 40 },
        );
      });
    });
  }
});
