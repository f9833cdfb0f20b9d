import { connect } from 'nats';
import type { Clock } from '../../core/clock.js';
import { generateSessionTicks } from '../../realtime/generateTickPath.js';
import type { AggregatedLevel } from '../../realtime/LevelAggregator.js';
import type { LiveLevelStore } from '../../store/levels/LiveLevelStore.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import { PublicationSchedule } from '../../realtime/PublicationSchedule.js';
import { readTicksFile } from '../../sources/ticks/readTicksFile.js';
import { loadLiveSetup, type LiveSetupOptions } from '../live/loadLiveSetup.js';
import { storyLine, withOfficialLevels } from '../live/runReplay.js';
import type { LiveStoriesOptions } from '../live/startLiveStories.js';
import { NatsStoryDesk } from './NatsStoryDesk.js';
import { CalcWorker } from './CalcWorker.js';
import { LevelAggregatorService } from './LevelAggregatorService.js';
import { natsNames } from './natsNames.js';
import { publishTicks } from './publishTicks.js';
import { setupStreams } from './setupStreams.js';

export interface NatsReplayOptions extends LiveSetupOptions {
  readonly natsUrl: string;
  /** Tick partitions (default 4). */
  readonly partitions?: number;
  /** Calculator workers in this process, partitions dealt round-robin (default 2); 0 = workers run elsewhere (`indexwire live-worker`). */
  readonly workers?: number;
  /** Stream name prefix (default `IW<run id>`, so runs never mix). */
  readonly prefix?: string;
  readonly ticksPath?: string;
  readonly seed?: number;
  readonly ticksPerMember?: number;
  readonly everyMs?: number;
  readonly clock: Clock;
  /** Give up waiting for the levels after this long (ms, default 120 000). */
  readonly timeoutMs?: number;
  /** Where the aggregator also stores each level (`--db`: PostgreSQL for a shared desk). */
  readonly levels?: LiveLevelStore;
  /** The live story desk (`--stories DIR`): a consumer of the tick partitions; its versions on `stories.<index>`. */
  readonly stories?: Omit<LiveStoriesOptions, 'hub'>;
}

export interface NatsReplaySummary {
  readonly prefix: string;
  readonly partitions: number;
  readonly workers: number;
  readonly ticksPublished: number;
  readonly levels: number;
  readonly expectedLevels: number;
  readonly close: AggregatedLevel | null;
  /** Σ indexShares × bar close / divisor for the same prices. */
  readonly eodLevel: number | null;
  readonly seconds: number;
  /** With `stories`: each version written and published on `stories.<index>`, as `replay --stories`. */
  readonly stories?: ReturnType<typeof storyLine>[];
  readonly storyIssues?: readonly string[];
}

/**
 * The scale-out pipeline on one machine: streams, the aggregator and `workers` calculator workers on a NATS
 * JetStream server, then the gateway publishes the session's ticks (read or generated) and watermarks; waits
 * for every level of the session on `levels.<index>` (and, with `stories`, for the story desk's close version).
 * @throws Error when the server cannot be reached or the levels do not all arrive within `timeoutMs`.
 */
export async function runNatsReplay(o: NatsReplayOptions): Promise<NatsReplaySummary> {
  const t0 = o.clock.nowMs();
  const setup = await loadLiveSetup(o);
  const P = o.partitions ?? 4;
  const W = Math.max(0, Math.min(o.workers ?? 2, P));
  let events: LiveEvent[];
  if (o.ticksPath) {
    const parsed = readTicksFile(o.ticksPath);
    if (parsed.rejected) throw new Error(parsed.issues[0]?.message ?? `${o.ticksPath}: rejected`);
    events = parsed.events;
  } else {
    const pathOptions = { seed: o.seed ?? 1, ...(o.ticksPerMember !== undefined ? { ticksPerMember: o.ticksPerMember } : {}) };
    events = generateSessionTicks(setup.days, setup.intervals, pathOptions);
    if (o.stories) events = withOfficialLevels(setup, events, pathOptions);
  }
  const everyMs = o.everyMs ?? 2000;
  const expected = new PublicationSchedule(setup.intervalsWithAuction, everyMs).due(Infinity).length;
  const prefix = o.prefix ?? `IW${Math.floor(t0).toString(36).toUpperCase()}`;
  const names = natsNames(prefix);
  const nc = await connect({ servers: o.natsUrl });
  const levels: AggregatedLevel[] = [];
  let done: () => void = () => {};
  const all = new Promise<void>((r) => (done = r));
  try {
    await setupStreams(await nc.jetstreamManager(), names, { partitions: P });
    const base = { servers: o.natsUrl, names, partitions: P, states: [setup.state] };
    const agg = await LevelAggregatorService.start({
      ...base,
      ...(o.levels ? { levels: o.levels } : {}),
      onLevel: (l) => {
        levels.push(l);
        if (levels.length >= expected) done();
      },
    });
    const storyDesk = o.stories ? await NatsStoryDesk.start({ ...base, setup, everyMs, stories: o.stories }) : null;
    const workers = await Promise.all(
      Array.from({ length: W }, (_, w) => CalcWorker.start({ ...base, intervals: setup.intervalsWithAuction, owned: Array.from({ length: P }, (_, k) => k).filter((k) => k % W === w) })),
    );
    const counts = await publishTicks(nc.jetstream(), names, P, events, new PublicationSchedule(setup.intervalsWithAuction, everyMs));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${o.natsUrl}: ${levels.length} of ${expected} levels after ${(o.timeoutMs ?? 120_000) / 1000} s`)), o.timeoutMs ?? 120_000);
    });
    try {
      await Promise.race([all, timeout]);
      if (storyDesk) await Promise.race([storyDesk.done, timeout]);
    } finally {
      clearTimeout(timer);
      await Promise.all(workers.map((w) => w.stop()));
      await agg.stop();
      await storyDesk?.stop();
    }
    let eod: number | null = 0;
    const closeOf = new Map(setup.days.map((d) => [d.symbol as string, d.day.close]));
    for (const m of setup.state.members) {
      const c = closeOf.get(m.symbol);
      eod = c === undefined || eod === null ? null : eod + m.indexShares * c;
    }
    const sorted = levels.sort((a, b) => a.timeMs - b.timeMs);
    return {
      prefix, partitions: P, workers: W, ticksPublished: counts.reduce((a, b) => a + b, 0), levels: levels.length, expectedLevels: expected,
      close: sorted.at(-1) ?? null, eodLevel: eod === null ? null : eod / setup.state.divisor, seconds: (o.clock.nowMs() - t0) / 1000,
      ...(storyDesk ? { stories: storyDesk.versions.map(storyLine), storyIssues: storyDesk.issues } : {}),
    };
  } finally {
    await nc.drain().catch(() => undefined);
  }
}
