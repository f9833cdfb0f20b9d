import { expect, it } from 'vitest';
import { withData } from '../../src/app/openData.js';
import { sharedStoryReads } from '../../src/app/deskRun/sharedStoryReads.js';
import { buildStoryInput, storySeries, type StoryInputOptions } from '../../src/app/story/buildStoryInput.js';
import { NewsLinking } from '../../src/app/story/NewsLinking.js';
import { asIndexCode, type SecurityId, type SessionDate } from '../../src/core/units.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA } from '../support/sharedData.js';

// Issue 11, "The session in one command", computed once: desk run reads every series' bars in one query, computes
// each milestone report once, reads the session's news once (the union of the stories' windows) and links each
// article once, and hands that to every story. Each story must gather exactly the input it gathers alone.
describeWithSharedData('desk run shared reads give each story the input it gathers alone (2025-02-07, real data)', () => {
  it('HSTECH (with members), HSI and Kingdee (0268.HK): equal StoryInputs from the shared bars, reports, news and linker', async () => {
    await withData({ data: HK_DATA, news: [NEWS_DATA] }, async (ports) => {
      const date = '2025-02-07' as SessionDate;
      const symbols = ['HSTECH', 'HSI', '0268.HK'];
      const history = await ports.market.getBarsMany(symbols as SecurityId[], undefined, date);
      const series = symbols.map((s) => storySeries(s, history.get(s as SecurityId) ?? [], date));
      const shared = await sharedStoryReads(ports, date, series.map((x) => x.bars));
      // every article the store holds: more than the windows, which each story must cut back to its own
      const everything = { ...shared, articles: await ports.news!.listArticles(), linking: new NewsLinking() };
      expect(everything.articles.length).toBeGreaterThan(shared.articles!.length);
      const members = await ports.market.getMemberships(asIndexCode('HSTECH'));
      let linked = 0;
      for (const [i, symbol] of symbols.entries()) {
        const o: StoryInputOptions = { symbol, date, ports, ...(symbol === 'HSTECH' ? { members } : {}) };
        const alone = await buildStoryInput(o);
        expect(await buildStoryInput({ ...o, series: series[i]!, shared }), symbol).toEqual(alone);
        expect(await buildStoryInput({ ...o, series: series[i]!, shared: everything }), `${symbol}, all articles`).toEqual(alone);
        linked += alone.articles.length;
      }
      // the news path is exercised: the seed day's stories link articles (Kingdee's DeepSeek news among them)
      expect(linked).toBeGreaterThan(0);
    });
  }, 120_000);

  it('a series that does not end on the session is read again from the store (the shared one is ignored)', async () => {
    await withData({ data: HK_DATA }, async (ports) => {
      const date = '2025-02-07' as SessionDate;
      const bars = (await ports.market.getBars('HSI' as SecurityId, undefined, '2025-02-06' as SessionDate));
      const stale = storySeries('HSI', bars, '2025-02-06' as SessionDate);
      const o: StoryInputOptions = { symbol: 'HSI', date, ports };
      const alone = await buildStoryInput(o);
      expect(alone.bars.at(-1)?.date).toBe('2025-02-07');
      expect(await buildStoryInput({ ...o, series: stale })).toEqual(alone);
    });
  }, 120_000);
});
