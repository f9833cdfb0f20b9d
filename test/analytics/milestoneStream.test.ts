import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { buildMilestoneReport } from '../../src/analytics/milestones.js';
import { MilestoneStream } from '../../src/analytics/MilestoneStream.js';
import { BarColumns } from '../../src/analytics/series/BarColumns.js';
import { randomBars } from './randomBars.js';

describe('MilestoneStream (real-time face of the milestone report)', () => {
  it('gives the same Facts, in the same order, as the batch report for every session', () => {
    fc.assert(
      fc.property(randomBars(150), (bars) => {
        const cols = BarColumns.fromBars(bars);
        const s = new MilestoneStream();
        for (const b of bars) {
          const u = s.update(b);
          expect(u.facts).toEqual(buildMilestoneReport('X', cols, b.date).facts);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('follows a live session by replace and names the detectors still warming up', () => {
    const bar = (d: string, c: number): Bar => ({ date: d as SessionDate, open: c, high: c, low: c, close: c, adjClose: null, volume: null });
    const s = new MilestoneStream();
    s.update(bar('2025-01-02', 100));
    const up = s.update(bar('2025-01-03', 101));
    const live = s.update(bar('2025-01-03', 99), true);
    // 101 > 100: highest close on record; replaced by 99 < 100: lowest on record instead
    expect(up.facts.find((f) => f.type === 'highest_since')?.since).toBe('record');
    expect(live.facts.find((f) => f.type === 'highest_since')).toBeUndefined();
    expect(live.facts.find((f) => f.type === 'lowest_since')?.since).toBe('record');
    expect(live.warmingUp).toContain('52w_high.close');
  });
});
