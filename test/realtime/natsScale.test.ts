import { connect } from 'nats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CalcWorker } from '../../src/app/natsScale/CalcWorker.js';
import { LevelAggregatorService } from '../../src/app/natsScale/LevelAggregatorService.js';
import { natsNames } from '../../src/app/natsScale/natsNames.js';
import { publishTicks } from '../../src/app/natsScale/publishTicks.js';
import { setupStreams } from '../../src/app/natsScale/setupStreams.js';
import { loadLiveSetup, type LiveSetup } from '../../src/app/live/loadLiveSetup.js';
import type { LevelPublication } from '../../src/realtime/levelPublication.js';
import { asSessionDate } from '../../src/core/units.js';
import { generateSessionTicks } from '../../src/realtime/generateTickPath.js';
import type { AggregatedLevel } from '../../src/realtime/LevelAggregator.js';
import { LiveIndexSession, runLiveSession, type LiveEvent } from '../../src/realtime/LiveIndexSession.js';
import { PublicationSchedule } from '../../src/realtime/PublicationSchedule.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';
import { startNats, type NatsFixture } from './natsFixture.js';
import { waitUntil } from './waitUntil.js';

const P = 4;
const EVERY_MS = 60_000; // a publication a minute keeps the watermark count modest (330 a day)

