import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { loadLiveSetup } from '../../src/app/live/loadLiveSetup.js';
import { runNatsLiveFeed } from '../../src/app/natsScale/runNatsLiveFeed.js';
import { ManualClock } from '../../src/core/clock.js';
import { asSessionDate } from '../../src/core/units.js';
import { generateSessionTicks } from '../../src/realtime/generateTickPath.js';
import type { AggregatedLevel } from '../../src/realtime/LevelAggregator.js';
import { LiveIndexSession, runLiveSession } from '../../src/realtime/LiveIndexSession.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';
import { startNats, type NatsFixture } from './natsFixture.js';
import { waitUntil } from './waitUntil.js';

describeWithSharedData('live WebSocket feed through the NATS gateway', () => {
  let nats: NatsFixture;
  beforeAll(async () => {
    nats = await startNats();
  }, 60_000);
  afterAll(async () => nats?.stop());

  it('publishes on levels.<index> the same levels as the single process for the same feed', async () => {
    const date = asSessionDate('2025-02-07');
    const setup = await loadLiveSetup({ dataDir: HK_DATA, date });
    const ticks = generateSessionTicks(setup.days, setup.intervals, { seed: 11, ticksPerMember: 20 });
    const reference = runLiveSession(new LiveIndexSession(setup.state, { intervals: setup.intervalsWithAuction, publishEveryMs: 60_000 }), ticks);
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (s) => s.send(JSON.stringify(ticks)));
    const clock = new ManualClock(setup.intervals[0]!.startMs);
    const levels: AggregatedLevel[] = [];
    const run = await runNatsLiveFeed({
      dataDir: HK_DATA, date, feedUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, natsUrl: nats.url,
      prefix: `IWL${Date.now().toString(36)}`, workers: 2, everyMs: 60_000, clock, onLevel: (l) => levels.push(l),
      maxAheadMs: Infinity, // the whole day arrives while the clock is at the open
    });
    // Every tick must be through the gateway before the clock reaches the close, else the close watermark
    // would overtake them.
    await waitUntil(() => run.gateway.published >= ticks.length, 'the feed\'s ticks stored by the gateway');
    clock.set(setup.intervalsWithAuction.at(-1)!.endMs); // the clock reaches the close: the last watermarks go out
    await run.done;
    await run.stop();
    wss.close();
    levels.sort((a, b) => a.timeMs - b.timeMs);
    expect(levels).toHaveLength(reference.length);
    levels.forEach((l, i) => expect(Math.abs(l.level - reference[i]!.level) / l.level).toBeLessThan(1e-9));
    expect(levels.at(-1)).toMatchObject({ final: true, applied: ticks.length, duplicates: 0 });
    expect(run.gateway.failed).toBe(0);
  }, 120_000);
});
