import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionInterval } from '../../calendar/TradingCalendar.js';
import type { Bar } from '../../domain/bar.js';
import type { MilestoneReport } from '../../domain/fact.js';
import { SessionMilestones } from '../../analytics/SessionMilestones.js';
import { IndexLevelTracker, type IndexLevelSnapshot } from '../../realtime/IndexLevelTracker.js';
import type { LevelPublication } from '../../realtime/levelPublication.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import type { HeadlineOptions } from '../../stories/live/headlineFact.js';
import { initialStoryDesk, stepStoryDesk, type DeskFact, type StoryDeskState, type StoryVersion } from '../../stories/live/storyDesk.js';
import { localTime, versionStem } from '../../stories/live/versionNames.js';
import { writeStory } from '../../stories/writeStory.js';
import { isLiveNews } from './analyticsLiveFacts.js';
import { HEADLINE_DETECTORS } from './headlineDetectors.js';
import type { LiveHub, StoryMessage } from './LiveHub.js';
import { liveStoryInput, provisionalBar, type LiveStoryContext } from './liveStoryInput.js';

/** Languages and paragraphs of the flash: the lede and one context paragraph. */
export const FLASH_PARAGRAPHS = 2;
/** The analytics detectors run on the subject's provisional bar at least every 5 minutes of market time (and at every new session high or low, the lunch break and the close). */
export const DETECTOR_EVERY_MS = 300_000;

export interface LiveStoryDeskOptions {
  readonly context: LiveStoryContext;
  /** Folder of the stories: the latest version as `<slug>.<lang>.md` (+ ledger), every version under `versions/`. */
  readonly storiesDir: string;
  /** Trading hours with the closing auction (the official levels outside them are ignored). */
  readonly intervals: readonly SessionInterval[];
  /** The live index whose publications drive the desk (the replica or the stand-in). */
  readonly liveIndex: string;
  /** True when the feed carries the subject's own levels (ticks of `context.symbol`): the story follows them. */
  readonly officialFeed: boolean;
  readonly hub: LiveHub;
  readonly headline?: HeadlineOptions;
  /** After a version's files are written and sent (e.g. rebuild the site). Errors are reported, never thrown into the feed. */
  readonly afterVersion?: (msg: StoryMessage) => void;
  /** A version that failed the gates or the checker (nothing written), one line. */
  readonly onIssue?: (line: string) => void;
}

/**
 * The live story desk at the app's edge: follows the subject's official levels from the feed (a tap of the
 * LiveDesk), turns each publication of the live index into a moment for the pure desk (`stepStoryDesk`: facts from
 * the analytics detectors on the subject's provisional bar and its "as much as" in whole percent), and when a
 * version is due writes it with the story writer (`writeStory`), to files, to `/live` subscribers and listeners
 * (`hub.publishStory`). The moment is followed inside the publication (cheap: the "as much as" steps, the headline
 * detectors at new extremes and every 5 minutes, the state machine only when there are facts or at the lunch break
 * and the close); a due version's inputs are captured there and it is written right after the current batch of
 * ticks (`idle()` waits for it), in event order: the same replay writes the same bytes.
 */
export class LiveStoryDesk {
  private state: StoryDeskState;
  private readonly tracker: IndexLevelTracker;
  /** The subject's detectors, fed its history once; the session's provisional bar replaced at each run. */
  private readonly milestones: SessionMilestones;
  private readonly seenFacts = new Set<string>();
  private readonly previousClose: number | null;
  private lastRun = { high: -Infinity, low: Infinity, timeMs: -Infinity };
  private upStep = 0;
  private downStep = 0;
  private firstLevel: number | null = null;
  readonly versions: StoryMessage[] = [];
  readonly issues: string[] = [];
  private readonly pending: (() => void)[] = [];
  private draining: Promise<void> | null = null;

  constructor(private readonly o: LiveStoryDeskOptions) {
    const c = o.context;
    this.state = initialStoryDesk(c.symbol, c.kind, c.date);
    this.tracker = new IndexLevelTracker(o.intervals);
    this.milestones = new SessionMilestones(c.symbol, c.date, c.history);
    this.previousClose = c.history.at(-1)?.close ?? null;
  }

