import type { Clock } from '../../core/clock.js';
import { LiveIndexSession } from '../../realtime/LiveIndexSession.js';
import { WebSocketTickFeed } from '../../sources/ticks/WebSocketTickFeed.js';
import { liveFactsOptions } from './analyticsLiveFacts.js';
import { aheadOfClock, DEFAULT_MAX_AHEAD_MS } from './aheadOfClock.js';
import { LiveDesk } from './LiveDesk.js';
import { startLiveStories, type LiveStoriesOptions } from './startLiveStories.js';
import type { LiveHub } from './LiveHub.js';
import { loadLiveSetup, type LiveSetupOptions } from './loadLiveSetup.js';

export interface LiveFeedOptions extends LiveSetupOptions {
  /** WebSocket tick feed URL (messages as documented in docs/realtime.md). */
  readonly feedUrl: string;
  readonly hub: LiveHub;
  readonly clock: Clock;
  readonly everyMs?: number;
  /** Run the analytics layer's streaming detectors on the live level too (default true). */
  readonly analytics?: boolean;
  /**
   * An event stamped more than this many ms after the clock's time is reported and skipped (default 5000):
   * event time drives publication, so one bad timestamp would otherwise publish the rest of the day, close the
   * session and lock the member's later trades out as out of order. Infinity feeds a whole day at once (tests).
   */
  readonly maxAheadMs?: number;
  readonly onIssue?: (message: string) => void;
  readonly onStatus?: (status: string) => void;
  /** The live story desk (`live --stories DIR`), as in runReplay: the story follows the index's own levels when the feed carries them. */
  readonly stories?: Omit<LiveStoriesOptions, 'hub'>;
}

export interface RunningLiveFeed {
  readonly desk: LiveDesk;
  /** Resolves after the close publication (or stop). */
  readonly done: Promise<void>;
  stop(): void;
}

/**
 * The live job: one index from the data folder's state, ticks from a WebSocket feed, publications on the
 * clock's 2 s grid (a timer advances the desk to the clock's time; ticks publish what is due before them).
 * @throws ConfigError / SourceError from the setup; Error when the feed cannot be reached.
 */
export async function runLiveFeed(o: LiveFeedOptions): Promise<RunningLiveFeed> {
  const setup = await loadLiveSetup(o);
  const session = new LiveIndexSession(setup.state, { intervals: setup.intervalsWithAuction, publishEveryMs: o.everyMs ?? 2000, ...liveFactsOptions(setup, o.analytics !== false) });
  const stories = o.stories ? await startLiveStories(setup, { ...o.stories, hub: o.hub }) : null;
  const desk = new LiveDesk([session], o.hub, stories?.taps);
  stories?.attach();
  const feed = new WebSocketTickFeed({
    url: o.feedUrl,
    onEvent: (ev) => {
      const issue = aheadOfClock(ev, o.clock.nowMs(), o.maxAheadMs ?? DEFAULT_MAX_AHEAD_MS, o.feedUrl);
      if (issue !== null) o.onIssue?.(issue);
      else desk.onEvent(ev);
    },
    onIssue: (i) => o.onIssue?.(i.message),
    onStatus: (s, d) => o.onStatus?.(d ? `${s}: ${d}` : s),
  });
  await feed.start();
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((r) => (resolveDone = r)).then(() => stories?.desk.idle()); // and the last versions written
  const timer = setInterval(() => {
    desk.advanceTo(o.clock.nowMs());
    if (desk.closed()) stop();
  }, 50); // publications go out within 50 ms of their time; a check costs O(1) when nothing is due
  const stop = (): void => {
    clearInterval(timer);
    feed.stop();
    resolveDone();
  };
  return { desk, done, stop };
}
