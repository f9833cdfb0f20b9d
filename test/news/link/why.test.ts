import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainSession } from '../../../src/app/news/why.js';
import { asSessionDate } from '../../../src/core/units.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../../support/sharedData.js';

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
  });
});

describe('news why input checks', () => {
  it('refuses a date that is not a session of the index', async () => {
    await expect(
      explainSession({ symbol: 'HSTECH', on: asSessionDate('2025-02-09'), dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv') }),
    ).rejects.toThrow(/2025-02-09/);
  });
});
