import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSitePosts } from '../../src/app/desk/withSitePosts.js';
import { publishNews } from '../../src/app/news/publishNews.js';
import { buildSite } from '../../src/app/site/buildSite.js';
import { articleIdOfUrl } from '../../src/news/parse/buildArticle.js';
import { startServer, type StartedServer } from '../../src/server/startServer.js';
import { createFakeDesk } from '../server/fakeDesk.js';
import { tempDirs } from '../support/tempDirs.js';
import { launchChromium, watchProblems } from './browser.js';

const tmp = tempDirs();
const URL_1 = 'https://news.rthk.hk/rthk/en/component/k2/1790001-20250325.htm';
const URL_2 = 'https://news.example/not-republished';

let server: StartedServer;
let browser: Browser;

// Issue 12: the dashboard's news timeline links each article to its republished post on the served site.
beforeAll(async () => {
  const root = tmp('iw-dash-posts-');
  const articles = join(root, 'articles');
  mkdirSync(articles);
  writeFileSync(join(articles, 'a.md'), `---\ntitle: "Alpha jumps on AI hopes"\ndate: 2025-03-25T10:00:00+08:00\nsource: RTHK (Radio Television Hong Kong), English finance news\nurl: ${URL_1}\nlanguage: en\n---\n\nAlpha Holdings rose.\n`);
  await publishNews({ inputs: [articles], outDir: join(root, 'posts') });
  mkdirSync(join(root, 'stories'));
  const site = join(root, 'site');
  buildSite({ storiesDir: join(root, 'stories'), newsDirs: [join(root, 'posts')], outDir: site });
  const desk = createFakeDesk({
    news: [
      { id: articleIdOfUrl(URL_1) as string, title: 'Alpha jumps on AI hopes', body: 'Alpha Holdings rose.', publishedAt: '2025-03-25T10:00:00+08:00', source: 'RTHK', url: URL_1, symbols: ['AAA.HK'] },
      { id: articleIdOfUrl(URL_2) as string, title: 'Beta without a post', body: 'Beta fell.', publishedAt: '2025-03-25T09:00:00+08:00', source: 'RTHK', url: URL_2, symbols: [] },
    ],
  });
  server = await startServer({ desk: withSitePosts(desk, site), siteDir: site, host: '127.0.0.1', port: 0, rateLimit: false });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dashboard news links to the republished posts (serve --site)', () => {
  it('answers /api/news with each item\'s post, or null when the site has none', async () => {
    const r = await fetch(`${server.url}/api/news?limit=10`);
    const body = (await r.json()) as { items: { title: string; post: string | null }[] };
    expect(body.items.map((i) => [i.title, i.post])).toEqual([
      ['Alpha jumps on AI hopes', '/site/news/2025-03-25-alpha-jumps-on-ai-hopes.en.html'],
      ['Beta without a post', null],
    ]);
  });

  it('links the title to the post, served under /site/, and keeps the source link beside it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    await page.waitForSelector('#news a.post');
    expect(await page.$$eval('#news li strong', (s) => s.map((x) => [x.textContent, x.querySelector('a')?.getAttribute('href') ?? null]))).toEqual([
      ['Alpha jumps on AI hopes', '/site/news/2025-03-25-alpha-jumps-on-ai-hopes.en.html'],
      ['Beta without a post', URL_2], // no post: the title links to the source, as before
    ]);
    expect(await page.getAttribute('#news li .source a', 'href')).toBe(URL_1);
    await page.click('#news a.post');
    await page.waitForURL(/\/site\/news\/2025-03-25-alpha-jumps-on-ai-hopes\.en\.html$/);
    expect(await page.textContent('h1')).toBe('Alpha jumps on AI hopes');
    expect(await page.getAttribute('p.source a', 'href')).toBe(URL_1);
    // every page, stylesheet and script of the dashboard and the post loads; the browser's own favicon request may 404
    expect(failed.filter((f) => f !== '404 /favicon.ico')).toEqual([]);
    // (a failed load is checked by URL above: Chromium's favicon request is logged without one)
    expect(problems.filter((p) => !/\/live/.test(p) && !/Failed to load resource/.test(p))).toEqual([]);
    await page.close();
  });
});
