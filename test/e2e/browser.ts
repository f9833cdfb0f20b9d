import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, launched the way the brief measured to work here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Console errors, page errors and CSP violations seen by a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

/**
 * Counts pixels of the chart's canvases that are clearly the line colour (#1f5fbf: blue well above red).
 * Zero means nothing was drawn.
 */
export async function countLinePixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    let n = 0;
    for (const c of Array.from(document.querySelectorAll<HTMLCanvasElement>(`${sel} canvas`))) {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) continue;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) {
        const r = d[i] ?? 0, g = d[i + 1] ?? 0, b = d[i + 2] ?? 0, a = d[i + 3] ?? 0;
        if (a > 200 && b > 150 && b - r > 80 && b - g > 40) n++;
      }
    }
    return n;
  }, selector);
}

/** Installs the trap before any page script runs: payloads call __xss or alert/confirm/prompt. */
export async function openTrappedPage(browser: Browser): Promise<{ page: Page; hits: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const hits: string[] = [];
  await page.exposeFunction('__xssReport', (n: unknown) => hits.push(`__xss(${String(n)})`));
  await page.addInitScript(() => {
    (window as unknown as { __xss: (n: unknown) => void }).__xss = (n) =>
      (window as unknown as { __xssReport: (n: unknown) => void }).__xssReport(n);
  });
  page.on('dialog', (d) => {
    hits.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { page, hits };
}

/**
 * Chromium on a "fresh machine" as far as fonts go: fontconfig sees only DejaVu Sans from node_modules
 * (`dejavu-fonts-ttf`), whatever is installed system-wide, so no CJK font exists unless a page brings its own.
 * Returns the browser and a cleanup that closes it and removes the temporary fontconfig folder.
 */
export async function launchChromiumWithoutCjkFonts(): Promise<{ browser: Browser; fontconfigDir: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'indexwire-fontconfig-'));
  const dejavu = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${dejavu}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n  <config></config>\n</fontconfig>\n`,
  );
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf'), FONTCONFIG_PATH: dir },
    });
    return {
      browser,
      fontconfigDir: dir,
      close: async () => {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The platform fonts Chromium used to draw the text of the first element matching `selector` (DevTools CSS domain). */
export async function fontsUsedFor(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts;
  } finally {
    await cdp.detach();
  }
}
