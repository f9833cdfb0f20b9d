import { BarColumns } from '../../analytics/series/BarColumns.js';
import { buildMilestoneReport } from '../../analytics/milestones.js';
import type { SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { MilestoneReport } from '../../domain/fact.js';
import type { Article } from '../../domain/article.js';
import type { MemberSession, StoryAsOf, StoryInput, StoryNames } from '../../domain/story.js';
import type { IndexLevelSnapshot } from '../../realtime/IndexLevelTracker.js';
import type { LevelPublication } from '../../realtime/levelPublication.js';
import { localTime } from '../../stories/live/versionNames.js';
import { linkNewsAt } from '../story/buildStoryInput.js';

/** What does not change during a session: the story's subject, its history, the members' names and previous closes. */
export interface LiveStoryContext {
  readonly symbol: string;
  readonly kind: 'index' | 'stock';
  readonly names: StoryNames;
  readonly date: SessionDate;
  readonly previousSession: SessionDate;
  /** The subject's daily bars before the session (the official series, else the live index's own history). */
  readonly history: readonly Bar[];
  /** Member names by symbol (both languages). */
  readonly memberNames: ReadonlyMap<string, StoryNames>;
  /** Members' previous closes by symbol (the live state's). */
  readonly previousCloses: ReadonlyMap<string, number>;
  /** The live index the members' contributions come from, when it is the engine's (`HSTECH-R`); null: no contributions. */
  readonly contributionCode: string | null;
  /** The articles of the news window up to the session day's end (read once); each version links those published by its time. */
  readonly news: readonly Article[];
  readonly weekComplete: boolean;
  /** The exchange's UTC offset in minutes (480 for Hong Kong). */
  readonly utcOffsetMin: number;
}

/** The provisional bar of the session so far: the official levels' open, high, low and last. */
export function provisionalBar(date: SessionDate, s: IndexLevelSnapshot): Bar {
  return { date, open: s.open, high: s.high, low: s.low, close: s.last, adjClose: null, volume: null };
}

/**
 * The story writer's input for one version, from the session so far: the subject's history plus the provisional
 * bar (its close the level now; on the close version the session's final levels), the analytics report on it, the
 * members from the live publication (price so far as the bar's close, session high/low, previous close, and the
 * engine replica's point contributions), and the news published by then. A member with no trade yet is unchanged
 * so far (its bar is its previous close), not a missing bar: during trading that is not a gap in the data.
 * `asOf` is set unless `final`. `milestones`: the report of that bar when the caller keeps it incrementally
 * (`SessionMilestones`); else it is built from the history and the bar.
 */
export function liveStoryInput(ctx: LiveStoryContext, bar: Bar, pub: LevelPublication, timeMs: number, final: boolean, milestones?: MilestoneReport): StoryInput {
  const bars = [...ctx.history, bar];
  const report = milestones ?? buildMilestoneReport(ctx.symbol, BarColumns.fromBars(bars, `${ctx.symbol} (live)`), ctx.date, `${ctx.symbol} (live)`);
  const members: MemberSession[] = pub.members.map((m) => {
    const prev = ctx.previousCloses.get(m.symbol) ?? m.price / (1 + m.changePct / 100);
    const seen = !m.stale;
    return {
      symbol: m.symbol,
      names: ctx.memberNames.get(m.symbol) ?? { en: m.symbol, 'zh-Hant': m.symbol },
      // open is not published live and no story sentence reads it: the previous close stands in
      bar: { date: ctx.date, open: prev, high: seen ? m.high : prev, low: seen ? m.low : prev, close: seen ? m.price : prev, adjClose: null, volume: null },
      previousBar: { date: ctx.previousSession, open: prev, high: prev, low: prev, close: prev, adjClose: null, volume: null },
      inData: true,
      contributionPoints: ctx.contributionCode !== null ? m.contributionPoints : null,
    };
  });
  const publishedLocal = localTime(timeMs, ctx.utcOffsetMin);
  const linked = ctx.news.length > 0 ? linkNewsAt({ symbol: ctx.symbol, date: ctx.date, utcOffset: offsetText(ctx.utcOffsetMin) }, ctx.news, publishedLocal, members, bars) : { articles: [], catalyst: null };
  const local = new Date(timeMs + ctx.utcOffsetMin * 60_000);
  const asOf: StoryAsOf | undefined = final ? undefined : { hour: local.getUTCHours(), minute: local.getUTCMinutes(), phase: pub.phase === 'lunch' ? 'lunch' : 'open' };
  return {
    symbol: ctx.symbol,
    kind: ctx.kind,
    names: ctx.names,
    date: ctx.date,
    publishedLocal,
    bars,
    report,
    members: members.length > 0 ? members : null,
    articles: linked.articles,
    catalyst: linked.catalyst,
    corporateActions: [],
    historyComplete: ctx.kind === 'index',
    weekComplete: ctx.weekComplete,
    ...(ctx.contributionCode !== null ? { contributionSource: { code: ctx.contributionCode, replica: ctx.contributionCode !== ctx.symbol } } : {}),
    ...(asOf ? { asOf } : {}),
  };
}

/** `+08:00` from 480. */
function offsetText(min: number): string {
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
