import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../../src/server/startServer.js';
import { createFakeDesk } from '../server/fakeDesk.js';
import { fontsUsedFor, launchChromiumWithoutCjkFonts, watchProblems } from './browser.js';
import { screenshotDir } from './screenshots.js';

const screenshotPath = screenshotDir();
let server: StartedServer;
let chromium: Awaited<ReturnType<typeof launchChromiumWithoutCjkFonts>>;

beforeAll(async () => {
  const desk = createFakeDesk({
    news: [{ id: 'n1', title: 'Alpha jumps on AI hopes', body: 'Alpha Holdings rose.', publishedAt: '2025-03-25T10:00:00+08:00', source: 'RTHK', url: 'https://news.example/1', symbols: ['AAA.HK'] }],
    stories: [
      { slug: 'demo-rally', lang: 'en', title: 'Demo index rallies', date: '2025-03-26 16:10:00', summary: 's', translations: ['en', 'zh-Hant'], body: 'The index rose 0.4%.', tags: [], categories: [] },
      { slug: 'demo-rally', lang: 'zh-Hant', title: '示範指數上升', date: '2025-03-26 16:10:00', summary: 's', translations: ['en', 'zh-Hant'], body: '指數升0.4%，阿爾法控股領漲。', tags: [], categories: [] },
    ],
  });
  server = await startServer({ desk, host: '127.0.0.1', port: 0, rateLimit: false });
  chromium = await launchChromiumWithoutCjkFonts();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('the dashboard in Traditional Chinese, in Chromium without CJK fonts (loopback)', () => {
  it('switches labels, names, dates and numbers to Chinese, draws them with the served Noto Sans HK, and remembers the choice', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('en'); // English until the reader chooses
    await page.selectOption('#lang-select', 'zh-Hant');
    await page.waitForSelector('body[data-lang="zh-Hant"]');
    await page.waitForFunction(() => document.querySelector('#constituents-note')?.textContent?.includes('隻成分股'));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));

    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant-HK');
    expect(await page.$$eval('#constituents thead th', (ths) => ths.map((x) => x.textContent))).toEqual(['代號', '名稱', '比重', '價格', '變動', '點數貢獻']);
    // fake desk: last session 2025-03-26, three members; AAA.HK weight 0.5, change +2.5%, 12.5 x 0.5 = 6.25 points
    expect(await page.textContent('#constituents-note')).toBe('2025年3月26日 共3隻成分股');
    expect(await page.$$eval('#constituents tbody tr:first-child td', (tds) => tds.map((x) => x.textContent))).toEqual(['AAA.HK', '阿爾法控股', '50.0%', '10.00', '+2.50%', '+6.25']);
    expect(await page.textContent('#gainers')).toContain('阿爾法控股 (AAA.HK) +2.50%，最多+3.10%，+6.25點');
    expect(await page.textContent('#index-select option')).toBe('DEMO · 示範科技指數');
    expect(await page.textContent('#chart-section h2')).toContain('DEMO 指數');
    expect(await page.textContent('#latest')).toContain('（2025年3月26日）');
    expect(await page.$eval('#date-select', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('2025年3月26日');
    expect(await page.getAttribute('#news-search', 'placeholder')).toBe('搜尋新聞');
    // the Chinese story comes first and opens in Chinese
    expect(await page.getAttribute('#stories li:first-child button', 'data-lang')).toBe('zh-Hant');
    await page.click('#stories li:first-child button');
    await page.waitForSelector('#story p');
    expect(await page.textContent('#story')).toContain('指數升0.4%');

    // No CJK font on the machine: the Chinese is drawn by the dashboard's own web font, not as boxes.
    expect((await fontsUsedFor(page, '#constituents tbody tr:first-child td:nth-child(2)')).map((f) => [f.familyName, f.isCustomFont])).toEqual([['Noto Sans HK', true]]);
    expect(await page.evaluate(() => document.fonts.check('14px "Indexwire Noto Sans HK"', '阿爾法控股成分股'))).toBe(true);
    await page.screenshot({ path: screenshotPath('zh-dashboard.png') });

    // remembered by the browser: a new visit opens in Chinese
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant-HK');
    expect(await page.textContent('#constituents thead th')).toBe('代號');
    expect(problems.filter((p) => !/\/live/.test(p))).toEqual([]);
    await context.close();
  });
});
