import { describe, expect, it } from 'vitest';
import { equalWeightContributions, rankMovers, type MemberSession } from '../../src/analytics/members/rankMovers.js';

const m = (symbol: string, previousClose: number, close: number, high: number, low: number, extra: Partial<MemberSession> = {}): MemberSession => ({
  symbol, name: symbol, close, previousClose, high, low, volumeRatio: null, at52WeekHigh: null, at52WeekLow: null, ...extra,
});

describe('rankMovers', () => {
  const members = [
    m('A', 10, 11, 12, 9.5, { at52WeekHigh: true, volumeRatio: 2 }), // +10%, as much as 12/10-1 = +20%
    m('B', 20, 19, 20.5, 18, { at52WeekLow: true, volumeRatio: 0.5 }), // -5%, as much as 18/20-1 = -10%
    m('C', 50, 50, 51, 49), // unchanged; intraday up +2%, down -2%
    m('D', 4, 4.2, 4.4, 4), // +5%, as much as 4.4/4-1 = +10%
  ];
  const r = rankMovers({ symbol: 'X', date: '2025-02-07', members, missing: ['E'], contributions: new Map([['A', 3], ['B', -1.5], ['D', 0.25]]), contributionSource: 'test' }, 2);

  it('ranks gainers and losers by close, with the matching intraday extreme', () => {
    expect(r.gainers.map((x) => [x.symbol, x.changePct, x.asMuchAsPct])).toEqual([
      ['A', (11 / 10 - 1) * 100, (12 / 10 - 1) * 100],
      ['D', (4.2 / 4 - 1) * 100, (4.4 / 4 - 1) * 100],
    ]);
    expect(r.losers.map((x) => [x.symbol, x.asMuchAsPct])).toEqual([['B', (18 / 20 - 1) * 100]]);
  });

  it('ranks by intraday extreme separately (an unchanged close can still swing)', () => {
    // up: A +20%, D +10%, B +2.5%, C +2% -> top 2 A, D; down: B 18/20-1 = -10%, A 9.5/10-1 = -5%, C 49/50-1 = -2%
    expect(r.intraday.gainers.map((x) => x.symbol)).toEqual(['A', 'D']);
    expect(r.intraday.losers.map((x) => [x.symbol, x.asMuchAsPct])).toEqual([['B', (18 / 20 - 1) * 100], ['A', (9.5 / 10 - 1) * 100]]);
  });

  it('counts breadth, 52-week extremes and missing members', () => {
    expect(r.breadth).toEqual({ advancers: 2, decliners: 1, unchanged: 1, at52WeekHigh: 1, at52WeekLow: 1, newHighs: ['A'], newLows: ['B'], missing: ['E'] });
    expect(r.members).toBe(4);
  });

  it('ranks contributors by points and volume by ratio', () => {
    expect(r.contributors.top.map((x) => x.symbol)).toEqual(['A', 'D']);
    expect(r.contributors.bottom.map((x) => x.symbol)).toEqual(['B']);
    expect(r.volume.map((x) => x.symbol)).toEqual(['A', 'B']);
    expect(r.gainers[0]?.contributionPoints).toBe(3);
  });

  it('approximates equal-weight points as (1/n) x return x previous level', () => {
    // A: 1/4 x 0.1 x 1000 = 25; B: 1/4 x -0.05 x 1000 = -12.5
    const c = equalWeightContributions(members, 1000);
    expect(c.get('A')).toBeCloseTo(25, 10);
    expect(c.get('B')).toBeCloseTo(-12.5, 10);
    expect(c.get('C')).toBe(0);
  });
});
