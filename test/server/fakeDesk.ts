import { addDays, isoWeekday, type SessionDate } from '../../src/core/units.js';
import { NotFoundError, UnavailableError } from '../../src/app/desk/deskErrors.js';
import type {
  ConstituentTable,
  DeskService,
  LatestLevel,
  LevelPoint,
  LevelSeries,
  NewsItem,
  NewsPage,
  NewsQuery,
  StoryAsset,
  StoryPage,
  StorySummary,
} from '../../src/app/desk/deskService.js';
import type { MilestoneReport } from '../../src/domain/fact.js';

export const FAKE_MEMBERS = [
  { symbol: 'AAA.HK', name: 'Alpha Holdings', weight: 0.5 },
  { symbol: 'BBB.HK', name: 'Beta Group', weight: 0.3 },
  { symbol: 'CCC.HK', name: 'Gamma Tech', weight: 0.2 },
] as const;

/** 60 weekday sessions from 2025-01-02; the level zig-zags up from 1000 (deterministic). */
export function fakeLevels(): LevelPoint[] {
  const out: LevelPoint[] = [];
  let d = '2025-01-02' as SessionDate;
  let prev: number | null = null;
  for (let i = 0; out.length < 60; i++) {
    if (isoWeekday(d) <= 5) {
      const level: number = 1000 + out.length * 5 + (out.length % 3 === 0 ? 20 : 0);
      out.push({ date: d, level, high: level + 8, low: level - 8, changePct: prev === null ? null : (level / prev - 1) * 100 });
      prev = level;
    }
    d = addDays(d, 1);
  }
  return out;
}

export interface FakeDeskOptions {
  readonly news?: readonly NewsItem[];
  readonly stories?: readonly StoryPage[];
  /** Make milestones/movers throw UnavailableError (501). */
  readonly noAnalytics?: boolean;
  /** Replace member names (XSS tests put payloads here). */
  readonly memberNames?: readonly string[];
  /** Fact type strings for the milestone sessions (XSS tests). */
  readonly factTypes?: readonly string[];
  /** Chart files by name. */
  readonly assets?: Readonly<Record<string, StoryAsset>>;
  /** Chinese names by id (default: the three members and the index have one). */
  readonly zhNames?: Readonly<Record<string, string | null>>;
}

