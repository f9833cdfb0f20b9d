import { connect } from 'nats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadLiveSetup, type LiveSetup } from '../../src/app/live/loadLiveSetup.js';
import { CalcWorker } from '../../src/app/natsScale/CalcWorker.js';
import { LevelAggregatorService } from '../../src/app/natsScale/LevelAggregatorService.js';
import { natsNames } from '../../src/app/natsScale/natsNames.js';
import { publishTicks } from '../../src/app/natsScale/publishTicks.js';
import { setupStreams } from '../../src/app/natsScale/setupStreams.js';
import { asSessionDate } from '../../src/core/units.js';
import { generateSessionTicks } from '../../src/realtime/generateTickPath.js';
import type { AggregatedLevel } from '../../src/realtime/LevelAggregator.js';
import { PublicationSchedule } from '../../src/realtime/PublicationSchedule.js';
import { PgLiveLevelStore } from '../../src/store/postgres/PgLiveLevelStore.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres.js';
import { startNats, type NatsFixture } from './natsFixture.js';
import { waitUntil } from './waitUntil.js';

const EVERY_MS = 60_000; // a level a minute: 330 levels on 2025-02-07 (full day, lunch break and auction)

// Issue 14: live levels published by the JetStream aggregator are persisted to PostgreSQL too (real nats-server,
// real PostgreSQL, both started here).
describeWithSharedData('scale-out levels persisted to PostgreSQL', () => {
  let nats: NatsFixture;
  let pg: ThrowawayPostgres;
  let setup: LiveSetup;
  beforeAll(async () => {
    [nats, pg] = await Promise.all([startNats(), startThrowawayPostgres()]);
    setup = await loadLiveSetup({ dataDir: HK_DATA, date: asSessionDate('2025-02-07') });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([nats?.stop(), pg?.stop()]);
  });

  it('the aggregator stores every level it publishes, before acknowledging its shares; the latest is the close', async () => {
    const url = await pg.createDatabase();
    const store = await PgLiveLevelStore.open(url);
    const reader = await PgLiveLevelStore.open(url); // another process's view (its own pool)
    const names = natsNames(`IWPG${Date.now().toString(36)}`);
    const nc = await connect({ servers: nats.url });
    try {
      const jsm = await nc.jetstreamManager();
      await setupStreams(jsm, names, { partitions: 2, storage: 'memory' });
      const base = { servers: nats.url, names, partitions: 2, states: [setup.state] };
      const agg = await LevelAggregatorService.start({ ...base, levels: store });
      const worker = await CalcWorker.start({ ...base, owned: [0, 1], intervals: setup.intervalsWithAuction });
      const schedule = new PublicationSchedule(setup.intervalsWithAuction, EVERY_MS);
      const expected = new PublicationSchedule(setup.intervalsWithAuction, EVERY_MS).due(Infinity).length;
      const ticks = generateSessionTicks(setup.days, setup.intervals, { seed: 5, ticksPerMember: 60 });
      await publishTicks(nc.jetstream(), names, 2, ticks, schedule);
      await waitUntil(async () => (await jsm.streams.info(names.levelStream)).state.messages >= expected, `${expected} levels`, { stepMs: 50, maxWaitMs: 60_000 });
      await worker.stop();
      await agg.stop();
      const published: AggregatedLevel[] = [];
      const oc = await nc.jetstream().consumers.get(names.levelStream);
      for await (const m of await oc.fetch({ max_messages: expected, expires: 2000 })) published.push(m.json<AggregatedLevel>());
      expect(published).toHaveLength(expected);
      // every published level is stored, the same bytes; the latest is the final close level
      const stored = await reader.liveLevels(setup.state.code, 0, Number.MAX_SAFE_INTEGER);
      expect(stored).toEqual(published.sort((a, b) => a.timeMs - b.timeMs));
      const latest = await reader.latestLiveLevel(setup.state.code);
      expect(latest).toMatchObject({ final: true, phase: 'close', time: '2025-02-07T08:10:00.000Z' });
      expect(latest).toEqual(published.at(-1));
    } finally {
      await nc.drain();
      await store.close();
      await reader.close();
    }
  }, 180_000);
});
