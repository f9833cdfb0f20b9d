import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import type { Fact } from '../../src/domain/fact.js';
import type { LinkedArticle, MemberSession, StoryInput } from '../../src/domain/story.js';

const bar = (date: string, open: number, high: number, low: number, close: number): Bar => ({ date: date as SessionDate, open, high, low, close, adjClose: null, volume: null });
const flat = (date: string, close: number) => bar(date, close, close, close, close);

/**
 * A made-up index "TECHX" whose numbers are easy to check by hand:
 * record close 2,200 (2021-02-10), 52-week high 1,300 (2024-10-07), low 1,000 (2025-01-13),
 * previous close 1,180 (2025-02-06), session 2025-02-07: high 1,230, low 1,170, close 1,210.
 */
export const FIXTURE_BARS: readonly Bar[] = [
  flat('2021-02-10', 2200),
  flat('2024-10-07', 1300),
  flat('2025-01-13', 1000),
  flat('2025-02-06', 1180),
  bar('2025-02-07', 1185, 1230, 1170, 1210),
];

export const BULL_FACT: Fact = { type: 'bull_market', basis: 'close', event: 'entered', changePct: 21, reference: { date: '2025-01-13' as SessionDate, value: 1000 } };

const m = (symbol: string, en: string, zh: string, prev: number, b: Bar | null, contributionPoints: number | null, inData = true): MemberSession => ({
  symbol,
  names: { en, 'zh-Hant': zh },
  bar: b,
  previousBar: b || inData ? flat('2025-02-06', prev) : null,
  inData,
  contributionPoints,
});

/** Members: Alpha +10% (high 11.5), Beta +5% (high 21.5), Gamma -2% (low 48.5), Delta unchanged. */
export const FIXTURE_MEMBERS: readonly MemberSession[] = [
  m('AAA', 'Alpha Tech', '阿爾法科技', 10, bar('2025-02-07', 10, 11.5, 10, 11), 12.5),
  m('BBB', 'Beta Systems', '貝塔系統', 20, bar('2025-02-07', 20, 21.5, 20, 21), 10),
  m('CCC', 'Gamma Chips', '伽瑪芯片', 50, bar('2025-02-07', 50, 50, 48.5, 49), -2.5),
  m('DDD', 'Delta Cloud', '德爾塔雲', 5, bar('2025-02-07', 5, 5, 5, 5), 0),
];

export function fixtureInput(over: Partial<StoryInput> = {}): StoryInput {
  return {
    symbol: 'TECHX',
    kind: 'index',
    names: { en: 'Techx Index', 'zh-Hant': '科技X指數' },
    date: '2025-02-07' as SessionDate,
    publishedLocal: '2025-02-07 16:10:00',
    bars: FIXTURE_BARS,
    report: { symbol: 'TECHX', date: '2025-02-07' as SessionDate, close: 1210, previousClose: 1180, changePct: 2.5424, high: 1230, low: 1170, facts: [BULL_FACT] },
    members: FIXTURE_MEMBERS,
    articles: [],
    corporateActions: [],
    historyComplete: true,
    ...over,
  };
}

/** A linked article whose headline carries markup and a number (untrusted text). */
export function fixtureArticle(title: string): LinkedArticle {
  return {
    article: {
      id: 'rthk-1', url: 'https://news.rthk.hk/x', title, body: 'Body.', publishedAt: '2025-02-07T09:52:00+08:00', publishedMs: Date.parse('2025-02-07T09:52:00+08:00'),
      source: 'RTHK (Radio Television Hong Kong), English finance news', language: 'en', categories: [], tags: [], origin: 'x.md', duplicateOf: null,
    },
    themes: [{ theme: 'ai', triggers: ['AI'] }],
    symbols: ['AAA'],
    relevance: 1,
  };
}
