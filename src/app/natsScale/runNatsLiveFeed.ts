import { connect } from 'nats';
import type { Clock } from '../../core/clock.js';
import type { AggregatedLevel } from '../../realtime/LevelAggregator.js';
import type { LiveLevelStore } from '../../store/levels/LiveLevelStore.js';
import { PublicationSchedule } from '../../realtime/PublicationSchedule.js';
import { WebSocketTickFeed } from '../../sources/ticks/WebSocketTickFeed.js';
import { aheadOfClock, DEFAULT_MAX_AHEAD_MS } from '../live/aheadOfClock.js';
import { loadLiveSetup, type LiveSetupOptions } from '../live/loadLiveSetup.js';
import { CalcWorker } from './CalcWorker.js';
import { LevelAggregatorService } from './LevelAggregatorService.js';
import { natsNames } from './natsNames.js';
import { NatsGateway } from './NatsGateway.js';
import { setupStreams } from './setupStreams.js';
import type { LiveStoriesOptions } from '../live/startLiveStories.js';
import { NatsStoryDesk } from './NatsStoryDesk.js';

export interface NatsLiveFeedOptions extends LiveSetupOptions {
  readonly feedUrl: string;
  readonly natsUrl: string;
  readonly prefix: string;
  readonly partitions?: number;
  /** Workers in this process (default 0: they run as `indexwire live-worker`). */
  readonly workers?: number;
  readonly everyMs?: number;
  readonly clock: Clock;
  readonly onLevel?: (l: AggregatedLevel) => void;
  /** An event stamped more than this many ms after the clock is reported and skipped (default 5000; see runLiveFeed). */
  readonly maxAheadMs?: number;
  readonly onIssue?: (message: string) => void;
  /** Where the aggregator also stores each level (`--db`: PostgreSQL for a shared desk). */
  readonly levels?: LiveLevelStore;
  /** The live story desk (`--stories DIR`): a consumer of the tick partitions; its versions on `stories.<index>`. */
  readonly stories?: Omit<LiveStoriesOptions, 'hub'>;
}

/**
 * Live on the scale-out: ticks from the WebSocket feed go through the NATS gateway (partitioned by symbol,
 * watermarks on the clock's publication grid), workers compute the shares, the aggregator here publishes the
 * levels on `levels.<index>` and hands them to `onLevel`; with `stories`, the story desk follows the partitions
 * (`NatsStoryDesk`). Resolves `done` after the close level (and the close version).
 */
export async function runNatsLiveFeed(o: NatsLiveFeedOptions): Promise<{ done: Promise<void>; stop(): Promise<void>; gateway: NatsGateway; stories: NatsStoryDesk | null }> {
  const setup = await loadLiveSetup(o);
  const P = o.partitions ?? 4;
  const W = Math.max(0, Math.min(o.workers ?? 0, P));
  const names = natsNames(o.prefix);
  const nc = await connect({ servers: o.natsUrl });
  await setupStreams(await nc.jetstreamManager(), names, { partitions: P });
  const base = { servers: o.natsUrl, names, partitions: P, states: [setup.state], onError: (e: Error) => o.onIssue?.(`nats: ${e.message} (retrying)`) };
  let closeSeen: () => void = () => {};
  const closeLevel = new Promise<void>((r) => (closeSeen = r));
  const stories = o.stories ? await NatsStoryDesk.start({ ...base, setup, everyMs: o.everyMs ?? 2000, stories: o.stories }) : null;
  // the close level, and with the story desk its close version written and published
  const done = Promise.all([closeLevel, stories?.done]).then(() => undefined);
  const agg = await LevelAggregatorService.start({
    ...base,
    ...(o.levels ? { levels: o.levels } : {}),
    onLevel: (l) => {
      o.onLevel?.(l);
      if (l.final) closeSeen();
    },
  });
  const workers = await Promise.all(
    Array.from({ length: W }, (_, w) => CalcWorker.start({ ...base, intervals: setup.intervalsWithAuction, owned: Array.from({ length: P }, (_, k) => k).filter((k) => k % W === w) })),
  );
  const gateway = new NatsGateway(nc.jetstream(), names, P, new PublicationSchedule(setup.intervalsWithAuction, o.everyMs ?? 2000), Math.floor(o.clock.nowMs()).toString(36), (e) => o.onIssue?.(`nats: ${e.message}`));
  const feed = new WebSocketTickFeed({
    url: o.feedUrl,
    onEvent: (ev) => {
      const issue = aheadOfClock(ev, o.clock.nowMs(), o.maxAheadMs ?? DEFAULT_MAX_AHEAD_MS, o.feedUrl);
      if (issue !== null) o.onIssue?.(issue);
      else gateway.onEvent(ev);
    },
    onIssue: (i) => o.onIssue?.(i.message),
  });
  await feed.start();
  const timer = setInterval(() => gateway.advanceTo(o.clock.nowMs()), 50);
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    feed.stop();
    await gateway.flush();
    await Promise.all(workers.map((w) => w.stop()));
    await agg.stop();
    await stories?.stop();
    await nc.drain().catch(() => undefined);
  };
  return { done, stop, gateway, stories };
}