  /** The LiveDesk tap for the subject's own levels (`price` is the level). */
  readonly tap = (ev: LiveEvent): void => {
    if (ev.type === 'halt' || ev.type === 'resume') return;
    this.tracker.apply(ev.timeMs, (ev as { price: number }).price);
  };

  /** A publication of the live index: one moment of the desk (hub listener). */
  readonly onPublication = (pub: LevelPublication): void => {
    const snap = this.snapshot(pub);
    const facts: DeskFact[] = snap ? this.momentFacts(snap, pub) : [];
    // Most publications: trading, nothing new: no version can be due (stepStoryDesk would only move its clock).
    if (facts.length === 0 && pub.phase === 'open') return;
    const r = stepStoryDesk(this.state, { timeMs: pub.timeMs, phase: pub.phase, facts }, this.o.headline);
    this.state = r.state;
    if (r.version && snap) this.queueVersion(r.version, snap, pub);
  };

  /** Resolves when every version due so far is written and sent (or reported as not publishable). */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  /**
   * A version is due: what it says is fixed now (the bar, the publication, the report of the running detectors, all
   * of this moment), the writing (story writer, checker, files, subscribers) runs after the current tick batch, off
   * the tick path, in the order versions came due: the same bytes as writing at once.
   */
  private queueVersion(v: StoryVersion, s: IndexLevelSnapshot, pub: LevelPublication): void {
    const bar = provisionalBar(this.o.context.date, s);
    const report = this.milestones.report(bar);
    this.pending.push(() => this.write(v, bar, pub, report));
    this.draining ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        for (let job = this.pending.shift(); job; job = this.pending.shift()) {
          try {
            job();
          } catch (e) {
            const line = `story ${this.o.context.symbol} version not written: ${(e as Error).message.split('\n')[0]}`;
            this.issues.push(line);
            this.o.onIssue?.(line);
          }
        }
        this.draining = null;
        resolve();
      }),
    );
  }

  /** The subject so far: its official levels when the feed has them, else the live index's own. */
  private snapshot(pub: LevelPublication): IndexLevelSnapshot | null {
    if (this.o.officialFeed) return this.tracker.snapshot();
    this.firstLevel ??= pub.level;
    return { open: this.firstLevel, high: Math.max(pub.high, this.firstLevel), low: Math.min(pub.low, this.firstLevel), last: pub.level, lastTimeMs: pub.timeMs, count: 1 };
  }

  private momentFacts(s: IndexLevelSnapshot, pub: LevelPublication): DeskFact[] {
    const c = this.o.context;
    const out: DeskFact[] = [];
    const prev = this.previousClose;
    if (prev !== null) {
      // "As much as" in whole percent, O(1): the session high (low) against the previous close.
      const up = (s.high / prev - 1) * 100;
      const down = (s.low / prev - 1) * 100;
      const us = Math.floor(up + 1e-12);
      const ds = Math.floor(-down + 1e-12);
      if (us > this.upStep) {
        this.upStep = us;
        out.push({ key: `${c.symbol}:${c.date}:as_much_as:up:${us}`, symbol: null, fact: { type: 'as_much_as', basis: 'intraday', changePct: up, value: s.high, reference: { date: c.previousSession, value: prev } } });
      }
      if (ds > this.downStep) {
        this.downStep = ds;
        out.push({ key: `${c.symbol}:${c.date}:as_much_as:down:${ds}`, symbol: null, fact: { type: 'as_much_as', basis: 'intraday', changePct: down, value: s.low, reference: { date: c.previousSession, value: prev } } });
      }
    }
    // The detectors (25 of them) run at a new session high or low, every 5 minutes, at the lunch break and the close:
    // a crossing shows first at an extreme, and the tick path stays within 10% of its speed without the desk.
    const due = s.high > this.lastRun.high || s.low < this.lastRun.low || pub.timeMs - this.lastRun.timeMs >= DETECTOR_EVERY_MS || pub.phase !== 'open';
    if (due && c.history.length > 0) {
      this.lastRun = { high: s.high, low: s.low, timeMs: pub.timeMs };
      for (const f of this.headlineFacts(provisionalBar(c.date, s), pub.final)) out.push(f);
    }
    return out;
  }

  /**
   * The facts of the headline detectors on the bar that are news during trading, each once a session (as the
   * analytics live facts: keys `<symbol>:<date>:<detector>:<type>:<basis>:<event>:<since>:<period>:<count>`;
   * close-basis facts marked provisional until the close).
   */
  private headlineFacts(bar: Bar, final: boolean): DeskFact[] {
    const c = this.o.context;
    const out: DeskFact[] = [];
    for (const r of this.milestones.results(bar, HEADLINE_DETECTORS)) {
      for (const f of r.facts ?? []) {
        if (!isLiveNews(f)) continue;
        const key = `${c.symbol}:${c.date}:${r.id}:${f.type}:${f.basis}:${f.event ?? ''}:${f.since ?? ''}:${f.period ?? ''}:${f.count ?? ''}`;
        if (this.seenFacts.has(key)) continue;
        this.seenFacts.add(key);
        out.push({ key, symbol: null, fact: f.basis === 'close' ? { ...f, detail: { ...f.detail, provisional: !final } } : f });
      }
    }
    return out;
  }

  private write(v: StoryVersion, bar: Bar, pub: LevelPublication, report: MilestoneReport): void {
    const c = this.o.context;
    // The report from the running detectors (the bar replaced in each): no rebuild of the series per version.
    const input = liveStoryInput(c, bar, pub, v.timeMs, v.final, report);
    const story = writeStory(input, { ...(v.reason === 'flash' ? { maxParagraphs: FLASH_PARAGRAPHS } : {}), update: v.update });
    if (!story.publishable) {
      const why = [...story.gateFailures.map((g) => `${g.gate}: ${g.message}`), ...story.checkIssues.map((i) => `${i.lang} "${i.token}": ${i.reason}`)].join('; ');
      const line = `story ${story.slug} version ${v.number} (${localTime(v.timeMs, c.utcOffsetMin)}) not published: ${why}`;
      this.issues.push(line);
      this.o.onIssue?.(line);
      return;
    }
    const stem = versionStem(story.slug, v.timeMs, c.utcOffsetMin);
    const dir = this.o.storiesDir;
    mkdirSync(join(dir, 'versions'), { recursive: true });
    const files: string[] = [];
    const put = (name: string, data: string) => {
      const path = join(dir, name);
      writeFileSync(`${path}.tmp`, data);
      renameSync(`${path}.tmp`, path);
      files.push(name);
    };
    const ledger = `${JSON.stringify(story.ledger, null, 2)}\n`;
    put(`versions/${stem}.ledger.json`, ledger);
    for (const d of story.documents) put(`versions/${stem}.${d.lang}.md`, d.markdown);
    put(`${story.slug}.ledger.json`, ledger);
    for (const d of story.documents) put(d.fileName, d.markdown);
    const msg: StoryMessage = {
      type: 'story',
      index: c.symbol,
      indexes: c.symbol === this.o.liveIndex ? [c.symbol] : [c.symbol, this.o.liveIndex],
      sessionDate: c.date,
      slug: story.slug,
      version: v.number,
      reason: v.reason,
      update: v.update,
      final: v.final,
      timeMs: v.timeMs,
      time: new Date(v.timeMs).toISOString(),
      published: input.publishedLocal,
      headlines: v.headlines,
      files,
      documents: story.documents.map((d) => ({ lang: d.lang, title: d.frontMatter.title, paragraphs: d.paragraphs })),
    };
    this.versions.push(msg);
    this.o.hub.publishStory(msg);
    try {
      this.o.afterVersion?.(msg);
    } catch (e) {
      const line = `story ${story.slug} version ${v.number}: ${(e as Error).message.split('\n')[0]}`;
      this.issues.push(line);
      this.o.onIssue?.(line);
    }
  }
}
