import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { dayMeasures } from '../../src/stories/select/dayMeasures.js';
import { SHAPE_MIN_PCT, sessionShape, shapeRarity } from '../../src/stories/select/sessionShape.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { fixtureInput } from './fixtures.js';

const bar = (date: string, open: number, high: number, low: number, close: number): Bar => ({ date: date as SessionDate, open, high, low, close, adjClose: null, volume: null });
const D = '2025-02-07' as SessionDate;
const doc = (s: ReturnType<typeof writeStory>, lang: 'en' | 'zh-Hant') => s.documents.find((d) => d.lang === lang)!;

// Three quiet ranged sessions at 1,000, then the session under test.
const BEFORE: readonly Bar[] = [
  bar('2025-02-03', 1000, 1000, 1000, 1000), // no range (a back-filled close): not counted
  bar('2025-02-04', 1000, 1005, 995, 1000),
  bar('2025-02-05', 1000, 1010, 990, 1000),
  bar('2025-02-06', 1000, 1004, 996, 1000),
];

describe('the session shape: a rebound from a deep intraday loss, a gain erased', () => {
  it('finds a rebound (low 6% under the previous close, close above it) and a gain erased; nothing under the threshold', () => {
    // low 940 / 1000 - 1 = -6.0%; close 1025 / 1000 - 1 = +2.5% -> a rebound from -6.0%
    const rebound = dayMeasures([...BEFORE, bar('2025-02-07', 990, 1030, 940, 1025)], D);
    expect(sessionShape(rebound, SHAPE_MIN_PCT.index)).toEqual({ rebound: true, extremePct: expect.closeTo(-6, 10) });
    // high 1025 / 1000 - 1 = +2.5%; close 960 -> -4.0%: a 2.5% gain erased
    const erased = dayMeasures([...BEFORE, bar('2025-02-07', 1010, 1025, 955, 960)], D);
    expect(sessionShape(erased, SHAPE_MIN_PCT.index)).toEqual({ rebound: false, extremePct: expect.closeTo(2.5, 10) });
    // low 985 -> -1.5%, under the index's 2%: not news
    expect(sessionShape(dayMeasures([...BEFORE, bar('2025-02-07', 1000, 1020, 985, 1010)], D), 2)).toBeNull();
    // the same -6% for a stock (threshold 5) is news; an unchanged close is never a reversal
    expect(sessionShape(rebound, SHAPE_MIN_PCT.stock)?.rebound).toBe(true);
    expect(sessionShape(dayMeasures([...BEFORE, bar('2025-02-07', 1000, 1030, 940, 1000)], D), 2)).toBeNull();
  });

  it('rarity: ranged sessions over reversals at least as large, either kind', () => {
    const bars = [...BEFORE, bar('2025-02-07', 1010, 1030, 995, 990), bar('2025-02-10', 990, 1000, 960.3, 1000)];
    // 02-07: high 1030 / 1000 - 1 = +3.0%, close 990 (-1.0%): a 3.0% gain erased.
    // 02-10: low 960.3 / 990 - 1 = -3.0%, close 1000 (+1.0%): a rebound from -3.0%.
    // Ranged sessions up to 02-10: 02-04, 02-05, 02-06, 02-07, 02-10 = 5 (02-03 has none); reversals >= 3.0%: 2 -> 5 / 2
    expect(shapeRarity({ bars, index: 5 }, (960.3 / 990 - 1) * 100).onceInSessions).toBe(2.5);
    // at 02-07 (index 4): ranged 4, reversals >= 3.0%: 1 -> 4, a first in the data
    expect(shapeRarity({ bars, index: 4 }, 3)).toEqual({ onceInSessions: 4, record: true });
  });

  it('leads the story when it is the rarest fact: "fell as much as 6.0% ... before rebounding to close up 2.5%", both languages, traced', () => {
    // shape rarity 3 ranged sessions / 1 reversal = 3 > the plain move's 1; +2.5% is under the 3% big move
    const bars = [...BEFORE, bar('2025-02-07', 990, 1030, 940, 1025)];
    const s = writeStory(fixtureInput({ bars, members: null, report: null }));
    expect(s.headlineFact).toBe('shape');
    const en = doc(s, 'en');
    expect(en.frontMatter.title).toBe('Techx Index recovers from 6.0% intraday drop, closes up 2.5%');
    expect(en.paragraphs[0]).toBe('The Techx Index fell as much as 6.0% on Friday before rebounding to close up 2.5%.');
    // high 1030 / 1000 - 1 = 3.0%; 1025 - 1000 = 25.00 points
    expect(en.paragraphs[1]).toBe('At its high the index was up 3.0%, and it closed at 1,025.00, up 25.00 points.');
    const zh = doc(s, 'zh-Hant');
    expect(zh.frontMatter.title).toBe('科技X指數曾跌6.0%，收市倒升2.5%');
    expect(zh.paragraphs[0]).toBe('科技X指數星期五（2月7日）曾跌6.0%，其後倒升，收市升2.5%。');
    expect(zh.paragraphs[1]).toBe('指數全日最多升3.0%，收市報1,025.00點，升25.00點。');
    const e = s.ledger.entries.find((x) => x.id === 'shape.extreme_pct')!;
    expect(e.inputs).toEqual({ low: 940, previousClose: 1000, close: 1025 });
    expect(s.checkIssues).toEqual([]);
  });

  it('is said with the figures when a rarer fact leads: a 2.5% gain erased on a 4.0% drop', () => {
    // big move -4.0%: rarity 4 sessions / 1 move that large = 4; shape: 4 ranged / 1 = 4: equal, and the big move
    // comes first in LEAD_ORDER
    const bars = [...BEFORE, bar('2025-02-07', 1010, 1025, 955, 960)];
    const s = writeStory(fixtureInput({ bars, members: null, report: null }));
    expect(s.headlineFact).toBe('big_move');
    const en = doc(s, 'en');
    expect(en.paragraphs[0]).toBe('The Techx Index tumbled 4.0% on Friday.');
    expect(en.paragraphs[1]).toBe('The index rose as much as 2.5% during the session before erasing its gains to close at 960.00, down 40.00 points.');
    expect(doc(s, 'zh-Hant').paragraphs[1]).toBe('指數盤中曾升2.5%，其後倒跌，收市報960.00點，跌40.00點。');
    expect(s.checkIssues).toEqual([]);
  });
});
