import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { LiveHub } from '../../src/app/live/LiveHub.js';
import type { LevelPublication } from '../../src/realtime/levelPublication.js';
import { liveRoutesPlugin } from '../../src/server/live/liveRoutes.js';
import { startServer, type StartedServer } from '../../src/server/startServer.js';
import { createFakeDesk } from '../server/fakeDesk.js';
import { launchChromium } from './browser.js';

let server: StartedServer;
let browser: Browser;
const hub = new LiveHub();

beforeAll(async () => {
  server = await startServer({ desk: createFakeDesk(), host: '127.0.0.1', port: 0, rateLimit: false, live: liveRoutesPlugin({ hub }) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A publication for the fake desk's index on its last session (2025-03-26, close 1295). */
function publication(level: number, seq: number): LevelPublication {
  return {
    type: 'level',
    index: 'DEMO',
    sessionDate: '2025-03-26',
    seq,
    timeMs: Date.parse('2025-03-26T02:00:00Z') + seq * 2000,
    time: new Date(Date.parse('2025-03-26T02:00:00Z') + seq * 2000).toISOString(),
    phase: 'open',
    final: false,
    level,
    previousLevel: 1290,
    changePoints: level - 1290,
    changePct: (level / 1290 - 1) * 100,
    high: level,
    low: 1290,
    ticks: {} as LevelPublication['ticks'],
    members: [],
    facts: [],
  } as unknown as LevelPublication;
}

describe('dashboard live updates over the realtime plugin (Chromium)', () => {
  it('subscribes to the shown index and shows each publication in the header', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('#live-status')?.textContent === 'live: connected');
    // The client subscribes right after connecting; publish until the header shows it (subscription is async).
    let seq = 1;
    await expect
      .poll(async () => {
        hub.publish(publication(1301.5, seq++));
        return page.textContent('#latest');
      }, { timeout: 10_000, interval: 200 })
      .toContain('1,301.50');
    // 1301.5 / 1290 - 1 = 0.008914... -> +0.89%
    expect(await page.textContent('#latest')).toContain('+0.89%');
    expect(await page.textContent('#latest')).toContain('live 2025-03-26');
    await page.close();
  });
});
