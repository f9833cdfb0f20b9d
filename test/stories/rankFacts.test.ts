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
  it('puts a regime change before a record, a big move, a since fact, a streak and the plain move', () => {
    const kinds = rankFacts([streak, since, record, bull], 3.5, 3).map((r) => r.kind);
    expect(kinds).toEqual(['regime', 'record', 'big_move', 'extreme_since', 'streak', 'move']);
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
