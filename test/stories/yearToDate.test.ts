import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { LedgerBuilder } from '../../src/stories/ledger/LedgerBuilder.js';
import { planYearToDate } from '../../src/stories/select/planYearToDate.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { fixtureInput } from './fixtures.js';

const flat = (date: string, close: number): Bar => ({ date: date as SessionDate, open: close, high: close, low: close, close, adjClose: null, volume: null });
const doc = (s: ReturnType<typeof writeStory>, lang: 'en' | 'zh-Hant') => s.documents.find((d) => d.lang === lang)!;
const ytd = (bars: readonly Bar[], kind: 'index' | 'stock' = 'index') => planYearToDate(bars, bars.length - 1, kind, 'X', new LedgerBuilder('X', bars[bars.length - 1]!.date));

describe('year to date: a session that wipes out the year\'s gains or restores its losses', () => {
  it('wiped: from +3.0% to -1.0% against the last close of 2024; restored: from -4.0% to +0.5%', () => {
    // 1,030 / 1,000 - 1 = +3.0% (>= 2), then 990 / 1,000 - 1 = -1.0% (<= 0)
    const w = ytd([flat('2024-12-31', 1000), flat('2025-01-02', 1030), flat('2025-01-03', 990)]);
    expect(w?.wiped).toBe(true);
    expect(w?.pct.value).toBeCloseTo(-1, 10);
    expect(w?.pct.inputs).toMatchObject({ yearEndClose: 1000, yearEndSession: '2024-12-31', previousClose: 1030 });
    // 960 / 1,000 - 1 = -4.0% (<= -2), then 1,005 / 1,000 - 1 = +0.5% (> 0)
    const r = ytd([flat('2024-12-31', 1000), flat('2025-03-03', 960), flat('2025-03-04', 1005)]);
    expect(r?.wiped).toBe(false);
    expect(r?.pct.value).toBeCloseTo(0.5, 10);
  });

  it('says nothing below the threshold, on the year\'s first session, or without last year in the data', () => {
    // +1.5% to -1.0%: an index's 2% not reached
    expect(ytd([flat('2024-12-31', 1000), flat('2025-01-02', 1015), flat('2025-01-03', 990)])).toBeNull();
    // a stock needs 5%: +3.0% is not enough, +6.0% is
    expect(ytd([flat('2024-12-31', 1000), flat('2025-01-02', 1030), flat('2025-01-03', 990)], 'stock')).toBeNull();
    expect(ytd([flat('2024-12-31', 1000), flat('2025-01-02', 1060), flat('2025-01-03', 990)], 'stock')?.wiped).toBe(true);
    // the first session of 2025: its previous close is the year-end itself
    expect(ytd([flat('2024-12-30', 1030), flat('2024-12-31', 1000), flat('2025-01-02', 990)])).toBeNull();
    // no 2024 in the bars
    expect(ytd([flat('2025-01-02', 1030), flat('2025-01-03', 990)])).toBeNull();
  });

  it('the story says it in both languages and the checker backs the figure', () => {
    const bars = [flat('2024-12-31', 1150), flat('2025-02-06', 1180), { ...flat('2025-02-07', 1140), high: 1185, low: 1135 }];
    // 1,180 / 1,150 - 1 = +2.6% before; 1,140 / 1,150 - 1 = -0.87% -> 0.9% at the close
    const s = writeStory(fixtureInput({ bars, members: null, report: null }));
    expect(doc(s, 'en').markdown).toContain("The drop wiped out the index's gains for the year, leaving it down 0.9% in 2025.");
    expect(doc(s, 'zh-Hant').markdown).toContain('指數今年以來的升幅盡失，年內累跌0.9%。');
    expect(s.checkIssues).toEqual([]);
  });
});
