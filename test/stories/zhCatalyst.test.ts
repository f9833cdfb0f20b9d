import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.js';
import type { CatalystClaim } from '../../src/domain/catalyst.js';
import type { SessionDate } from '../../src/core/units.js';
import type { LinkedArticle } from '../../src/domain/story.js';
import { LedgerBuilder } from '../../src/stories/ledger/LedgerBuilder.js';
import { checkCatalyst } from '../../src/stories/ledger/checkCatalyst.js';
import { catalystEn, catalystZhHant } from '../../src/stories/render/catalystText.js';
import { formattersFor } from '../../src/stories/render/formatters.js';
import { ZH_CATALYST_TOPICS, zhCatalystFacts, zhCatalystTopics, zhSourceName } from '../../src/stories/render/zhCatalystFacts.js';
import { THEME_LEXICON } from '../../src/news/why/themeLexicon.js';
import { planCatalyst } from '../../src/stories/select/planCatalyst.js';

const RTHK = 'RTHK (Radio Television Hong Kong), English finance news';
const article = (id: string, body: string, publishedAt: string): Article => ({
  id, url: `https://news.example/${id}`, title: 't', body, publishedAt, publishedMs: Date.parse(publishedAt),
  source: RTHK, language: 'en', categories: [], tags: [], origin: `${id}.md`, duplicateOf: null,
});
const src = (a: Article, localDate: string) => ({ articleId: a.id, url: a.url, source: a.source, publishedAt: a.publishedAt, localDate, tie: 'market' as const, tiedTo: 'HSI' });

/** Plans a claim on `session`, renders both languages and runs the checker on each. */
function write(claim: CatalystClaim, session: string, articles: readonly Article[]) {
  const ledger = new LedgerBuilder('HSTECH', session as SessionDate);
  const line = planCatalyst(claim, session, null, ledger);
  if (!line) throw new Error('no catalyst');
  const sessionEntry = ledger.addDate('session', session, 'HSTECH', 'session');
  const en = catalystEn(line, formattersFor('en'), sessionEntry);
  const zh = catalystZhHant(line, formattersFor('zh-Hant'), '恒生科技指數');
  const linked: LinkedArticle[] = articles.map((article) => ({ article, themes: [], symbols: [], relevance: 0 }));
  const built = ledger.build();
  return { en, zh, check: (lang: 'en' | 'zh-Hant', text: string) => checkCatalyst(built, linked, lang, text) };
}

