import fc from 'fast-check';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';

/** One random session step: calendar days to the next bar, close return, intraday spread, volume. */
const step = fc.record({
  gapDays: fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 20, max: 400 }) }),
  ret: fc.oneof(
    { weight: 10, arbitrary: fc.double({ min: -0.04, max: 0.04, noNaN: true }) },
    { weight: 2, arbitrary: fc.double({ min: -0.25, max: 0.3, noNaN: true }) },
    { weight: 2, arbitrary: fc.constant(0) },
  ),
  up: fc.double({ min: 0, max: 0.08, noNaN: true }),
  down: fc.double({ min: 0, max: 0.08, noNaN: true }),
  volume: fc.option(fc.integer({ min: 1, max: 1000 }), { freq: 6 }),
});

/** Random valid daily series (ascending dates with gaps, ties from rounding, big moves, unknown volumes). */
export const randomBars = (maxLength = 400): fc.Arbitrary<Bar[]> =>
  fc.array(step, { minLength: 1, maxLength }).map((steps) => {
    let t = Date.UTC(2019, 11, 27);
    let close = 100;
    return steps.map((s) => {
      t += s.gapDays * 86_400_000;
      const prev = close;
      close = Math.max(0.5, Math.round(prev * (1 + s.ret) * 10) / 10);
      const open = prev;
      const high = Math.max(open, close) * (1 + s.up);
      const low = Math.min(open, close) * (1 - s.down);
      return { date: new Date(t).toISOString().slice(0, 10) as SessionDate, open, high, low, close, adjClose: null, volume: s.volume };
    });
  });
