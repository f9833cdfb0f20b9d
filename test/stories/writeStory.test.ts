import { describe, expect, it } from 'vitest';
import { writeStory } from '../../src/stories/writeStory.js';
import { BULL_FACT, fixtureArticle, fixtureInput } from './fixtures.js';

const en = (s: ReturnType<typeof writeStory>) => s.documents.find((d) => d.lang === 'en')!;
const zh = (s: ReturnType<typeof writeStory>) => s.documents.find((d) => d.lang === 'zh-Hant')!;

describe('writeStory on the TECHX fixture', () => {
  const story = writeStory(fixtureInput());

  it('leads with the regime change and says it with hand-checked numbers', () => {
    const text = en(story).paragraphs.join('\n');
    expect(en(story).frontMatter.title).toBe('Techx Index enters technical bull market');
    // 1210 / 1000 - 1 = 21.0% > 20%: "more than 20%"
    // as much as: 1230 / 1180 - 1 = 4.237% -> 4.2%, in the lede with the regime
    expect(text).toContain('The Techx Index rose as much as 4.2% on Friday and closed more than 20% above its January 13 low, entering technical bull territory.');
    // close 1210 / 1180 - 1 = 2.542% -> 2.5%; points 1210 - 1180 = 30.00; "as much as" is not said twice
    expect(text).toContain('The index closed up 2.5% at 1,210.00, a gain of 30.00 points.');
    expect(text.match(/4\.2%/g)).toHaveLength(1);
    // 52w high 1300: 1210 / 1300 - 1 = -6.923% -> "about 6.9%"; record 2200: 1210 / 2200 - 1 = -45.0% -> "about 45%"
    expect(text).toContain('It is about 6.9% below its October 7, 2024 high and about 45% below its February 10, 2021 record.');
    // Alpha: 11 / 10 - 1 = 10.0%, as much as 11.5 / 10 - 1 = 15.0%; Beta: 21.5 / 20 - 1 = 7.5%
    expect(text).toContain('Alpha Tech led the gainers, closing up 10.0% after rising as much as 15.0%.');
    expect(text).toContain('Beta Systems was also among the top gainers, rising as much as 7.5%.');
    // Gamma: 49 / 50 - 1 = -2.0%
    expect(text).toContain('Gamma Chips fell the most, losing 2.0%.');
    expect(text).toContain('Alpha Tech and Beta Systems added the most points to the index, 12.50 and 10.00, respectively.');
    expect(text).toContain('Of the 4 members, 2 rose, 1 fell and 1 was unchanged.');
  });

  it('writes the same numbers in Traditional Chinese with its own formats', () => {
    const t = [zh(story).frontMatter.title, ...zh(story).paragraphs].join('\n');
    expect(t).toContain('科技X指數進入技術性牛市');
    expect(t).toContain('科技X指數星期五（2月7日）盤中最多升4.2%，收市較1月13日低位高出逾20%，進入技術性牛市。');
    expect(t).toContain('指數收市升2.5%，報1,210.00點，升30.00點。');
    expect(t).toContain('較2024年10月高位低約6.9%，較2021年2月的歷史高位低約45%');
    expect(t).toContain('4隻成分股中，2隻上升，1隻下跌，1隻持平。');
  });

  it('passes the checker in both languages and backs every number with an unrounded value', () => {
    expect(story.checkIssues).toEqual([]);
    expect(story.gateFailures).toEqual([]);
    expect(story.publishable).toBe(true);
    const pct = story.ledger.entries.find((e) => e.id === 'as_much_as_pct')!;
    expect(pct.value).toBeCloseTo((1230 / 1180 - 1) * 100, 12);
    expect(pct.source).toMatchObject({ series: 'TECHX', session: '2025-02-07', field: 'high; previous close' });
  });

  it('writes front matter in the seed layout, translations linking both languages', () => {
    const md = en(story).markdown;
    const keys = [...md.split('---')[1]!.matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['title', 'date', 'summary', 'categories', 'lang', 'translations', 'tags', 'menu', 'thumbnail', 'lead', 'comments', 'authorbox', 'pager', 'toc', 'mathjax', 'sidebar', 'widgets']);
    expect(md).toContain('translations:\n  - "en"\n  - "zh-Hant"\n');
    expect(md).toContain('widgets:\n  - "search"\n  - "recent"\n  - "taglist"\n---');
    expect(en(story).fileName).toBe('techx-2025-02-07.en.md');
    expect(zh(story).markdown).toContain('lang:\n  - "zh-Hant"\n');
  });

  it('keeps committed snapshots of both languages for reviewers', async () => {
    await expect(en(story).markdown).toMatchFileSnapshot('./__snapshots__/techx-2025-02-07.en.md');
    await expect(zh(story).markdown).toMatchFileSnapshot('./__snapshots__/techx-2025-02-07.zh-Hant.md');
  });
});

