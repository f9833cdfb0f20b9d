import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';
import { launchChromium, watchProblems } from './browser.js';

let child: ChildProcess | null = null;
let browser: Browser | null = null;
const stories = mkdtempSync(join(tmpdir(), 'iw-livestory-e2e-'));
afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child?.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(stories, { recursive: true, force: true });
});

/** Starts `indexwire replay ... --serve 0 --stories DIR` and resolves with the URL it prints on stderr. */
function replayServed(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [join(REPO_ROOT, 'bin/indexwire.js'), 'replay', ...args], { cwd: REPO_ROOT, env: { ...process.env } });
    let err = '';
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /live: serving (http:\/\/[^\s]+)/.exec(err);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`replay exited ${code}: ${err}`)));
  });
}

describeWithSharedData('live story on the dashboard during a served replay (Chromium, a real replay process)', () => {
  it('shows the flash, then marks the update that replaces it', async () => {
    // 2025-02-07 at 300x: the flash comes at 09:30:18 market time (a moment after the start), the lunch update at
    // 12:00 (150 minutes / 300 = 30 s later), the close at 16:10 (80 s after the start).
    const url = await replayServed(['--date', '2025-02-07', '--data', HK_DATA, '--methodology', join(REPO_ROOT, 'methodologies/hstech-replica.yaml'), '--news', NEWS_DATA, '--speed', '300', '--serve', '0', '--stories', stories]);
    browser = await launchChromium();
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('#live-status')?.textContent === 'live: connected', undefined, { timeout: 30_000 });
    // The flash (or, on a slow machine, a later version: each replaces the one shown) arrives as a story message.
    await page.waitForFunction(() => /technical bull territory|technical bull market/.test(document.querySelector('#live-story h3')?.textContent ?? ''), undefined, { timeout: 60_000 });
    const first = (await page.textContent('#live-story .badge')) ?? '';
    expect(first).toMatch(/^(Flash|Update \(version \d+\))/);
    // The lunch update replaces it and is marked as an update.
    await page.waitForFunction(() => document.querySelector('#live-story')?.classList.contains('update') === true, undefined, { timeout: 90_000 });
    expect(await page.textContent('#live-story .badge')).toMatch(/^Update \(version [2-9]\)/);
    expect(await page.textContent('#live-story h3')).toMatch(/ — Update$/);
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});
