import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import type { SecurityId } from '../../core/units.js';
import { byEventOrder } from '../../realtime/eventOrder.js';
import { systemClock, type Clock } from '../../core/clock.js';
import { generateSessionTicks, generateTickPath } from '../../realtime/generateTickPath.js';
import type { LevelPublication } from '../../realtime/levelPublication.js';
import { LiveIndexSession, type LiveEvent } from '../../realtime/LiveIndexSession.js';
import { readTicksFile } from '../../sources/ticks/readTicksFile.js';
import { liveFactsOptions } from './analyticsLiveFacts.js';
import { LiveDesk } from './LiveDesk.js';
import { LiveHub } from './LiveHub.js';
import { loadLiveSetup, type LiveSetup, type LiveSetupOptions } from './loadLiveSetup.js';
import { replayEvents } from './replayEvents.js';
import type { StoryMessage } from './LiveHub.js';
import { startLiveStories, type LiveStoriesOptions } from './startLiveStories.js';

export interface ReplayOptions extends LiveSetupOptions {
  /** NDJSON or CSV tick log; without it a seeded path is generated from the day's bars. */
  readonly ticksPath?: string;
  readonly seed?: number;
  readonly ticksPerMember?: number;
  /** Publication cadence (ms, default 2000). */
  readonly everyMs?: number;
  /** Run the analytics layer's streaming detectors on the live level too (default true). */
  readonly analytics?: boolean;
  /** Market ms per wall ms (default Infinity: as fast as possible). */
  readonly speed?: number;
  /** Write every publication, one JSON line each, here. */
  readonly outPath?: string;
  /** Write the ticks replayed (generated or read) here as NDJSON. */
  readonly writeTicksPath?: string;
  /** Publish into this hub too (e.g. one served over WebSocket). */
  readonly hub?: LiveHub;
  readonly clock?: Clock;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The live story desk (`--stories DIR`): a flash when a headline fact appears during trading, updates at lunch,
   * on a further headline and at the close. With it, a generated path includes the index's own levels (from its
   * daily bar, as for the members), which the story follows.
   */
  readonly stories?: Omit<LiveStoriesOptions, 'hub'>;
}

export interface ReplaySummary {
  readonly index: string;
  readonly date: string;
  readonly stateSource: string;
  readonly ticksSource: string;
  readonly events: number;
  readonly publications: number;
  readonly close: Pick<LevelPublication, 'level' | 'previousLevel' | 'changePct' | 'high' | 'low' | 'ticks'> | null;
  /** Σ indexShares × bar close / divisor: the end-of-day level for the same prices (null when a member has no bar). */
  readonly eodLevel: number | null;
  /** The engine's own end-of-day level for the session (with --methodology), else null. */
  readonly engineEodLevel: number | null;
  readonly engineEvents: readonly string[];
  /** |close − EOD| / EOD, against the engine's level when known, else the hand sum. */
  readonly closeVsEodRelDiff: number | null;
  readonly facts: readonly { key: string; time: string; changePct: number | null }[];
  readonly issues: readonly string[];
  readonly notes: readonly string[];
  /** Story versions written by the live story desk (with `stories`), in order. */
  readonly stories?: readonly { readonly version: number; readonly published: string; readonly reason: string; readonly title: string; readonly files: readonly string[] }[];
}

/**
 * The replay job: loads the setup, reads or generates the ticks, replays them at `speed` through a live desk,
 * writes publications (NDJSON) and returns a summary with the end-of-day check.
 * @throws ConfigError / SourceError from the setup or the tick file (a rejected tick file throws).
 */