describeWithSharedData('scale-out on NATS JetStream', () => {
  let nats: NatsFixture;
  let setup: LiveSetup;
  let ticks: LiveEvent[];
  let reference: LevelPublication[];
  beforeAll(async () => {
    nats = await startNats();
    setup = await loadLiveSetup({ dataDir: HK_DATA, date: asSessionDate('2025-02-07') });
    ticks = generateSessionTicks(setup.days, setup.intervals, { seed: 3, ticksPerMember: 100 });
    ticks.splice(500, 0, ticks[499]!); // one duplicate in the log: rejected the same way everywhere
    reference = runLiveSession(new LiveIndexSession(setup.state, { intervals: setup.intervalsWithAuction, publishEveryMs: EVERY_MS }), ticks);
  }, 60_000);
  afterAll(async () => nats?.stop());

  /** One deployment: streams under `prefix`, the aggregator, workers per `plan`, the gateway; returns the levels. */
  async function deploy(prefix: string, plan: number[][], killAfter?: { worker: number; messages: number }): Promise<{ levels: AggregatedLevel[]; rebuilt: number }> {
    const names = natsNames(prefix);
    const nc = await connect({ servers: nats.url });
    const jsm = await nc.jetstreamManager();
    await setupStreams(jsm, names, { partitions: P, ackWaitMs: 1000, storage: 'memory' });
    const agg = await LevelAggregatorService.start({ servers: nats.url, names, partitions: P, states: [setup.state] });
    const base = { servers: nats.url, names, partitions: P, states: [setup.state], intervals: setup.intervalsWithAuction };
    let killed: Promise<void> | null = null;
    let applied = 0;
    const workers = await Promise.all(plan.map((owned, w) => CalcWorker.start({
      ...base, owned,
      onApplied: () => {
        if (killAfter?.worker === w && ++applied === killAfter.messages) killed = workers[w]!.kill();
      },
    })));
    await publishTicks(nc.jetstream(), names, P, ticks, new PublicationSchedule(setup.intervalsWithAuction, EVERY_MS));
    if (killAfter) {
      await waitUntil(() => killed !== null, `worker ${killAfter.worker} to apply ${killAfter.messages} messages`);
      await killed;
      workers[killAfter.worker] = await CalcWorker.start({ ...base, owned: plan[killAfter.worker]! }); // the restart
    }
    await waitUntil(async () => (await jsm.streams.info(names.levelStream)).state.messages >= reference.length, `${reference.length} levels stored`, { stepMs: 50 });
    const levels: AggregatedLevel[] = [];
    const oc = await nc.jetstream().consumers.get(names.levelStream);
    const batch = await oc.fetch({ max_messages: reference.length, expires: 2000 });
    for await (const m of batch) levels.push(m.json<AggregatedLevel>());
    await Promise.all(workers.map((w) => w.stop()));
    await agg.stop();
    await nc.drain();
    return { levels, rebuilt: workers.reduce((n, w) => n + w.rebuilt, 0) };
  }

  it('a worker that cannot store its shares retries them, in order, until the store is back', async () => {
    const names = natsNames(`IWR${Date.now().toString(36)}`);
    const nc = await connect({ servers: nats.url });
    const jsm = await nc.jetstreamManager();
    await setupStreams(jsm, names, { partitions: 1, storage: 'memory' });
    await jsm.streams.delete(names.partialStream); // the shares have nowhere to go for now
    const errors: string[] = [];
    const worker = await CalcWorker.start({
      servers: nats.url, names, partitions: 1, owned: [0], states: [setup.state], intervals: setup.intervalsWithAuction, onError: (e) => errors.push(e.message),
    });
    const open = setup.intervals[0]!.startMs;
    const m0 = setup.state.members[0]!;
    const js = nc.jetstream();
    await js.publish(names.tickSubject(0), JSON.stringify({ symbol: m0.symbol, timeMs: open + 1000, price: m0.previousClose * 1.1 }));
    await js.publish(names.tickSubject(0), JSON.stringify({ type: 'watermark', timeMs: open + 60_000, phase: 'open' }));
    await js.publish(names.tickSubject(0), JSON.stringify({ type: 'watermark', timeMs: open + 120_000, phase: 'open' }));
    await waitUntil(() => errors.length > 0, 'a failed store of the shares');
    await setupStreams(jsm, names, { partitions: 1, storage: 'memory' }); // the store is back
    await waitUntil(async () => (await jsm.streams.info(names.partialStream)).state.messages >= 2, 'both shares stored', { stepMs: 50, maxWaitMs: 20_000 });
    const oc = await js.consumers.get(names.partialStream);
    const got: { timeMs: number; levelPart: number; applied: number }[] = [];
    for await (const m of await oc.fetch({ max_messages: 2, expires: 2000 })) got.push(m.json());
    // The whole index sits in the one partition: its share is the level, previous close level + one move of
    // indexShares × (1.1 − 1) × previousClose / divisor.
    let prevLevel = 0;
    for (const m of setup.state.members) prevLevel += (m.indexShares * m.previousClose) / setup.state.divisor;
    const level = prevLevel + (m0.indexShares * (m0.previousClose * 1.1 - m0.previousClose)) / setup.state.divisor;
    expect(got.map((g) => g.timeMs)).toEqual([open + 60_000, open + 120_000]);
    got.forEach((g) => expect(Math.abs(g.levelPart - level) / level).toBeLessThan(1e-9));
    expect(got.map((g) => g.applied)).toEqual([1, 1]);
    await worker.stop();
    await nc.drain();
  }, 120_000);

  it('the aggregator retries a level it cannot store until the store is back', async () => {
    const names = natsNames(`IWS${Date.now().toString(36)}`);
    const nc = await connect({ servers: nats.url });
    const jsm = await nc.jetstreamManager();
    await setupStreams(jsm, names, { partitions: 1, storage: 'memory' });
    await jsm.streams.delete(names.levelStream);
    const errors: string[] = [];
    const agg = await LevelAggregatorService.start({ servers: nats.url, names, partitions: 1, states: [setup.state], onError: (e) => errors.push(e.message) });
    const share = { index: setup.state.code, partition: 0, timeMs: 60_000, phase: 'open', levelPart: 5100, previousPart: 5000, applied: 3, rejected: 0, duplicates: 0 };
    await nc.jetstream().publish(names.partialSubject(setup.state.code), JSON.stringify(share));
    await waitUntil(() => errors.length > 0, 'a failed store of the level');
    await setupStreams(jsm, names, { partitions: 1, storage: 'memory' });
    await waitUntil(async () => (await jsm.streams.info(names.levelStream)).state.messages >= 1, 'the level stored', { stepMs: 50, maxWaitMs: 20_000 });
    const oc = await nc.jetstream().consumers.get(names.levelStream);
    const got: AggregatedLevel[] = [];
    for await (const m of await oc.fetch({ max_messages: 1, expires: 2000 })) got.push(m.json());
    expect(got).toEqual([expect.objectContaining({ timeMs: 60_000, level: 5100, previousLevel: 5000, applied: 3 })]);
    expect(got[0]!.changePct).toBeCloseTo(2, 12); // (5100 / 5000 − 1) × 100
    await agg.stop();
    await nc.drain();
  }, 120_000);

  it('two workers, one killed and restarted mid-stream, publish the same levels as one worker and as one process', async () => {
    const run = Date.now().toString(36);
    const one = (await deploy(`IWA${run}`, [[0, 1, 2, 3]])).levels;
    const restarted = await deploy(`IWB${run}`, [[0, 1], [2, 3]], { worker: 1, messages: 700 });
    const two = restarted.levels;
    expect(restarted.rebuilt).toBeGreaterThan(0); // the restarted worker rebuilt its state from the acknowledged prefix
    expect(one).toHaveLength(reference.length);
    expect(two).toEqual(one); // same bytes: shares summed in partition order whoever computed them
    one.forEach((l, i) => {
      const r = reference[i]!;
      expect(l.timeMs).toBe(r.timeMs);
      expect(Math.abs(l.level - r.level) / r.level).toBeLessThan(1e-9);
    });
    const last = two.at(-1)!;
    expect(last).toMatchObject({ final: true, phase: 'close', duplicates: 1 });
    // no tick lost, none applied twice: the same counts as the single process
    expect(last.applied).toBe(reference.at(-1)!.ticks.applied);
    expect(last.applied).toBe(ticks.length - 1);
  }, 120_000);
});