/** A DeskService over fixed in-memory data for server and browser tests; counts calls. */
export function createFakeDesk(opts: FakeDeskOptions = {}): DeskService & { calls: Record<string, number> } {
  const levels = fakeLevels();
  const last = levels[levels.length - 1] as LevelPoint;
  const calls: Record<string, number> = {};
  const count = (k: string) => (calls[k] = (calls[k] ?? 0) + 1);
  const checkCode = (code: string) => {
    if (code !== 'DEMO') throw new NotFoundError('index', code);
  };
  const checkDate = (date: SessionDate) => {
    if (!levels.some((p) => p.date === date)) throw new NotFoundError('session', date);
  };
  const news = opts.news ?? [];
  const stories = opts.stories ?? [];
  const milestoneReport = (date: SessionDate): MilestoneReport => {
    const i = levels.findIndex((p) => p.date === date);
    const p = levels[i] as LevelPoint;
    return {
      symbol: 'DEMO',
      date,
      close: p.level,
      previousClose: levels[i - 1]?.level ?? null,
      changePct: p.changePct,
      high: p.high ?? p.level,
      low: p.low ?? p.level,
      facts: i % 20 === 10 || (opts.factTypes !== undefined && i === levels.length - 1)
        ? (opts.factTypes ?? ['period_high']).map((type) => ({ type, basis: 'close' as const, period: '52w', value: p.level }))
        : [],
    };
  };
  return {
    calls,
    async indexes() {
      count('indexes');
      return [{ code: 'DEMO', name: 'Demo Tech Index', source: 'series', firstDate: levels[0]!.date, lastDate: last.date }];
    },
    async levels(code, from, to): Promise<LevelSeries> {
      count('levels');
      checkCode(code);
      return { code, source: 'series', points: levels.filter((p) => (!from || p.date >= from) && (!to || p.date <= to)) };
    },
    async latestLevel(code): Promise<LatestLevel> {
      count('latestLevel');
      checkCode(code);
      const prev = levels[levels.length - 2] as LevelPoint;
      return { code, date: last.date, level: last.level, previousLevel: prev.level, changePct: last.changePct };
    },
    async constituents(code, date): Promise<ConstituentTable> {
      count('constituents');
      checkCode(code);
      checkDate(date);
      return {
        code,
        date,
        source: 'engine',
        rows: FAKE_MEMBERS.map((m, k) => ({
          symbol: m.symbol,
          name: opts.memberNames?.[k] ?? m.name,
          weight: m.weight,
          price: 10 * (k + 1),
          changePct: k === 2 ? -1.25 : 2.5,
          contributionPoints: k === 2 ? -2.5 : 12.5 * m.weight,
          stale: false,
        })),
      };
    },
    async milestones(symbol, date) {
      count('milestones');
      if (opts.noAnalytics) throw new UnavailableError('milestones', 'analytics not wired');
      checkCode(symbol);
      checkDate(date);
      return milestoneReport(date);
    },
    async milestoneTimeline(symbol, from, to) {
      count('milestoneTimeline');
      if (opts.noAnalytics) throw new UnavailableError('milestones', 'analytics not wired');
      checkCode(symbol);
      return levels.filter((p) => p.date >= from && p.date <= to).map((p) => milestoneReport(p.date)).filter((r) => r.facts.length > 0);
    },
    async movers(symbol, date) {
      count('movers');
      if (opts.noAnalytics) throw new UnavailableError('movers', 'analytics not wired');
      checkCode(symbol);
      checkDate(date);
      return {
        symbol,
        date,
        gainers: [{ symbol: 'AAA.HK', name: opts.memberNames?.[0] ?? 'Alpha Holdings', close: 10, changePct: 2.5, asMuchAsPct: 3.1, contributionPoints: 6.25 }],
        losers: [{ symbol: 'CCC.HK', name: opts.memberNames?.[2] ?? 'Gamma Tech', close: 30, changePct: -1.25, asMuchAsPct: -2, contributionPoints: -2.5 }],
      };
    },
    async news(q: NewsQuery): Promise<NewsPage> {
      count('news');
      const needle = q.q?.toLowerCase();
      const hits = news.filter((n) => !needle || n.title.toLowerCase().includes(needle) || n.body.toLowerCase().includes(needle));
      return { total: hits.length, items: hits.slice(q.offset, q.offset + q.limit) };
    },
    async stories(): Promise<StorySummary[]> {
      count('stories');
      return stories.map(({ body: _b, tags: _t, categories: _c, ...s }) => s);
    },
    async story(slug, lang) {
      count('story');
      const s = stories.find((x) => x.slug === slug && x.lang === lang);
      if (!s) throw new NotFoundError('story', `${slug} (${lang})`);
      return s;
    },
    async storyAsset(name) {
      count('storyAsset');
      const a = opts.assets?.[name];
      if (!a) throw new NotFoundError('story asset', name);
      return a;
    },
    async names() {
      count('names');
      const zh = opts.zhNames ?? { DEMO: '示範科技指數', 'AAA.HK': '阿爾法控股', 'BBB.HK': '貝塔集團', 'CCC.HK': '伽瑪科技' };
      const out: Record<string, { en: string; zhHant: string | null }> = { DEMO: { en: 'Demo Tech Index', zhHant: zh['DEMO'] ?? null } };
      FAKE_MEMBERS.forEach((m, k) => (out[m.symbol] = { en: opts.memberNames?.[k] ?? m.name, zhHant: zh[m.symbol] ?? null }));
      return { names: out };
    },
    async reload() {
      count('reload');
      return { series: 1, news: news.length, stories: stories.length, issues: 0 };
    },
  };
}
