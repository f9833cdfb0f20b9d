import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type StartedServer } from '../../src/server/startServer.js';
import { createFakeDesk } from '../server/fakeDesk.js';
import { countLinePixels, launchChromium, watchProblems } from './browser.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  const desk = createFakeDesk({
    news: [{ id: 'n1', title: 'Alpha jumps on AI hopes', body: 'Alpha Holdings rose.', publishedAt: '2025-03-25T10:00:00+08:00', source: 'RTHK', url: 'https://news.example/1', symbols: ['AAA.HK'] }],
    stories: [
      { slug: 'demo-rally', lang: 'en', title: 'Demo index rallies', date: '2025-03-26', summary: 's', translations: ['en', 'zh-Hant'], body: 'The index rose 0.4%.\n\nAlpha led.', tags: [], categories: [] },
      { slug: 'demo-rally', lang: 'zh-Hant', title: '示範指數上升', date: '2025-03-26', summary: 's', translations: ['en', 'zh-Hant'], body: '指數升0.4%。\n\n![走勢圖](demo-rally.index.svg)', tags: [], categories: [] },
    ],
    assets: {
      'demo-rally.index.svg': {
        contentType: 'image/svg+xml',
        body: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#1f5fbf"/></svg>'),
      },
    },
  });
  server = await startServer({ desk, host: '127.0.0.1', port: 0, rateLimit: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dashboard in Chromium (loopback)', () => {
  it('draws the chart, lists the members, shows movers, news and stories, under the strict CSP', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    const res = await page.goto(server.url, { waitUntil: 'load' });
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    await page.waitForTimeout(300); // one animation frame or two for the canvas

    expect(await countLinePixels(page, '#chart')).toBeGreaterThan(200);
    const symbols = await page.$$eval('#constituents tbody tr', (rows) => rows.map((r) => r.getAttribute('data-symbol')));
    expect(symbols).toEqual(['AAA.HK', 'BBB.HK', 'CCC.HK']); // sorted by weight 0.5, 0.3, 0.2
    const first = await page.$$eval('#constituents tbody tr:first-child td', (tds) => tds.map((t) => t.textContent));
    // weight 0.5 -> 50.0%; price 10; change +2.5%; contribution 12.5 x 0.5 = 6.25 points
    expect(first).toEqual(['AAA.HK', 'Alpha Holdings', '50.0%', '10.00', '+2.50%', '+6.25']);
    expect(await page.textContent('#gainers')).toContain('Alpha Holdings');
    expect(await page.textContent('#news')).toContain('Alpha jumps on AI hopes');
    expect(await page.textContent('#news .symbol')).toBe('AAA.HK'); // the securities the linker found
    // left arrow: the session before 2025-03-26 (a Wednesday) is 2025-03-25
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('#constituents-note')?.textContent === '3 members on 2025-03-25');
    await page.click('#stories button[data-lang="zh-Hant"]');
    await page.waitForSelector('#story p');
    expect(await page.textContent('#story')).toContain('指數升0.4%');
    // the story's chart file is shown as an image (served by /api/story-assets, allowed by img-src 'self')
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('#story img.story-chart')?.naturalWidth ?? 0) > 0);
    expect(await page.$eval('#story img.story-chart', (i) => [(i as HTMLImageElement).naturalWidth, i.getAttribute('alt')])).toEqual([40, '走勢圖']);

    const dir = tmp('indexwire-e2e-');
    const shot = join(dir, 'dashboard.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    process.stderr.write(`[e2e] dashboard screenshot: ${shot}\n`);
    // The only tolerated console error is the WebSocket to /live when no live plugin is mounted.
    expect(problems.filter((p) => !/\/live/.test(p))).toEqual([]);
    await page.close();
  });
});
