import { describe, expect, it } from 'vitest';
import { PublicationSchedule } from '../../src/realtime/PublicationSchedule.js';
import { sessionPhase } from '../../src/realtime/sessionPhase.js';

describe('PublicationSchedule', () => {
  it('publishes every 2 s from each open, at the lunch break and at the close', () => {
    // morning 0..5000, afternoon 8000..11000 (ms)
    const s = new PublicationSchedule([{ startMs: 0, endMs: 5000 }, { startMs: 8000, endMs: 11000 }], 2000);
    expect(s.due(4999).map((x) => x.timeMs)).toEqual([2000, 4000]);
    expect(s.due(4999)).toEqual([]); // each slot once
    expect(s.due(20000)).toEqual([
      { timeMs: 5000, phase: 'lunch' },
      { timeMs: 10000, phase: 'open' },
      { timeMs: 11000, phase: 'close' },
    ]);
    expect(s.done()).toBe(true);
  });
  it('closes at noon on a half day', () => {
    const s = new PublicationSchedule([{ startMs: 0, endMs: 3000 }], 2000);
    expect(s.due(Infinity)).toEqual([{ timeMs: 2000, phase: 'open' }, { timeMs: 3000, phase: 'close' }]);
  });
  it('refuses a cadence that is not a positive integer', () => {
    expect(() => new PublicationSchedule([], 0)).toThrow(/everyMs/);
  });
  it('tells the session phase', () => {
    const iv = [{ startMs: 0, endMs: 10 }, { startMs: 20, endMs: 30 }];
    expect([-1, 0, 10, 25, 30].map((x) => sessionPhase(iv, x))).toEqual(['before_open', 'open', 'lunch', 'open', 'closed']);
  });
});
