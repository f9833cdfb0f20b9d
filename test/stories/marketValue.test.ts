import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { sharesOutstandingOn } from '../../src/domain/sharesOutstandingOn.js';
import type { MemberSession } from '../../src/domain/story.js';
import { LedgerBuilder } from '../../src/stories/ledger/LedgerBuilder.js';
import { planMarketValue } from '../../src/stories/select/planMarketValue.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { FIXTURE_MEMBERS, fixtureInput } from './fixtures.js';

const flat = (date: string, close: number): Bar => ({ date: date as SessionDate, open: close, high: close, low: close, close, adjClose: null, volume: null });
const doc = (s: ReturnType<typeof writeStory>, lang: 'en' | 'zh-Hant') => s.documents.find((d) => d.lang === lang)!;
const member = (symbol: string, prev: number, close: number, shares?: { session: number; previous: number; currency: string }): MemberSession => ({
  symbol, names: { en: symbol, 'zh-Hant': symbol }, bar: flat('2025-02-07', close), previousBar: flat('2025-02-06', prev), inData: true, contributionPoints: null, ...(shares ? { shares } : {}),
});
const hkd = (n: number, previous = n) => ({ session: n, previous, currency: 'HKD' });
const plan = (ms: readonly MemberSession[]) => planMarketValue(ms, '2025-02-07', new LedgerBuilder('X', '2025-02-07' as SessionDate));

// TECHX's members with share counts: Alpha 10 -> 11, Beta 20 -> 21, Gamma 50 -> 49, Delta 5 -> 5
const SHARES: Record<string, number> = { AAA: 1_000_000_000, BBB: 500_000_000, CCC: 200_000_000, DDD: 100_000_000 };
const WITH_SHARES = FIXTURE_MEMBERS.map((m) => ({ ...m, shares: hkd(SHARES[m.symbol] as number) }));

describe("the members' combined market value added or lost (where share counts exist)", () => {
  it('sums shares x close less shares x previous close: +HK$1.3 billion, 13億港元, in both languages, traced', () => {
    // Alpha 1e9 x (11 - 10) = +1.0e9; Beta 5e8 x (21 - 20) = +0.5e9; Gamma 2e8 x (49 - 50) = -0.2e9; Delta 0
    // = +1.3e9 -> HK$1.3 billion; 1.3e9 / 1e8 = 13億 (whole 億 from 10億 up)
    const s = writeStory(fixtureInput({ members: WITH_SHARES }));
    expect(doc(s, 'en').markdown).toContain("The index's 4 members added a combined HK$1.3 billion in market value.");
    expect(doc(s, 'zh-Hant').markdown).toContain('4隻成分股市值合共增加13億港元。');
    const e = s.ledger.entries.find((x) => x.id === 'market_value.change_bn')!;
    expect(e.value).toBeCloseTo(1.3, 12);
    // after: 1e9 x 11 + 5e8 x 21 + 2e8 x 49 + 1e8 x 5 = 11e9 + 10.5e9 + 9.8e9 + 0.5e9 = 31.8e9; before 10e9 + 10e9 + 10e9 + 0.5e9 = 30.5e9
    expect(e.inputs).toEqual({ marketValue: 31.8e9, previousMarketValue: 30.5e9, currency: 'HKD', members: 4 });
    expect(s.checkIssues).toEqual([]);
  });

  it('a loss under a billion reads in millions and 億: -HK$0.6 billion is HK$600.0 million, 6.0億港元', () => {
    // 1e8 x (44 - 50) = -6e8
    const mv = plan([member('A', 50, 44, hkd(100_000_000))])!;
    expect([mv.en.unit, mv.en.value.value, mv.en.value.dp]).toEqual(['million', -600, 1]);
    expect([mv.zhHant.unit, mv.zhHant.value.value, mv.zhHant.value.dp]).toEqual(['億', -6, 1]);
  });

  it('a split on the session is not value: shares x price on each side', () => {
    // 2:1 split ex 2025-02-07: 1e8 shares at 40 -> 2e8 at 21; 2e8 x 21 - 1e8 x 40 = 4.2e9 - 4.0e9 = +0.2e9 (HK$200.0 million)
    const split = [{ kind: 'split' as const, symbol: 'A' as never, exDate: '2025-02-07' as SessionDate, ratio: 2 }];
    const shares = { session: sharesOutstandingOn(1e8, 'A', split, '2025-02-07'), previous: sharesOutstandingOn(1e8, 'A', split, '2025-02-06'), currency: 'HKD' };
    expect(shares).toEqual({ session: 2e8, previous: 1e8, currency: 'HKD' });
    expect(plan([member('A', 40, 21, shares)])?.en.value.value).toBeCloseTo(200, 9);
    // a rights issue of 1 new for 4 old: 1e8 -> 1.25e8
    expect(sharesOutstandingOn(1e8, 'A', [{ kind: 'rights_issue', symbol: 'A' as never, exDate: '2025-02-07' as SessionDate, newShares: 1, oldShares: 4, subscriptionPrice: 5 }], '2025-02-07')).toBe(1.25e8);
  });

  it('says nothing without share counts (the real HK data), with any member missing one, or in an unknown currency', () => {
    expect(plan([member('A', 10, 11), member('B', 20, 21)])).toBeNull();
    expect(plan([member('A', 10, 11, hkd(1e9)), member('B', 20, 21)])).toBeNull();
    expect(plan([member('A', 10, 11, { session: 1e9, previous: 1e9, currency: '' })])).toBeNull();
    const s = writeStory(fixtureInput());
    expect(doc(s, 'en').markdown).not.toMatch(/market value/);
    expect(doc(s, 'zh-Hant').markdown).not.toMatch(/市值/);
  });
});