export async function runReplay(o: ReplayOptions): Promise<ReplaySummary> {
  const setup = await loadLiveSetup(o);
  let events: LiveEvent[];
  let issues: string[] = [];
  let ticksSource: string;
  if (o.ticksPath) {
    const parsed = readTicksFile(o.ticksPath);
    if (parsed.rejected) throw new Error(parsed.issues[0]?.message ?? `${o.ticksPath}: rejected`);
    events = parsed.events;
    issues = parsed.issues.map((i) => i.message);
    ticksSource = o.ticksPath;
  } else {
    const pathOptions = { seed: o.seed ?? 1, ...(o.ticksPerMember !== undefined ? { ticksPerMember: o.ticksPerMember } : {}) };
    events = generateSessionTicks(setup.days, setup.intervals, pathOptions);
    ticksSource = `generated (seed ${o.seed ?? 1})`;
    if (o.stories) {
      const withOwn = withOfficialLevels(setup, events, pathOptions);
      if (withOwn !== events) ticksSource += `, with ${setup.official?.code}'s own levels`;
      events = withOwn;
    }
  }
  if (o.writeTicksPath) writeFileSync(o.writeTicksPath, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const hub = o.hub ?? new LiveHub();
  const session = new LiveIndexSession(setup.state, { intervals: setup.intervalsWithAuction, publishEveryMs: o.everyMs ?? 2000, ...liveFactsOptions(setup, o.analytics !== false) });
  const stories = o.stories ? await startLiveStories(setup, { ...o.stories, hub }) : null;
  const desk = new LiveDesk([session], hub, stories?.taps);
  const detachStories = stories?.attach();
  const fd = o.outPath ? openSync(o.outPath, 'w') : null;
  let last: LevelPublication | null = null;
  let count = 0;
  const facts: ReplaySummary['facts'][number][] = [];
  const unsub = hub.subscribe(setup.state.code, (pub, json) => {
    last = pub;
    count++;
    for (const f of pub.facts) facts.push({ key: f.key, time: new Date(f.timeMs).toISOString(), changePct: f.fact.changePct ?? null });
    if (fd !== null) writeSync(fd, json + '\n');
    if (count % 500 === 0) o.onProgress?.(count, 0);
  });
  try {
    await replayEvents(events, desk, {
      speed: o.speed ?? Infinity,
      clock: o.clock ?? systemClock,
      sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    });
    await stories?.desk.idle(); // the versions due at the last publications
  } finally {
    unsub();
    detachStories?.();
    if (fd !== null) closeSync(fd);
  }
  let eod: number | null = 0;
  const closeOf = new Map(setup.days.map((d) => [d.symbol as string, d.day.close]));
  for (const m of setup.state.members) {
    const c = closeOf.get(m.symbol);
    if (c === undefined || eod === null) eod = null;
    else eod += m.indexShares * c;
  }
  if (eod !== null) eod /= setup.state.divisor;
  const fin = last as LevelPublication | null;
  return {
    index: setup.state.code,
    date: setup.state.sessionDate,
    stateSource: setup.stateSource,
    ticksSource,
    events: events.length,
    publications: count,
    close: fin ? { level: fin.level, previousLevel: fin.previousLevel, changePct: fin.changePct, high: fin.high, low: fin.low, ticks: fin.ticks } : null,
    eodLevel: eod,
    engineEodLevel: setup.engineEod?.level ?? null,
    engineEvents: setup.engineEod?.events ?? [],
    closeVsEodRelDiff: fin && eod !== null ? Math.abs(fin.level - (setup.engineEod?.level ?? eod)) / (setup.engineEod?.level ?? eod) : null,
    facts,
    issues: [...issues, ...(stories?.desk.issues ?? [])],
    notes: setup.notes,
    ...(stories ? { stories: stories.desk.versions.map(storyLine) } : {}),
  };
}

/** A version in the replay's summary. */
export const storyLine = (m: StoryMessage) => ({ version: m.version, published: m.published, reason: m.reason, title: m.documents[0]?.title ?? '', files: m.files });

/**
 * The generated events with the index's own levels added (its daily bar's seeded path, index points: not rounded
 * to the HKEX spread table), in event order, when the data has the official index and it is not a member; else
 * `events` itself. The live story desk follows those levels.
 */
export function withOfficialLevels(setup: LiveSetup, events: LiveEvent[], pathOptions: { seed: number; ticksPerMember?: number }): LiveEvent[] {
  const own = setup.official;
  if (!own?.day || setup.state.members.some((m) => (m.symbol as string) === own.code)) return events;
  const path = generateTickPath(own.code as string as SecurityId, own.day, setup.intervals, { ...pathOptions, hkexTicks: false });
  return [...events, ...path].sort(byEventOrder);
}