describe('the Chinese catalyst: a Hong Kong reporter\'s sentence from the clause\'s own facts', () => {
  it('fills a theme\'s facts only from the words of the clause, in Chinese, with the source and date in Chinese', () => {
    expect(zhSourceName('RTHK')).toBe('香港電台');
    expect(zhSourceName('Reuters')).toBe('Reuters');
    // the clause says chatbot, launched, mainland startup DeepSeek: the core fact; nothing about investors returning
    expect(zhCatalystFacts('deepseek', 'Tech shares rallied on news of a new chatbot launched by mainland startup DeepSeek.')).toEqual(['內地初創企業DeepSeek推出新聊天機械人']);
    // DeepSeek named without chatbot or startup: no fact holds, the caller falls back to naming the theme
    expect(zhCatalystFacts('deepseek', 'Kingdee jumped on hopes around DeepSeek.')).toBeNull();
    // trade war + fears + recession, but not "widening global" or "deep": the plainer alternative, never 升級 or 深度
    expect(zhCatalystFacts('tariffs_trade', 'Stocks fell as a trade war raised fears of a recession.')).toEqual(['貿易戰令市場憂慮引發經濟衰退']);
    // earnings: Alibaba + forecast-topping earnings; "soared" without "afternoon" gives 港股急升, not 午後
    expect(zhCatalystFacts('earnings', 'Hong Kong stocks soared as Alibaba posted forecast-topping earnings.')).toEqual(['港股急升', '阿里巴巴業績勝預期']);
    // a context fact alone (stocks soared) makes no sentence: the theme's own fact is missing
    expect(zhCatalystFacts('earnings', 'Hong Kong stocks soared on Friday.')).toBeNull();
    // a theme without templates
    expect(zhCatalystFacts('chips', 'Chip makers rallied.')).toBeNull();
    // whole words only: "startups" is not "startup"
    expect(zhCatalystFacts('deepseek', 'a new chatbot launched by mainland startups DeepSeek and others.')).toBeNull();
  });

  it('writes the sentence with 香港電台 and 2月5日, and falls back to today\'s sentence with no fact', () => {
    const a = article('d1', 'Shares in Shanghai rose as mainland investors returned from a week-long break to the start of a fresh China-US trade standoff and news of a new chatbot launched by mainland startup DeepSeek.', '2025-02-05T10:24:00+08:00');
    const clause = 'mainland investors returned from a week-long break to the start of a fresh China-US trade standoff and news of a new chatbot launched by mainland startup DeepSeek.';
    const claim: CatalystClaim = { theme: { id: 'deepseek', en: 'DeepSeek', zhHant: 'DeepSeek的人工智能模型' }, reported: { ...src(a, '2025-02-05'), text: clause, opensWithName: false }, quote: null };
    const w = write(claim, '2025-02-07', [a]);
    expect(w.zh).toBe('香港電台2月5日報道，內地投資者結束一周長假後重返市場，適逢中美再現貿易對峙，內地初創企業DeepSeek推出新聊天機械人。');
    expect(w.check('zh-Hant', w.zh)).toEqual([]);
    const b = article('d2', 'Kingdee jumped on hopes around DeepSeek and its model.', '2025-02-05T10:24:00+08:00');
    const fallback = write({ ...claim, reported: { ...src(b, '2025-02-05'), text: 'Kingdee jumped on hopes around DeepSeek and its model.', opensWithName: true } }, '2025-02-07', [b]);
    expect(fallback.zh).toBe('香港電台在2月5日有關大市的報道中，提到DeepSeek的人工智能模型。');
  });

  it('the checker refuses a Chinese fact whose English words the recorded clause lacks', () => {
    const a = article('e1', 'Hong Kong stocks soared on Friday afternoon as Alibaba rose.', '2025-02-21T13:28:00+08:00');
    const claim: CatalystClaim = { theme: { id: 'earnings', en: 'earnings', zhHant: '企業業績' }, reported: { ...src(a, '2025-02-21'), text: 'Hong Kong stocks soared on Friday afternoon as Alibaba rose.', opensWithName: true }, quote: null };
    const w = write(claim, '2025-02-21', [a]);
    // no "forecast-topping earnings" in the clause: no core fact, the fallback names the theme
    expect(w.zh).toBe('香港電台當日有關大市的報道中，提到企業業績。');
    expect(w.check('zh-Hant', w.zh)).toEqual([]);
    // a text claiming 阿里巴巴業績勝預期 is caught: the clause never says forecast-topping earnings
    const forged = '香港電台當日報道，港股午後急升，阿里巴巴業績勝預期。';
    const issues = w.check('zh-Hant', forged);
    expect(issues.map((i) => i.token)).toEqual(['阿里巴巴業績勝預期']);
    expect(issues[0]?.reason).toContain('forecast-topping earnings');
  });

  it('reports a second clause of another article, with its date, when the first names no tariff', () => {
    const monday = article('t7', 'Financial markets in Hong Kong and across the border dived on Monday as markets around the world crumbled in the face of a widening global trade war and fears it will unleash a deep recession.', '2025-04-07T10:12:00+08:00');
    const thursday = article('t3', 'Hong Kong stocks sank in opening trades on Thursday after US President Donald Trump announced sweeping tariffs against trade partners.', '2025-04-03T09:44:00+08:00');
    const claim: CatalystClaim = {
      theme: { id: 'tariffs_trade', en: 'tariffs and trade', zhHant: '關稅及貿易戰' },
      reported: { ...src(monday, '2025-04-07'), text: monday.body, opensWithName: false },
      quote: null,
      also: { ...src(thursday, '2025-04-03'), text: thursday.body, opensWithName: true },
    };
    const w = write(claim, '2025-04-07', [monday, thursday]);
    expect(w.en).toBe('RTHK reported that financial markets in Hong Kong and across the border dived on Monday as markets around the world crumbled in the face of a widening global trade war and fears it will unleash a deep recession. It also reported on April 3 that Hong Kong stocks sank in opening trades on Thursday after US President Donald Trump announced sweeping tariffs against trade partners.');
    expect(w.zh).toBe('香港電台當日報道，香港及內地金融市場急挫，全球市場崩跌，環球貿易戰升級，市場憂慮引發深度經濟衰退。該台4月3日亦報道，美國總統特朗普宣布向貿易夥伴徵收全面關稅，港股早段下跌。');
    expect(w.check('en', w.en)).toEqual([]);
    expect(w.check('zh-Hant', w.zh)).toEqual([]);
    // from another source, the second clause names it: "<source> reported on April 3 that ..."
    const other = { ...thursday, id: 't3s', source: 'The Standard' };
    const w2 = write({ ...claim, also: { ...src(other, '2025-04-03'), text: other.body, opensWithName: true } }, '2025-04-07', [monday, other]);
    expect(w2.en).toContain('deep recession. The Standard reported on April 3 that Hong Kong stocks sank');
    expect(w2.zh).toContain('The Standard');
    expect(w2.zh).not.toContain('該台');
    // the second clause is checked against its own article like the first: a word changed is caught
    const forged = write({ ...claim, also: { ...claim.also!, text: 'Hong Kong stocks sank after Trump announced tariffs.' } }, '2025-04-07', [monday, thursday]);
    expect(forged.check('en', forged.en).map((i) => i.reason)).toEqual(['catalyst.also: not one contiguous clause of the article (move figures aside)']);
  });

  it('themes without a template say the topics the clause names, in Chinese (stimulus: 人民銀行, 北京的刺激經濟措施), checked', () => {
    const a = article('s1', "Hong Kong stocks jumped after the People's Bank of China cut a key rate and Beijing unveiled stimulus measures.", '2024-09-24T10:00:00+08:00');
    const claim: CatalystClaim = {
      theme: { id: 'stimulus_policy', en: 'stimulus and policy', zhHant: '刺激經濟及政策措施' },
      reported: { ...src(a, '2024-09-24'), text: a.body, opensWithName: true },
      quote: null,
      also: null,
    };
    // "People's Bank of China" -> 人民銀行; "stimulus measures" + "Beijing" -> 北京的刺激經濟措施 (刺激經濟措施 alone is then not said again)
    expect(zhCatalystTopics('stimulus_policy', a.body)).toEqual(['人民銀行', '北京的刺激經濟措施']);
    const w = write(claim, '2024-09-24', [a]);
    expect(w.zh).toBe('香港電台當日有關大市的報道中，提到人民銀行及北京的刺激經濟措施。');
    expect(w.check('zh-Hant', w.zh)).toEqual([]);
    // a topic the clause does not hold is refused by the checker (no "Federal Reserve" nor "rate cut" in it)
    expect(w.check('zh-Hant', '香港電台當日有關大市的報道中，提到美國聯儲局減息。').map((i) => i.token)).toEqual(['美國聯儲局減息']);
    // a clause with none of the theme's topics names the theme, as before
    expect(zhCatalystTopics('stimulus_policy', 'Hong Kong stocks rose on Tuesday.')).toEqual([]);
  });

  it('a stock story names its company as what the report was about, which needs no English words (BYD, 2025-02-06)', () => {
    // RTHK of 2025-02-06, tied to BYD: the clause names tariffs and Trump but not BYD; the sentence's subject 比亞迪 is the
    // article's tie, so the checker does not ask the clause for "BYD"; a topic 比亞迪 after 提到 still needs it
    const a = article('b1', 'The tie-up talks have coincided with disruption posed by potential tariffs from US President Donald Trump.', '2025-02-06T10:00:00+08:00');
    const claim: CatalystClaim = {
      theme: { id: 'tariffs_trade', en: 'tariffs and trade', zhHant: '關稅及貿易戰' },
      reported: { ...src(a, '2025-02-06'), text: a.body, opensWithName: false },
      quote: null,
      also: null,
    };
    const w = write(claim, '2025-02-07', [a]);
    expect(w.check('zh-Hant', '香港電台2月6日有關比亞迪的報道中，提到美國加徵關稅。')).toEqual([]);
    expect(w.check('zh-Hant', '香港電台2月6日有關大市的報道中，提到比亞迪。').map((i) => i.token)).toEqual(['比亞迪']);
  });

  it("no topic's Chinese is part of a theme's Chinese name or a source's (the fallback sentence would trip the checker)", () => {
    const names = [...THEME_LEXICON.map((t) => t.zhHant), zhSourceName('RTHK')];
    for (const [theme, topics] of Object.entries(ZH_CATALYST_TOPICS)) for (const t of topics) for (const n of names) expect(n.includes(t.zh), `${theme}: ${t.zh} in ${n}`).toBe(false);
    // every lexicon theme has a template or topics
    for (const t of THEME_LEXICON.filter((x) => x.id !== 'deepseek')) expect(ZH_CATALYST_TOPICS[t.id], t.id).toBeDefined();
  });
});

