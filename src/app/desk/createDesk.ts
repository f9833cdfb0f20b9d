import { readFileSync } from 'node:fs';
import type { SecurityId, SessionDate } from '../../core/units.js';
import { SeriesMilestones } from './SeriesMilestones.js';
import { moversFromFiles } from '../movers.js';
import { constituentsFromMembers } from './constituentsFromMembers.js';
import { NotFoundError, UnavailableError } from './deskErrors.js';
import type { DeskService, MoversReport } from './deskService.js';
import { loadSecurityMaster } from '../securityMaster.js';
import { engineConstituents } from './engineEntry.js';
import { loadDeskState, type DeskConfig, type DeskState, type LevelEntry } from './loadDeskState.js';

export type { DeskConfig } from './loadDeskState.js';

/** Movers reports kept per index and session (each costs an engine run of ~0.25 s). */
const MOVERS_CACHE_SIZE = 256;

/**
 * The desk over files (bar CSVs, membership file, methodology, news, stories), read once and kept in
 * memory; `reload` re-reads them and a failed reload keeps the previous state. `latestLevel` is a map
 * lookup. Parts without their input (no news folder, no membership file) answer UnavailableError (501).
 * Wiring: levels and constituents from the engine (app/buildIndex) for the methodology's index and from
 * level files for the others; milestones from analytics' detectors; movers from app/movers.
 * @throws SourceError / ConfigError (from the first call) when the data cannot be read.
 */
export function createDesk(config: DeskConfig): DeskService {
  let state: Promise<DeskState> = loadDeskState(config);
  state.catch(() => undefined); // reported by the first call that awaits it
  let moversCache = new Map<string, Promise<MoversReport>>();
  let stockMilestones = new Map<string, SeriesMilestones>();

  const entryOf = async (code: string): Promise<LevelEntry> => {
    const e = (await state).levels.get(code);
    if (!e) throw new NotFoundError('index', code);
    return e;
  };
  const checkSession = (e: LevelEntry, date: SessionDate): void => {
    if (!e.points.some((p) => p.date === date)) throw new NotFoundError(`session of ${e.info.code}`, date);
  };

  return {
    async indexes() {
      return [...(await state).levels.values()].map((e) => e.info);
    },
    async levels(code, from, to) {
      const e = await entryOf(code);
      const points = e.points.filter((p) => (from === undefined || p.date >= from) && (to === undefined || p.date <= to));
      return { code, source: e.info.source, points };
    },
    async latestLevel(code) {
      return (await entryOf(code)).latest;
    },
    async constituents(code, date) {
      const s = await state;
      const e = await entryOf(code);
      checkSession(e, date);
      const session = e.sessions?.get(date);
      if (session) return engineConstituents(session, s.members);
      if (s.members !== null && s.membersCode === code) return constituentsFromMembers(code, date, s.members, s.series);
      throw new UnavailableError('constituents', `no membership file or methodology for ${code}`);
    },
    async milestones(symbol, date) {
      const s = await state;
      const e = s.levels.get(symbol);
      if (e) {
        checkSession(e, date);
        return e.milestones.report(date);
      }
      const bars = s.series.get(symbol as SecurityId); // a member stock
      if (!bars) throw new NotFoundError('series', symbol);
      if (!bars.pos.has(date)) throw new NotFoundError(`session of ${symbol}`, date);
      let m = stockMilestones.get(symbol);
      if (!m) stockMilestones.set(symbol, (m = new SeriesMilestones(symbol, bars.bars, `${config.dataDir}/${symbol}.csv`)));
      return m.report(date);
    },
    async milestoneTimeline(symbol, from, to) {
      return (await entryOf(symbol)).milestones.timeline(from, to);
    },
    async movers(code, date) {
      const s = await state;
      checkSession(await entryOf(code), date);
      const membersCode = s.membersCode;
      if (s.membersPath === null || membersCode === null || (code !== membersCode && code !== s.engineCode)) {
        throw new UnavailableError('movers', `no membership file for ${code}`);
      }
      const key = `${code}|${date}`;
      let hit = moversCache.get(key);
      if (!hit) {
        if (moversCache.size >= MOVERS_CACHE_SIZE) moversCache = new Map();
        hit = moversFromFiles({
          symbol: membersCode,
          on: date,
          dataDir: config.dataDir,
          membersPath: s.membersPath,
          ...(config.methodologyPath !== undefined ? { methodologyPath: config.methodologyPath } : {}),
        });
        moversCache.set(key, hit);
        hit.catch(() => moversCache.delete(key));
      }
      return hit;
    },
    async news(q) {
      const n = (await state).news;
      if (n === null) throw new UnavailableError('news', 'no news folder configured (serve --news DIR)');
      return n.query(q);
    },
    async stories() {
      const st = (await state).stories;
      if (st === null) throw new UnavailableError('stories', 'no stories folder configured (serve --stories DIR)');
      return st.stories.map(({ body: _b, tags: _t, categories: _c, ...summary }) => summary);
    },
    async story(slug, lang) {
      const st = (await state).stories;
      if (st === null) throw new UnavailableError('stories', 'no stories folder configured (serve --stories DIR)');
      const found = st.stories.find((x) => x.slug === slug && x.lang === lang);
      if (!found) throw new NotFoundError('story', `${slug} (${lang})`);
      return found;
    },
    async storyAsset(name) {
      const st = (await state).stories;
      if (st === null) throw new UnavailableError('stories', 'no stories folder configured (serve --stories DIR)');
      const path = st.assets.get(name);
      if (path === undefined) throw new NotFoundError('story asset', name);
      let body: Buffer;
      try {
        body = readFileSync(path);
      } catch {
        throw new NotFoundError('story asset', name); // removed since the folder was read
      }
      return { contentType: name.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : 'image/png', body };
    },
    async names() {
      const st = await state;
      const out: Record<string, { en: string; zhHant: string | null }> = {};
      for (const [code, l] of st.levels) out[code] = { en: l.info.name, zhHant: null };
      for (const m of st.members ?? []) out[m.symbol] ??= { en: m.name, zhHant: null };
      let master: ReturnType<typeof loadSecurityMaster> | null = null;
      try {
        master = loadSecurityMaster(config.securityMasterPath);
      } catch {
        master = null; // no master: English names only
      }
      for (const s of master?.securities ?? []) out[s.id] = { en: out[s.id]?.en ?? s.name, zhHant: s.zhHant ?? null };
      // An engine replica (HSTECH-R) reads as the index it tracks in Chinese.
      for (const [code, l] of st.levels) {
        const tracked = l.info.tracks !== undefined ? out[l.info.tracks]?.zhHant : undefined;
        if (out[code]?.zhHant === null && tracked) out[code] = { en: l.info.name, zhHant: `${tracked}（複製指數）` };
      }
      return { names: out };
    },
    async reload() {
      const next = await loadDeskState(config); // throws before replacing: the previous state stays
      state = Promise.resolve(next);
      moversCache = new Map();
      stockMilestones = new Map();
      return {
        series: next.series.size,
        news: next.news?.size ?? 0,
        stories: next.stories?.stories.length ?? 0,
        issues: next.issues.length,
      };
    },
  };
}
