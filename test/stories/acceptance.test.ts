import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { moversFromFiles } from '../../src/app/movers.js';
import { writeStoryFiles, type StoryJobResult } from '../../src/app/story/writeStoryFiles.js';
import type { SessionDate } from '../../src/core/units.js';
import type { FactLedger } from '../../src/domain/story.js';
import { checkStoryText } from '../../src/stories/ledger/checkStoryText.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';

describeWithSharedData('acceptance: HSTECH on 2025-02-07 from ../shared/data with RTHK news', () => {
  const out = mkdtempSync(join(tmpdir(), 'iw-story-'));
  let r: StoryJobResult;
  let en = '';
  let zh = '';
  let ledger: FactLedger;
  beforeAll(async () => {
    r = await writeStoryFiles({
      symbol: 'HSTECH',
      date: '2025-02-07' as SessionDate,
      dataDir: HK_DATA,
      membersPath: join(HK_DATA, 'hstech_members.csv'),
      methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml'),
      newsPath: NEWS_DATA,
      outDir: out,
    });
    en = readFileSync(join(out, 'hstech-2025-02-07.en.md'), 'utf8');
    zh = readFileSync(join(out, 'hstech-2025-02-07.zh-Hant.md'), 'utf8');
    ledger = JSON.parse(readFileSync(join(out, 'hstech-2025-02-07.ledger.json'), 'utf8')) as FactLedger;
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is published: no gate failed and the checker backed every number in both languages', () => {
    expect(r.gateFailures).toEqual([]);
    expect(r.checkIssues).toEqual([]);
    expect(r.published).toBe(true);
    expect(r.files.map((f) => f.split('/').pop()).sort()).toEqual([
      'hstech-2025-02-07.contrib.svg',
      'hstech-2025-02-07.contrib.zh-Hant.svg', // each language has its own charts and thumbnail
      'hstech-2025-02-07.en.md',
      'hstech-2025-02-07.index.svg',
      'hstech-2025-02-07.index.zh-Hant.svg',
      'hstech-2025-02-07.ledger.json',
      'hstech-2025-02-07.png',
      'hstech-2025-02-07.zh-Hant.md',
      'hstech-2025-02-07.zh-Hant.png',
    ]);
  });

  it('says what the seed story says, from the data', () => {
    expect(en).toContain('title: "Hang Seng Tech Index enters technical bull market"');
    // 5150.35 / 4221.92 (2025-01-13 close) - 1 = 21.99% > 20%
    // 5203.93 / 5059.38 - 1 = 2.857% -> 2.9%: the lede says the rarest fact (the regime) with "as much as"
    expect(en).toContain('The Hang Seng Tech Index, which tracks the 30 largest technology companies listed in Hong Kong, rose as much as 2.9% on Friday and closed more than 20% above its January 13 low, entering technical bull territory.');
    // 5150.35 / 5059.38 - 1 = 1.798% -> 1.8%, said once, after the lede
    expect(en).toContain('The index closed up 1.8% at 5,150.35, a gain of 90.97 points.');
    expect((en.split('\n---\n')[1] ?? '').match(/2\.9%/g)).toHaveLength(1); // the body, without the front matter's summary
    // 5150.35 / 5386.48 (2024-10-07) - 1 = -4.38% -> 4.4%; 5150.35 / 10945.22 (2021-02-17) - 1 = -52.94% -> 53%
    expect(en).toContain('about 4.4% below its October 7, 2024 high and about 53% below its February 17, 2021 record');
    // analytics: best_week_since 2024-10-04 and highest_since 2024-10-07: dates of another year are written in full
    expect(en).toContain("It was the index's best week since October 4, 2024, and its highest close since October 7, 2024.");
    // analytics: a 4-week winning streak, the last one as long ended 2024-08-30
    expect(en).toContain("It was the index's fourth straight weekly gain, the longest run since August 30, 2024.");
    // Lenovo 12.1959 / 11.1666 - 1 = 9.22% -> 9.2%; Xiaomi 43.05 / 40.55 - 1 = 6.17% -> 6.2%
    // named with their descriptors on first mention (Xiaomi is first named as a top contributor)
    expect(en).toMatch(/Li Auto, PC maker Lenovo and Xiaomi were also among the top gainers, rising as much as [\d.]+%, 9\.2% and 6\.2%, respectively/);
  });

  it('carries the same numbers in Traditional Chinese', () => {
    expect(zh).toContain('title: "恒生科技指數進入技術性牛市"');
    for (const s of ['這是指數自2024年10月以來最佳單週表現及最高收市水平。', '1月13日低位高出逾20%', '盤中最多升2.9%', '收市升1.8%', '報5,150.35點', '2024年10月高位低約4.4%', '2021年2月的歷史高位低約53%', '聯想集團', '小米集團', '9.2%', '6.2%']) {
      expect(zh).toContain(s);
    }
  });

  it('keeps a ledger with the unrounded value and source of each figure, and the checker agrees on re-reading', () => {
    const byId = new Map(ledger.entries.map((e) => [e.id, e]));
    expect(byId.get('as_much_as_pct')?.value).toBeCloseTo((5203.93 / 5059.38 - 1) * 100, 10);
    expect(byId.get('context.record.pct')?.inputs).toMatchObject({ record: 10945.22, recordSession: '2021-02-17' });
    expect(byId.get('mover.0992.HK.as_much_as_pct')?.source.field).toBe('high; previous close');
    const text = (md: string) => (md.split('\n---\n')[1] ?? '').split('\n').filter((l) => !l.startsWith('![')).join('\n');
    expect(text(en)).toContain('5,150.35');
    expect(checkStoryText(text(en), ledger, 'en')).toEqual([]);
    expect(checkStoryText(text(zh), ledger, 'zh-Hant')).toEqual([]);
    // a tampered figure is caught on re-reading
    expect(checkStoryText(text(en).replace('up 1.8%', 'up 1.9%'), ledger, 'en')).toHaveLength(1);
  });

  it('agrees with analytics (indexwire movers) on every mover, contribution and breadth figure it prints', async () => {
    const m = await moversFromFiles({ symbol: 'HSTECH', on: '2025-02-07', dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv'), methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml') });
    const byId = new Map(ledger.entries.map((e) => [e.id, e.value]));
    for (const g of m.gainers.slice(0, 4)) {
      expect(byId.get(`mover.${g.symbol}.change_pct`), g.symbol).toBeCloseTo(g.changePct, 9);
      expect(byId.get(`mover.${g.symbol}.as_much_as_pct`), g.symbol).toBeCloseTo(g.asMuchAsPct, 9);
    }
    for (const c of m.contributors.top.slice(0, 2)) expect(byId.get(`contrib.${c.symbol}.points`), c.symbol).toBeCloseTo(c.contributionPoints as number, 9);
    expect([byId.get('breadth.up'), byId.get('breadth.down'), byId.get('breadth.flat')]).toEqual([m.breadth.advancers, m.breadth.decliners, m.breadth.unchanged]);
  });

  it('says what the news said about DeepSeek, attributed to RTHK with its date, and the Chinese story in Chinese', () => {
    // RTHK 2025-02-05 10:24 "Mainland, HK shares rise at open" (names the Hang Seng Index): its first sentence
    // names DeepSeek in its "as" clause; the main clause is about Shanghai, so only the clause is reported (contiguous
    // in the article). The quote is Andrew Sullivan's in RTHK 2025-01-28 21:56, inside quotation marks there.
    expect(en).toContain('RTHK reported on February 5 that mainland investors returned from a week-long break to the start of a fresh China-US trade standoff and news of a new chatbot launched by mainland startup DeepSeek.');
    expect(en).not.toContain('Shanghai');
    expect(en).toContain('Andrew Sullivan, founder of Asian Market Sense, was quoted by RTHK on January 28 as saying: "I think what we have seen from DeepSeek is');
    // the Chinese sentence renders the clause's own facts (render/zhCatalystFacts.ts): investors returned, week-long
    // break, fresh China-US trade standoff, new chatbot launched by mainland startup DeepSeek; RTHK is 香港電台
    expect(zh).toContain('香港電台2月5日報道，內地投資者結束一周長假後重返市場，適逢中美再現貿易對峙，內地初創企業DeepSeek推出新聊天機械人。');
    const body = (zh.split('\n---\n')[1] ?? '').split('\n').filter((l) => !l.startsWith('!['));
    // no English sentence: no run of four Latin words (names such as DeepSeek, RTHK stand alone)
    expect(body.join('\n')).not.toMatch(/[A-Za-z]+(?:[ ,'’-]+[A-Za-z]+){3,}/);
    const byId = new Map(ledger.entries.map((e) => [e.id, e]));
    expect(byId.get('catalyst.reported')?.source.series).toMatch(/^article:/);
    expect(byId.get('catalyst.reported.date')?.dateParts).toEqual([2025, 2, 5]);
    expect(byId.get('catalyst.quote')?.inputs).toMatchObject({ speaker: 'Andrew Sullivan, founder of Asian Market Sense', localDate: '2025-01-28' });
  });
});

describeWithSharedData('real data: catalysts on the days the news explains, and silence where it does not', () => {
  const story = async (symbol: string, date: string, news = true) => {
    const out = mkdtempSync(join(tmpdir(), 'iw-story-'));
    try {
      const r = await writeStoryFiles({
        symbol, date: date as SessionDate, dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv'),
        ...(news ? { newsPath: NEWS_DATA } : {}), outDir: out, charts: false,
      });
      expect(r.checkIssues).toEqual([]);
      expect(r.published).toBe(true);
      const slug = `${symbol.toLowerCase()}-${date}`;
      return { en: readFileSync(join(out, `${slug}.en.md`), 'utf8'), zh: readFileSync(join(out, `${slug}.zh-Hant.md`), 'utf8') };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };

  it('HSTECH 2025-04-07: the trade war from RTHK of that Monday, and the tariffs from its Thursday, in both languages', async () => {
    const { en, zh } = await story('HSTECH', '2025-04-07');
    // RTHK 10:12 "Hang Seng Index slumps on US tariff sell-off", first sentence (no figure in it)
    expect(en).toContain('RTHK reported that financial markets in Hong Kong and across the border dived on Monday as markets around the world crumbled in the face of a widening global trade war');
    expect(en).toMatch(/tags:\n  - "hstech"(?:\n  - "[a-z-]+")*\n  - "tariffs_trade"/);
    // the Monday clause names a trade war, not the tariffs: RTHK 2025-04-03 09:44's first sentence, which does, is
    // reported too, dated ("more than two percent" after "sank" taken out, ", including 34 percent ..." left off)
    expect(en).toContain('It also reported on April 3 that Hong Kong stocks sank in opening trades on Thursday after US President Donald Trump announced sweeping tariffs against trade partners.');
    expect(en.split('\n---\n')[1] ?? '').toMatch(/\btariffs?\b/);
    expect(zh).toContain('香港電台當日報道，香港及內地金融市場急挫，全球市場崩跌，環球貿易戰升級，市場憂慮引發深度經濟衰退。');
    expect(zh).toContain('該台4月3日亦報道，美國總統特朗普宣布向貿易夥伴徵收全面關稅，港股早段下跌。');
    expect(zh.split('\n---\n')[1] ?? '').toContain('關稅');
  });

  it('HSTECH 2025-02-21: the earnings cause of the first sentence, without the article\'s "more than three percent"', async () => {
    const { en, zh } = await story('HSTECH', '2025-02-21');
    // RTHK 13:28 "Hong Kong stocks up 3 percent": headline and move figures are never printed; the story's own figures are the data's
    expect(en).toContain('RTHK reported that Hong Kong stocks soared on Friday afternoon, boosted by a rally in the tech sector as e-commerce titan Alibaba piled on following a forecast-topping earnings report.');
    expect(en).not.toMatch(/3 percent|three percent|13 percent/);
    // forecast-topping earnings, e-commerce titan Alibaba piled on, Friday afternoon, rally in the tech sector
    expect(zh).toContain('香港電台當日報道，港股午後急升，科技股造好帶動大市，電商巨頭阿里巴巴業績勝預期，股價大升。');
  });

  it('says nothing about causes without news', async () => {
    const { en, zh } = await story('HSTECH', '2025-02-07', false);
    expect(en).not.toMatch(/reported|according to|because|driven by|quoted/);
    expect(zh).not.toMatch(/報道|RTHK|香港電台/);
  });
});

describeWithSharedData('real data snapshots for reviewers (members, no engine, no news)', () => {
  it('HSTECH 2025-02-07 in both languages', async () => {
    const out = mkdtempSync(join(tmpdir(), 'iw-story-'));
    try {
      const r = await writeStoryFiles({
        symbol: 'HSTECH', date: '2025-02-07' as SessionDate, dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv'), outDir: out, charts: false,
      });
      expect(r.published).toBe(true);
      await expect(readFileSync(join(out, 'hstech-2025-02-07.en.md'), 'utf8')).toMatchFileSnapshot('./__snapshots__/real-hstech-2025-02-07.en.md');
      await expect(readFileSync(join(out, 'hstech-2025-02-07.zh-Hant.md'), 'utf8')).toMatchFileSnapshot('./__snapshots__/real-hstech-2025-02-07.zh-Hant.md');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
