import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import { buildSite } from '../../src/app/site/buildSite.js';
import { writeStoryFiles } from '../../src/app/story/writeStoryFiles.js';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';
import { fontsUsedFor, launchChromiumWithoutCjkFonts, watchProblems } from './browser.js';
import { screenshotDir } from './screenshots.js';
import { serveFolder } from './staticServer.js';

const screenshotPath = screenshotDir();
let root = '';
let site: { url: string; close: () => Promise<void> } | null = null;
let chromium: { browser: Browser; close: () => Promise<void> } | null = null;

describeWithSharedData('a Hong Kong reader in Chromium without CJK fonts: the Chinese site and its charts (real data)', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'indexwire-zh-site-'));
    const stories = join(root, 'stories');
    // 2025-02-07: the acceptance story; 2024-09-05: a session when Ping An Health and Technology (Good Doctor),
    // the longest member name in the HK data, was still a member (to 2024-09-09).
    for (const date of ['2025-02-07', '2024-09-05']) {
      const r = await writeStoryFiles({ symbol: 'HSTECH', date: date as SessionDate, dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv'), methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml'), outDir: stories });
      expect(r.published).toBe(true);
    }
    buildSite({ storiesDir: stories, outDir: join(root, 'site') });
    site = await serveFolder(join(root, 'site'));
    chromium = await launchChromiumWithoutCjkFonts();
  }, 120_000);
  afterAll(async () => {
    await chromium?.close();
    await site?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const failed: string[] = [];
  const open = async (path: string): Promise<Page> => {
    const page = await (chromium as { browser: Browser }).browser.newPage({ viewport: { width: 1100, height: 820 } });
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${(site as { url: string }).url}${path}`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  };

  it('the Chinese story page of 2025-02-07: zh-Hant-HK, Chinese chrome and dates, Chinese glyphs from the site\'s own font', async () => {
    const page = await open('/stories/hstech-2025-02-07.zh-Hant.html');
    const problems = watchProblems(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant-HK');
    expect(await page.textContent('h1')).toBe('恒生科技指數進入技術性牛市');
    expect(await page.$$eval('.sidebar h2', (hs) => hs.map((x) => x.textContent))).toEqual(['搜尋', '最近報道', '標籤']);
    expect(await page.getAttribute('#search-q', 'placeholder')).toBe('搜尋報道及新聞');
    expect(await page.textContent('.taglist p a')).toBe('所有標籤');
    expect(await page.textContent('article.story .meta time')).toBe('2025年2月7日 16:10');
    expect(await page.textContent('header nav')).toContain('English');
    expect(await page.textContent('.taxonomy')).toContain('牛市'); // tag bull-market shown in Chinese

    // The machine has no CJK font (fontconfig sees DejaVu Sans only): the title is drawn entirely by the
    // self-hosted Noto Sans HK subset, not by any system font and not as missing-glyph boxes.
    const used = await fontsUsedFor(page, 'h1');
    expect(used.map((f) => [f.familyName, f.isCustomFont])).toEqual([['Noto Sans HK', true]]); // a web font (the self-hosted subset), by its internal name
    expect(await page.evaluate(() => document.fonts.check('16px "Indexwire Noto Sans HK"', '恒生科技指數進入技術性牛市'))).toBe(true);
    const widths = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 120;
      c.height = 60;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      const stack = getComputedStyle(document.body).fontFamily;
      const draw = (font: string, text: string) => {
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 120, 60);
        ctx.fillStyle = '#000';
        ctx.font = font;
        ctx.fillText(text, 4, 44);
        return { width: ctx.measureText(text).width, pixels: Array.from(ctx.getImageData(0, 0, 120, 60).data) };
      };
      const page = draw(`40px ${stack}`, '聯');
      const box = draw(`40px ${stack}`, '\u{E000}'); // a private-use code point: the missing-glyph box
      const latinOnly = draw('40px "DejaVu Sans"', '聯'); // no font with the glyph: a box
      let differ = 0;
      for (let i = 0; i < page.pixels.length; i += 4) if (Math.abs((page.pixels[i] ?? 0) - (box.pixels[i] ?? 0)) > 64) differ++;
      let ink = 0;
      for (let i = 0; i < page.pixels.length; i += 4) if ((page.pixels[i] ?? 255) < 128) ink++;
      return { glyph: page.width, box: box.width, latinOnly: latinOnly.width, differ, ink };
    });
    expect(widths.glyph).toBeCloseTo(40, 0); // a CJK glyph is one em wide
    expect(widths.latinOnly).not.toBeCloseTo(40, 0); // DejaVu Sans draws its narrower missing-glyph box
    expect(widths.ink).toBeGreaterThan(150);
    expect(widths.differ).toBeGreaterThan(100);

    // Both charts of the Chinese story are its Chinese charts, and they load.
    const imgs = await page.$$eval('article.story figure img', (is) => is.map((i) => [i.getAttribute('src'), (i as HTMLImageElement).naturalWidth]));
    expect(imgs).toEqual([['hstech-2025-02-07.index.zh-Hant.svg', 800], ['hstech-2025-02-07.contrib.zh-Hant.svg', 800]]);
    await page.screenshot({ path: screenshotPath('zh-story-page.png') });
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    expect(failed).toEqual([]); // every stylesheet, font, script and chart of the page loads
    await page.close();
  });

  it('the Chinese front page lists the Chinese stories in its own section', async () => {
    const page = await open('/zh-hant/index.html');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant-HK');
    expect(await page.textContent('main h1')).toBe('最新報道');
    const titles = await page.$$eval('main .stories h3', (hs) => hs.map((x) => x.textContent));
    expect(titles.length).toBe(2);
    expect(await page.$$eval('main .stories time', (ts) => ts.map((t) => t.textContent))).toEqual(['2025年2月7日 16:10', '2024年9月5日 16:10']);
    await page.close();
  });

  it('the Chinese search finds stories by a tag\'s Chinese name (牛市 for bull-market)', async () => {
    const page = await open('/zh-hant/index.html');
    await page.fill('#search-q', '牛市');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li a').length > 0);
    const hits = await page.$$eval('#search-results li a', (as) => as.map((a) => a.getAttribute('href')));
    // 2025-02-07 entered a bull market (tag bull-market); 2024-09-05 is not tagged so
    expect(hits).toEqual(['../stories/hstech-2025-02-07.zh-Hant.html']);
    await page.fill('#search-q', '熊市');
    await page.waitForFunction(() => document.querySelector('#search-results li')?.textContent === '找不到相關報道');
    await page.close();
  });

  it('every chart label of both languages lies inside its SVG, drawn with the SVG\'s embedded font', async () => {
    const svgs = readdirSync(join(root, 'site', 'stories')).filter((f) => f.endsWith('.svg')).sort();
    expect(svgs.length).toBe(8); // 2 stories x 2 languages x (index, contributions)
    let goodDoctor = 0;
    for (const f of svgs) {
      const page = await open(`/stories/${f}`);
      const r = await page.evaluate(() => {
        const svg = document.documentElement.getBoundingClientRect();
        const texts = Array.from(document.querySelectorAll('text')).map((t) => {
          const b = t.getBoundingClientRect();
          return { text: t.textContent ?? '', left: b.left - svg.left, right: svg.right - b.right, top: b.top - svg.top, bottom: svg.bottom - b.bottom };
        });
        return { texts, width: svg.width };
      });
      expect(r.width, f).toBe(800);
      expect(r.texts.length, f).toBeGreaterThan(10);
      for (const t of r.texts) {
        expect(Math.min(t.left, t.right, t.top, t.bottom), `${f}: "${t.text}" crosses the edge (${JSON.stringify(t)})`).toBeGreaterThanOrEqual(0);
      }
      if (r.texts.some((t) => t.text === 'Ping An Health and Technology (Good Doctor)')) goodDoctor++;
      const zh = f.includes('zh-Hant');
      const sample = zh ? '恒生科技指數' : 'Hang Seng';
      const family = zh ? 'Noto Sans HK' : 'DejaVu Sans';
      expect(await page.evaluate(([fam, s]) => document.fonts.check(`12px "${fam}"`, s as string), [family, sample]), f).toBe(true);
      if (zh) expect((await fontsUsedFor(page, 'text')).map((x) => x.familyName)).toEqual(['Noto Sans HK']);
      if (f === 'hstech-2025-02-07.contrib.zh-Hant.svg') await page.screenshot({ path: screenshotPath('zh-contribution-chart.png') });
      await page.close();
    }
    expect(goodDoctor).toBe(1); // the English contributions of 2024-09-05, in full
  });
});
