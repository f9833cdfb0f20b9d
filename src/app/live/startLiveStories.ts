import type { SessionDate } from '../../core/units.js';
import type { Article } from '../../domain/article.js';
import type { Bar } from '../../domain/bar.js';
import type { StoryNames } from '../../domain/story.js';
import { THEME_SESSIONS_BACK, themeNewsWindow } from '../../news/why/newsWindow.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import type { HeadlineOptions } from '../../stories/live/headlineFact.js';
import { HK_UTC_OFFSET_MIN } from '../../stories/live/versionNames.js';
import type { NewsStore } from '../../store/news/NewsStore.js';
import { loadSecurityMaster } from '../securityMaster.js';
import { closesItsWeek } from '../story/buildStoryInput.js';
import type { LiveHub, StoryMessage } from './LiveHub.js';
import { LiveStoryDesk } from './LiveStoryDesk.js';
import type { LiveStoryContext } from './liveStoryInput.js';
import type { LiveSetup } from './loadLiveSetup.js';

export interface LiveStoriesOptions {
  /** `--stories DIR`: where the versions are written. */
  readonly storiesDir: string;
  /** `--news PATH`: news files or a folder for the catalyst (ingested into memory at the start). */
  readonly newsPath?: string;
  /** `--db F`: the store's news for the catalyst (when no `newsPath`). */
  readonly db?: string;
  /** `--site DIR`: update the static site of the stories folder after each version (only the changed pages are rewritten). */
  readonly siteDir?: string;
  readonly hub: LiveHub;
  readonly headline?: HeadlineOptions;
  readonly onVersion?: (msg: StoryMessage) => void;
  readonly onIssue?: (line: string) => void;
}

export interface LiveStories {
  readonly desk: LiveStoryDesk;
  /** LiveDesk taps: the subject's own levels when the feed carries them. */
  readonly taps: ReadonlyMap<string, (ev: LiveEvent) => void>;
  /** Subscribes the desk to the hub's publications of the live index; returns the unsubscribe function. */
  attach(): () => void;
}

/**
 * Wires the live story desk for one replayed or live session: the subject is the index's official series when the
 * data has it (`<index>.csv`: its history, and its levels from the feed), else the live index itself; names from the
 * security master (English member names from the membership file); the catalyst's linked news of the session day
 * read once at the start (from `--news` or the `--db` store); contributions from the live state when it is the
 * engine's (a replica), none for the equal-weight stand-in.
 * @throws SourceError when the news cannot be read.
 */
export async function startLiveStories(setup: LiveSetup, o: LiveStoriesOptions): Promise<LiveStories> {
  const master = loadSecurityMaster();
  const byId = new Map(master.securities.map((s) => [s.id as string, s]));
  const names = (id: string, en?: string): StoryNames => {
    const s = byId.get(id);
    const english = en ?? s?.name ?? id;
    return { en: english, 'zh-Hant': s?.zhHant ?? english };
  };
  const date = setup.state.sessionDate;
  const symbol = setup.official?.code ?? setup.state.code;
  const sec = byId.get(symbol);
  const memberNames = new Map<string, StoryNames>(setup.state.members.map((m) => [m.symbol as string, names(m.symbol, setup.memberNames.get(m.symbol))]));
  const history = setup.official?.history ?? setup.history;
  const news = await sessionNews(o, history, date);
  const context: LiveStoryContext = {
    symbol,
    kind: sec?.kind ?? 'index',
    names: names(symbol),
    date,
    previousSession: setup.previousSession,
    history,
    memberNames,
    previousCloses: new Map(setup.state.members.map((m) => [m.symbol as string, m.previousClose])),
    contributionCode: setup.stateSource === 'equal-weight' ? null : setup.state.code,
    news,
    weekComplete: await closesItsWeek(date),
    utcOffsetMin: HK_UTC_OFFSET_MIN,
  };
  let afterVersion: ((msg: StoryMessage) => void) | undefined;
  if (o.siteDir !== undefined || o.onVersion) {
    const siteDir = o.siteDir;
    // Only the pages whose bytes changed are rewritten (a server or CDN sees just those), the rest keep their time.
    const build = siteDir !== undefined ? (await import('../site/updateSite.js')).updateSite : null;
    afterVersion = (msg) => {
      o.onVersion?.(msg);
      if (build && siteDir !== undefined) build({ storiesDir: o.storiesDir, outDir: siteDir });
    };
  }
  const officialFeed = setup.official !== null && !setup.state.members.some((m) => (m.symbol as string) === symbol);
  const desk = new LiveStoryDesk({
    context,
    storiesDir: o.storiesDir,
    intervals: setup.intervalsWithAuction,
    liveIndex: setup.state.code,
    officialFeed,
    hub: o.hub,
    ...(o.headline ? { headline: o.headline } : {}),
    ...(afterVersion ? { afterVersion } : {}),
    ...(o.onIssue ? { onIssue: o.onIssue } : {}),
  });
  return {
    desk,
    taps: officialFeed ? new Map([[symbol, desk.tap]]) : new Map(),
    attach: () => o.hub.subscribe(setup.state.code, (pub) => desk.onPublication(pub)),
  };
}

/** The articles of the news window of the session's last possible version (its day's end), read once. */
async function sessionNews(o: LiveStoriesOptions, history: readonly Bar[], date: SessionDate): Promise<Article[]> {
  let news: NewsStore | null = null;
  if (o.newsPath !== undefined) {
    const { MemoryNewsStore } = await import('../../store/news/MemoryNewsStore.js');
    const { ingestNews } = await import('../news/ingest.js');
    news = new MemoryNewsStore();
    await ingestNews([o.newsPath], { store: news });
  } else if (o.db !== undefined) {
    const { openNewsStoreAt } = await import('../openStore.js');
    news = await openNewsStoreAt(o.db);
  }
  if (!news) return [];
  try {
    const w = themeNewsWindow([...history.map((b) => b.date), date], date, `${date} 23:59:59`, THEME_SESSIONS_BACK, '+08:00');
    return await news.listArticles({ fromMs: w.fromMs, toMs: w.toMs });
  } finally {
    await news.close();
  }
}
