import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { Fact } from '../../src/domain/fact.js';
import { rankFacts } from '../../src/stories/select/rankFacts.js';

const d = '2024-10-07' as SessionDate;
const streak: Fact = { type: 'streak', basis: 'close', event: 'in', count: 5, period: 'session' };
const since: Fact = { type: 'highest_since', basis: 'close', since: d };
const bull: Fact = { type: 'bull_market', basis: 'close', event: 'entered', reference: { date: d, value: 1 } };
const record: Fact = { type: 'all_time_high', basis: 'close', event: 'new' };

describe('rankFacts', () => {
  it('ranks by rarity in the series\' own history: sessions since a fact this large, records as the whole history', () => {
    // 301 sessions of closes: 100 flat at 100, then a slow drift; the session is the last one (index 300)
    const bars = Array.from({ length: 301 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10) as SessionDate, open: 100, high: 100, low: 100, close: 100 + (i % 2) * 0.1, adjClose: null, volume: null }));
    const h = { bars, index: 300 };
    const sinceFar: Fact = { type: 'highest_since', basis: 'close', since: bars[100]!.date }; // 300 - 100 = 200 sessions
    const sinceNear: Fact = { type: 'biggest_gain_since', basis: 'close', since: bars[250]!.date }; // 50 sessions
    const rec: Fact = { type: 'biggest_loss_since', basis: 'close', since: 'record' }; // whole history: 301 sessions
    const week: Fact = { type: 'streak', basis: 'close', event: 'in', count: 5, period: 'week', since: bars[200]!.date, detail: { direction: 'up' } }; // 100 sessions
    const r = rankFacts([sinceNear, week, sinceFar, rec], 0.1, 3, bars[300]!.date, true, h);
    expect(r.map((x) => [x.kind, x.score])).toEqual([['biggest_since', 301], ['extreme_since', 200], ['streak', 100], ['biggest_since', 50], ['move', 1]]);
    expect(r[0]!.record).toBe(true);
  });

  it('puts a record-size move before the regime change it caused (HSTECH 2025-04-07 shape)', () => {
    // closes: 100 for 200 sessions, then -25% in one session: a bear market entered once in 201 sessions,
    // and no loss as large before: the loss is as rare as the whole history (201 sessions)
    const bars = Array.from({ length: 201 }, (_, i) => ({ date: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10) as SessionDate, open: 100, high: 100, low: 100, close: i === 200 ? 75 : 100 + (i % 3), adjClose: null, volume: null }));
    const bear: Fact = { type: 'bear_market', basis: 'close', event: 'entered', reference: { date: bars[199]!.date, value: 101 } };
    const loss: Fact = { type: 'biggest_loss_since', basis: 'close', since: 'record' };
    const r = rankFacts([bear, loss], -25.7, 3, bars[200]!.date, true, { bars, index: 200 });
    // bear market entries in the closes: 1 (this one): 201 / 1 = 201 sessions; the loss: 201 sessions, a record:
    // equal rarity, and a record outranks a regime (LEAD_ORDER)
    expect(r.map((x) => x.kind)).toEqual(['biggest_since', 'regime', 'move']);
  });

  it('without bars, falls back to analytics\' counts: a regime change is once a year, a record beats it', () => {
    const kinds = rankFacts([streak, since, record, bull], 3.5, 3).map((r) => r.kind);
    // record: 10,000 (unknown history); regime: 250; big move: 1 (no history); the since fact 2024-10-07 and the streak
    // without dates count 1 each and keep LEAD_ORDER
    expect(kinds).toEqual(['record', 'regime', 'big_move', 'extreme_since', 'streak', 'move']);
  });

  it('ignores "since" facts that reach back less than 28 days', () => {
    const near: Fact = { type: 'biggest_loss_since', basis: 'close', since: '2025-02-20' as SessionDate };
    const far: Fact = { ...near, since: '2025-01-10' as SessionDate };
    // 2025-02-24 - 2025-02-20 = 4 days: not news; 2025-02-24 - 2025-01-10 = 45 days: news
    expect(rankFacts([near], -1.2, 3, '2025-02-24').map((r) => r.kind)).toEqual(['move']);
    expect(rankFacts([far], -1.2, 3, '2025-02-24').map((r) => r.kind)).toEqual(['biggest_since', 'move']);
  });

  it('says weekly facts only when the week is complete', () => {
    const week: Fact = { type: 'worst_week_since', basis: 'close', since: '2025-01-10' as SessionDate };
    expect(rankFacts([week], -1.2, 3, '2025-02-24', false).map((r) => r.kind)).toEqual(['move']);
    expect(rankFacts([week], -1.2, 3, '2025-02-28', true).map((r) => r.kind)).toEqual(['biggest_since', 'move']);
  });

  it('ignores status facts (a record elsewhere, a regime already in force, intraday twins)', () => {
    const status: Fact[] = [
      { type: 'all_time_high', basis: 'close', changePct: -52.9 },
      { ...bull, event: 'in' },
      { ...since, basis: 'intraday' },
      { ...streak, count: 2 },
    ];
    expect(rankFacts(status, 1.8, 3).map((r) => r.kind)).toEqual(['move']);
  });
});
