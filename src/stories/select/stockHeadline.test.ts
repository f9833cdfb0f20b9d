import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../core/units.js';
import type { Fact, MilestoneReport } from '../../domain/fact.js';
import { stockHeadlines } from './stockHeadline.js';

const report = (facts: Fact[]): MilestoneReport => ({ symbol: '0992.HK', date: '2025-02-07' as SessionDate, close: 10, previousClose: 9, changePct: 11.1, high: 10, low: 9, facts } as MilestoneReport);

describe('stockHeadlines (the desk run rule for stock stories)', () => {
  it('takes a regime entered on the close, a new record close, and a move not seen for a year', () => {
    const r = stockHeadlines(report([
      { type: 'bull_market', basis: 'close', event: 'entered', reference: { date: '2025-01-13' as SessionDate, value: 8 } },
      { type: 'all_time_high', basis: 'close', event: 'new' },
      // 2025-02-07 - 2024-02-07 = 366 days: rarer than once a year
      { type: 'biggest_gain_since', basis: 'close', since: '2024-02-07' as SessionDate },
    ]));
    expect(r.map((h) => [h.kind, h.why])).toEqual([
      ['regime', 'entered a bull market (from 8 on 2025-01-13)'],
      ['record', 'new record high close in the data'],
      ['rare_move', 'biggest one-session gain since 2024-02-07'],
    ]);
  });

  it('leaves out what is not a headline: being in a regime, intraday facts, a move seen within the year', () => {
    expect(stockHeadlines(report([
      { type: 'bear_market', basis: 'close', event: 'in' },
      { type: 'bull_market', basis: 'intraday', event: 'entered' },
      { type: 'all_time_high', basis: 'intraday', event: 'new' },
      // 2025-02-07 - 2024-02-08 = 365 days: the limit counts (365 is "a year"): kept; 2024-02-09 (364 days) is not
      { type: 'biggest_loss_since', basis: 'close', since: '2024-02-09' as SessionDate },
      { type: 'highest_since', basis: 'close', since: '2020-01-02' as SessionDate },
    ]))).toEqual([]);
    expect(stockHeadlines(report([{ type: 'biggest_loss_since', basis: 'close', since: '2024-02-08' as SessionDate }]))[0]?.kind).toBe('rare_move');
    expect(stockHeadlines(report([{ type: 'biggest_loss_since', basis: 'close', since: 'record' }]))[0]?.why).toBe('biggest one-session loss in the data');
  });
});
