import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainSession } from '../../../src/app/news/why.js';
import { asSessionDate } from '../../../src/core/units.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../../support/sharedData.js';
import { tempDirs } from '../../support/tempDirs.js';

const tmp = tempDirs();

describeWithSharedData('news why on real data: HSTECH on 2025-02-21 (Alibaba results day)', () => {
  it('explains the session with movers, contributors, ranked articles and event studies', async () => {
    const r = await explainSession({
      symbol: 'HSTECH', on: asSessionDate('2025-02-21'), dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv'),
      newsPaths: [NEWS_DATA], methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml'), top: 3,
    });
    expect(r.previousSession).toBe('2025-02-20');
    expect(r.newsWindow).toEqual({ from: '2025-02-20T00:00:00+08:00', to: '2025-02-21T23:59:59+08:00' });
    expect(r.changePct).toBeGreaterThan(5); // AFP: "The Hang Seng tech index surged more than six percent"
    // top movers by |change|: Bilibili +16.5%, Lenovo +15.4%, Alibaba +14.6% (closes in 9626/0992/9988.HK.csv)
    expect(r.movers.map((m) => m.symbol)).toEqual(['9626.HK', '0992.HK', '9988.HK']);
    expect(r.contributors?.[0]?.symbol).toBe('9988.HK');
    const ali = r.securities.find((s) => s.symbol === '9988.HK')!;
    expect(ali.roles).toEqual(['mover', 'contributor']);
    expect(ali.changePct).toBeCloseTo(14.56, 1);
    expect(ali.eventStudy!.abnormalReturn).toBeGreaterThan(0.05);
    expect(ali.eventStudy!.tStat).toBeGreaterThan(2);
    expect(ali.articles.map((a) => a.title)).toEqual(['Hong Kong stocks surge to three-year high', 'Hong Kong stocks up 3 percent']);
    expect(ali.articles[0]!.themes.map((t) => t.theme)).toContain('earnings');
    for (const a of [...r.securities.flatMap((s) => s.articles), ...r.benchmarkArticles]) {
      expect(a.publishedAt >= '2025-02-20T00:00' && a.publishedAt <= '2025-02-21T23:59:59+08:00').toBe(true);
    }
    expect(r.benchmarkArticles.length).toBeGreaterThan(2);
    // RTHK 13:28 and 17:59 of 02-21 name Alibaba (a mover: tie 2, session day) with "forecast-topping" and "earnings"
    expect(r.themes[0]).toMatchObject({ theme: 'earnings', en: 'earnings', zhHant: '企業業績' });
  });
});

describeWithSharedData('news why over several news folders', () => {
  it('links near-duplicates across the folders (a syndicated copy is not a second article)', async () => {
    // A copy of RTHK 1792653 (17:59 HKT) under another URL, 31 minutes later, one word changed: shingle Jaccard
    // stays above 0.8 on its ~180 words, so it is a near-duplicate of the RTHK original and must not be counted.
    const dir = tmp('iw-why-');
    const original = readFileSync(join(NEWS_DATA, '2025-02-21-rthk-1792653.md'), 'utf8');
    writeFileSync(join(dir, 'copy.md'), original
      .replace('https://news.rthk.hk/rthk/en/component/k2/1792653-20250221.htm', 'https://syndication.example.com/hk-stocks-3yr-high')
      .replace('2025-02-21T17:59:00+08:00', '2025-02-21T18:30:00+08:00')
      .replace('blistering rally', 'strong rally'));
    const base = { symbol: 'HSTECH', on: asSessionDate('2025-02-21'), dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv'),
      methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml'), top: 3 };
    const one = await explainSession({ ...base, newsPaths: [NEWS_DATA] });
    const two = await explainSession({ ...base, newsPaths: [NEWS_DATA, dir] });
    expect(two.articlesInWindow).toBe(one.articlesInWindow);
    const titles = (r: typeof one) => r.securities.find((s) => s.symbol === '9988.HK')!.articles.map((a) => a.id);
    expect(titles(two)).toEqual(titles(one));
  });
});

describe('news why input checks', () => {
  it('refuses a date that is not a session of the index', async () => {
    await expect(
      explainSession({ symbol: 'HSTECH', on: asSessionDate('2025-02-09'), dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv') }),
    ).rejects.toThrow(/2025-02-09/);
  });
});
