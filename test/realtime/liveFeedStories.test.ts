import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { LiveHub, type StoryMessage } from '../../src/app/live/LiveHub.js';
import { loadLiveSetup } from '../../src/app/live/loadLiveSetup.js';
import { runLiveFeed } from '../../src/app/live/runLiveFeed.js';
import { runReplay, withOfficialLevels, type ReplaySummary } from '../../src/app/live/runReplay.js';
import { ManualClock } from '../../src/core/clock.js';
import { asSessionDate } from '../../src/core/units.js';
import { generateSessionTicks } from '../../src/realtime/generateTickPath.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';
import { tempDirs } from '../support/tempDirs.js';
import { waitUntil } from './waitUntil.js';
import { filesOf } from '../support/filesOf.js';

describeWithSharedData('live --stories on a WebSocket feed: HSTECH 2025-02-07 (real data) from a loopback source', () => {
  const tmp = tempDirs();
  const date = asSessionDate('2025-02-07');
  const methodologyPath = join(REPO_ROOT, 'methodologies/hstech-replica.yaml');
  let wss: WebSocketServer;
  let replayed: ReplaySummary;
  let liveDir: string;
  let replayDir: string;
  const liveMessages: StoryMessage[] = [];
  afterAll(() => wss?.close());

  beforeAll(async () => {
    const setup = await loadLiveSetup({ dataDir: HK_DATA, date, methodologyPath });
    // The feed: the members' seeded trades and the index's own levels, as `replay --stories` generates them (seed 1)
    const events = withOfficialLevels(setup, generateSessionTicks(setup.days, setup.intervals, { seed: 1 }), { seed: 1 });
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (s) => {
      for (let i = 0; i < events.length; i += 2000) s.send(JSON.stringify({ type: 'batch', events: events.slice(i, i + 2000) }));
    });
    const clock = new ManualClock(setup.intervals[0]!.startMs);
    const hub = new LiveHub();
    hub.subscribeStories('HSTECH', (m) => liveMessages.push(m));
    liveDir = tmp('iw-livefeed-stories-');
    const run = await runLiveFeed({
      dataDir: HK_DATA, date, methodologyPath, feedUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, hub, clock, everyMs: 2000,
      maxAheadMs: Infinity, // the whole day arrives while the clock is at the open
      stories: { storiesDir: liveDir, newsPath: NEWS_DATA },
    });
    const calc = run.desk.sessions[0]!.calculator;
    const memberTicks = events.filter((e) => e.symbol !== 'HSTECH').length;
    await waitUntil(() => calc.outcomeCounts().applied >= memberTicks, 'every member tick applied', { maxWaitMs: 300_000 });
    clock.set(setup.intervalsWithAuction.at(-1)!.endMs); // the close on the clock: the timer publishes the rest
    await run.done;
    replayDir = tmp('iw-replay-stories-');
    replayed = await runReplay({ dataDir: HK_DATA, date, methodologyPath, stories: { storiesDir: replayDir, newsPath: NEWS_DATA } });
  }, 600_000);

  it('files the flash during trading, updates through the close, and sends each version to /live subscribers', () => {
    expect(liveMessages.length).toBeGreaterThanOrEqual(2);
    expect(liveMessages[0]).toMatchObject({ version: 1, reason: 'flash', update: false, published: '2025-02-07 09:30:18' });
    expect(liveMessages[0]!.documents[0]!.title).toMatch(/technical bull territory/);
    expect(liveMessages.at(-1)).toMatchObject({ reason: 'close', final: true, published: '2025-02-07 16:10:00' });
    expect(readFileSync(join(liveDir, 'hstech-2025-02-07.en.md'), 'utf8')).toContain('closed up 1.8% at 5,150.35');
  });

  it('writes the same versions as replay --stories of the same ticks, byte for byte', () => {
    expect(liveMessages.map((m) => m.version)).toEqual((replayed.stories ?? []).map((s) => s.version));
    expect(filesOf(liveDir)).toEqual(filesOf(replayDir));
  });
});
