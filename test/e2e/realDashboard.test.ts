import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createDesk } from '../../src/app/desk/createDesk.js';
import { startServer, type StartedServer } from '../../src/server/startServer.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT, SEED_DIR } from '../support/sharedData.js';
import { countLinePixels, launchChromium, watchProblems } from './browser.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

describeWithSharedData('dashboard on the real Hong Kong data (Chromium)', () => {
  let server: StartedServer;
  let browser: Browser;
  beforeAll(async () => {
    const desk = createDesk({
      dataDir: HK_DATA,
      newsDir: NEWS_DATA,
      storiesDir: SEED_DIR,
      methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml'),
    });
    await desk.indexes(); // load data, engine and news before the page asks (seconds on a busy machine)
    server = await startServer({ desk, host: '127.0.0.1', port: 0, rateLimit: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows HSTECH-R on 2025-02-07: chart, 30 members with weights, Lenovo and Xiaomi among the gainers, the news', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(await page.inputValue('#index-select')).toBe('HSTECH-R');
    await page.selectOption('#date-select', '2025-02-07');
    await page.waitForFunction(() => document.querySelector('#constituents-note')?.textContent?.includes('2025-02-07'), undefined, { timeout: 60_000 });
    await page.waitForFunction(() => (document.querySelector('#gainers')?.children.length ?? 0) > 0, undefined, { timeout: 60_000 });
    expect(await countLinePixels(page, '#chart')).toBeGreaterThan(200);
    expect(await page.$$eval('#constituents tbody tr', (r) => r.length)).toBe(30);
    const weights = await page.$$eval('#constituents tbody tr td:nth-child(3)', (tds) => tds.map((t) => Number(t.textContent?.replace('%', ''))));
    // weights are shown in percent with one decimal; 30 of them sum to 100% within rounding (30 x 0.05)
    expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(1.5);
    const gainers = await page.textContent('#gainers');
    expect(gainers).toContain('Lenovo Group');
    expect(gainers).toContain('Xiaomi');
    expect(await page.textContent('#movers-note')).toMatch(/^\d+ up, \d+ down, \d+ unchanged · points from the index engine$/);
    expect(await page.textContent('#news-note')).toMatch(/^\d+ articles in the week to 2025-02-07$/);
    expect(await page.textContent('#news')).toContain('Hong Kong stocks close higher'); // RTHK, 2025-02-07 17:36
    const shot = join(tmp('indexwire-e2e-real-'), 'dashboard-real.png');
    await page.screenshot({ path: shot, fullPage: true });
    process.stderr.write(`[e2e] real-data dashboard screenshot: ${shot}\n`);
    expect(problems.filter((p) => !/\/live/.test(p))).toEqual([]);
    await page.close();
  });
});
