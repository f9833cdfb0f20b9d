import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { connect } from 'nats';
import { WebSocketServer } from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LiveHub } from '../../src/app/live/LiveHub.js';
import { loadLiveSetup } from '../../src/app/live/loadLiveSetup.js';
import { runReplay, withOfficialLevels, type ReplaySummary } from '../../src/app/live/runReplay.js';
import { runNatsLiveFeed } from '../../src/app/natsScale/runNatsLiveFeed.js';
import { generateSessionTicks } from '../../src/realtime/generateTickPath.js';
import { PublicationSchedule } from '../../src/realtime/PublicationSchedule.js';
import { natsNames } from '../../src/app/natsScale/natsNames.js';
import { runNatsReplay, type NatsReplaySummary } from '../../src/app/natsScale/runNatsReplay.js';
import { ManualClock, systemClock } from '../../src/core/clock.js';
import { asSessionDate } from '../../src/core/units.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';
import { tempDirs } from '../support/tempDirs.js';
import { startNats, type NatsFixture } from './natsFixture.js';
import { waitUntil } from './waitUntil.js';
import { filesOf } from '../support/filesOf.js';

// A publication a minute on both paths keeps the watermarks few (340 a partition); the desk is the same either way.
const EVERY_MS = 60_000;

describeWithSharedData('live story desk on the NATS JetStream path: HSTECH 2025-02-07 (real data)', () => {
  const tmp = tempDirs();
  let nats: NatsFixture;
  let inProcess: ReplaySummary;
  let onNats: NatsReplaySummary;
  const localJson: string[] = [];
  const natsJson: string[] = [];
  let dirA: string;
  let dirB: string;
  let dirC: string;
  const liveNatsJson: string[] = [];

  /** The story messages stored on a deployment's stories stream, in order. */
  async function storedStories(prefix: string, into: string[]): Promise<void> {
    const nc = await connect({ servers: nats.url });
    try {
      const oc = await nc.jetstream().consumers.get(natsNames(prefix).storyStream);
      const batch = await oc.fetch({ max_messages: 100, expires: 2000 });
      for await (const m of batch) into.push(m.string());
    } finally {
      await nc.drain();
    }
  }

  beforeAll(async () => {
    nats = await startNats();
    dirA = tmp('iw-natsstory-a-');
    dirB = tmp('iw-natsstory-b-');
    const base = { dataDir: HK_DATA, date: asSessionDate('2025-02-07'), methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml'), everyMs: EVERY_MS };
    const hub = new LiveHub();
    hub.subscribeAllStories((_m, json) => localJson.push(json));
    inProcess = await runReplay({ ...base, hub, stories: { storiesDir: dirA, newsPath: NEWS_DATA } });
    const prefix = `IWS${Date.now().toString(36).toUpperCase()}`;
    onNats = await runNatsReplay({ ...base, natsUrl: nats.url, prefix, partitions: 4, workers: 2, clock: systemClock, stories: { storiesDir: dirB, newsPath: NEWS_DATA } });
    // The versions as stored on JetStream, read back from the stories stream
    await storedStories(prefix, natsJson);

    // live --nats --stories: the same ticks from a WebSocket feed through the gateway, a manual clock at the open
    const setup = await loadLiveSetup(base);
    const events = withOfficialLevels(setup, generateSessionTicks(setup.days, setup.intervals, { seed: 1 }), { seed: 1 });
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (sock) => {
      for (let i = 0; i < events.length; i += 2000) sock.send(JSON.stringify(events.slice(i, i + 2000)));
    });
    try {
      const clock = new ManualClock(setup.intervals[0]!.startMs);
      dirC = tmp('iw-natsstory-c-');
      const livePrefix = `IWSL${Date.now().toString(36).toUpperCase()}`;
      const run = await runNatsLiveFeed({
        ...base, feedUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, natsUrl: nats.url, prefix: livePrefix, workers: 2, clock,
        maxAheadMs: Infinity, stories: { storiesDir: dirC, newsPath: NEWS_DATA },
      });
      // every tick through the gateway before the clock reaches the close (else the close watermark overtakes them)
      // (the gateway's count holds the watermarks too: 4 partitions × the publication times up to the last event)
      const marks = 4 * new PublicationSchedule(setup.intervalsWithAuction, EVERY_MS).due(events.at(-1)!.timeMs).length;
      await waitUntil(() => run.gateway.published >= events.length + marks, 'the feed\'s ticks stored by the gateway', { maxWaitMs: 300_000 });
      clock.set(setup.intervalsWithAuction.at(-1)!.endMs);
      await run.done;
      await run.stop();
      await storedStories(livePrefix, liveNatsJson);
    } finally {
      wss.close();
    }
  }, 600_000);
  afterAll(async () => nats?.stop());

  it('publishes the same story versions as the in-process path, byte for byte, on stories.HSTECH', () => {
    expect(localJson.length).toBeGreaterThanOrEqual(2);
    expect(natsJson).toEqual(localJson);
    const first = JSON.parse(natsJson[0] as string) as { version: number; update: boolean; documents: { title: string }[] };
    expect(first).toMatchObject({ version: 1, update: false });
    expect(first.documents[0]?.title).toMatch(/technical bull territory/);
    expect(JSON.parse(natsJson.at(-1) as string)).toMatchObject({ final: true, reason: 'close' });
    expect(onNats.stories).toEqual(inProcess.stories);
    expect(onNats.storyIssues).toEqual([]);
  });

  it('writes the same files as the in-process path', () => {
    const a = filesOf(dirA);
    expect(a.size).toBeGreaterThanOrEqual(3 + 2 * 3); // the latest (en, zh-Hant, ledger) and at least two versions
    expect(filesOf(dirB)).toEqual(a);
    // the close version says the official close on both
    expect(a.get('hstech-2025-02-07.en.md')).toContain('5,150.35');
  });

  it('live --nats --stories on a WebSocket feed publishes the same versions and files too', () => {
    expect(liveNatsJson).toEqual(localJson);
    expect(filesOf(dirC)).toEqual(filesOf(dirA));
  });

  it('the levels still all arrive (the story desk is one more consumer, not in their way)', () => {
    expect(onNats.levels).toBe(onNats.expectedLevels);
    expect(onNats.close?.final).toBe(true);
  });
});