describe('writeStory: what it may and may not say', () => {
  it('says nothing about causes without linked news', () => {
    const text = en(writeStory(fixtureInput())).markdown;
    expect(text).not.toMatch(/according to|because|driven by|amid|on hopes/i);
  });

  it('never prints a linked headline; without a chosen catalyst it says nothing about causes', () => {
    const s = writeStory(fixtureInput({ articles: [fixtureArticle('AI stocks <script>alert(1)</script> jump 12%')] }));
    expect(en(s).paragraphs.join('\n')).not.toMatch(/AI stocks|according to|reported/);
    expect(s.checkIssues).toEqual([]);
  });

  it('covers the index alone without members: no movers, no breadth', () => {
    const s = writeStory(fixtureInput({ members: null }));
    expect(en(s).paragraphs.join(' ')).not.toMatch(/gainers|members|points to the index/);
    expect(s.publishable).toBe(true);
  });

  it('leads with the move when no fact ranks higher, and with a big move wording', () => {
    const s = writeStory(fixtureInput({ report: null, members: null }));
    expect(en(s).frontMatter.title).toBe('Techx Index rises 2.5%');
    expect(zh(s).frontMatter.title).toBe('科技X指數升2.5%');
  });

  it('does not claim a bull market the numbers do not show', () => {
    // reference 1,100: 1210 / 1100 - 1 = 10% < 20%: the fact is dropped, the story leads with the move
    const s = writeStory(fixtureInput({ report: { ...fixtureInput().report!, facts: [{ ...BULL_FACT, reference: { date: BULL_FACT.reference!.date, value: 1100 } }] } }));
    expect(en(s).markdown).not.toContain('bull');
  });

  it('says "record" only when the history is complete; otherwise "in data going back to" its first month', () => {
    const recordFacts = { ...fixtureInput().report!, facts: [{ type: 'all_time_high', basis: 'close' as const, event: 'new' }] };
    // a fixture where the session closes above everything before it: 1,210 -> 2,300
    const bars = [...fixtureInput().bars.slice(0, -1), { ...fixtureInput().bars.at(-1)!, high: 2400, close: 2300 }];
    const complete = writeStory(fixtureInput({ report: recordFacts, bars, members: null }));
    expect(en(complete).frontMatter.title).toBe('Techx Index closes at record high');
    const partial = writeStory(fixtureInput({ report: recordFacts, bars, members: null, historyComplete: false }));
    // the data begin on 2021-02-10: the record is qualified by the data's coverage, to the month
    expect(en(partial).frontMatter.title).toBe('Techx Index closes at highest since at least February 2021');
    // 2300 / 1180 - 1 = 94.9% -> "soared 94.9%"
    expect(en(partial).paragraphs[0]).toBe('The Techx Index soared 94.9% on Friday to its highest close since at least February 2021.');
    expect(en(partial).paragraphs.join(' ')).not.toMatch(/record|all-time|ever/);
    expect(zh(partial).frontMatter.title).toBe('科技X指數收市創至少自2021年2月以來新高');
    expect(zh(partial).paragraphs.join('')).not.toMatch(/歷史/);
    expect(partial.checkIssues).toEqual([]);
  });

  it('dates a "since" fact to the day within the session year, in full before it (en), to the month (zh-Hant)', () => {
    const since = (d: string) => writeStory(fixtureInput({ members: null, report: { ...fixtureInput().report!, facts: [{ type: 'highest_since', basis: 'close', since: d as never }] } }));
    expect(en(since('2025-01-02')).frontMatter.title).toBe('Techx Index closes at highest since January 2');
    expect(en(since('2024-10-07')).frontMatter.title).toBe('Techx Index closes at highest since October 7, 2024');
    expect(zh(since('2024-10-07')).frontMatter.title).toBe('科技X指數收市創2024年10月以來新高');
  });

  it('names the replica when contributions come from one', () => {
    const s = writeStory(fixtureInput({ contributionSource: { code: 'TECHX-R', replica: true } }));
    expect(en(s).paragraphs.join(' ')).toContain("In Indexwire's replica of the index, Alpha Tech and Beta Systems added the most points");
  });
});
