import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMilestoneReport } from '../../src/analytics/milestones.js';
import { BarColumns } from '../../src/analytics/series/BarColumns.js';
import { SessionMilestones } from '../../src/analytics/SessionMilestones.js';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { readBarsFile } from '../../src/sources/csvBars/readBarsFolder.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';
import { randomBars } from './randomBars.js';

const batchReport = (symbol: string, history: readonly Bar[], bar: Bar) => buildMilestoneReport(symbol, BarColumns.fromBars([...history, bar]), bar.date);

describeWithSharedData('SessionMilestones on HSTECH 2025-02-07 (real data)', () => {
  const all = readBarsFile(join(HK_DATA, 'HSTECH.csv')).bars;
  const date = '2025-02-07' as SessionDate;
  const history = all.filter((b) => b.date < date);
  const day = all.find((b) => b.date === date) as Bar;
  const at = (high: number, low: number, close: number): Bar => ({ date, open: 5051.92, high, low, close, adjClose: null, volume: null });

  it('gives the batch report at every provisional bar of the session, and the close report at the close', () => {
    const m = new SessionMilestones('HSTECH', date, all); // bars on or after the date are left out
    const flash = at(5082.79, 5051.92, 5082.79);
    const midday = at(5203.93, 5038.31, 5120);
    for (const bar of [flash, midday, flash, day]) expect(m.report(bar)).toEqual(batchReport('HSTECH', history, bar));
    const close = m.report(day);
    // 5,150.35 against the previous close 5,059.38: +90.97 points, 90.97 / 5,059.38 = +1.798%
    expect(close.previousClose).toBe(5059.38);
    expect(close.changePct).toBeCloseTo(1.798, 3);
    expect(close.facts.some((f) => f.type === 'bull_market' && f.event === 'entered')).toBe(true);
  });

  it('answers only the detectors asked for', () => {
    const m = new SessionMilestones('HSTECH', date, history);
    const r = m.results(day, new Set(['regime', 'volume']));
    expect(r.map((x) => x.id)).toEqual(['regime', 'volume']);
    expect(m.ids()).toHaveLength(25);
  });
});

describe('SessionMilestones', () => {
  it('equals buildMilestoneReport over history + bar for any series and any sequence of provisional bars', () => {
    fc.assert(
      fc.property(randomBars(150), fc.array(fc.tuple(fc.double({ min: 0.7, max: 1.4, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true })), { minLength: 1, maxLength: 4 }), (bars, moves) => {
        const history = bars.slice(0, -1);
        const last = bars.at(-1) as Bar;
        const m = new SessionMilestones('X', last.date, history);
        for (const [factor, spread] of moves) {
          const close = last.open * factor;
          const bar: Bar = { ...last, close, high: Math.max(last.open, close) * (1 + spread), low: Math.min(last.open, close) * (1 - spread) };
          expect(m.report(bar)).toEqual(batchReport('X', history, bar));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('says there is no previous close on a first session', () => {
    const bar: Bar = { date: '2025-01-02' as SessionDate, open: 10, high: 11, low: 9, close: 10.5, adjClose: null, volume: null };
    const r = new SessionMilestones('X', bar.date, []).report(bar);
    expect(r).toMatchObject({ previousClose: null, changePct: null, close: 10.5 });
    expect(r.notes).toContain('first session in the data: no previous close');
    expect(r).toEqual(batchReport('X', [], bar));
  });
});
