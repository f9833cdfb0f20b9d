import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { asIndexCode, type SessionDate } from '../../core/units.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import type { MembershipInterval } from '../../domain/membership.js';
import type { StoryLang } from '../../domain/story.js';
import { stockHeadlines } from '../../stories/select/stockHeadline.js';
import { readMethodology } from '../buildIndex.js';
import { findMethodology } from '../desk/findDeskFiles.js';
import { updateStoredIndex, type IndexUpdate } from '../index/storedIndex.js';
import type { DataPorts } from '../openData.js';
import { loadSecurityMaster } from '../securityMaster.js';
import { buildSite, type BuildSiteResult } from '../site/buildSite.js';
import { storySeries, type StorySeries } from '../story/buildStoryInput.js';
import { sharedStoryReads } from './sharedStoryReads.js';
import { PngWorker } from '../story/PngWorker.js';
import { startStoryFiles, type StoryJobResult } from '../story/writeStoryFiles.js';

/** Level series among the stored symbols: no exchange suffix (`HSTECH`, `HSI`), not `0700.HK` or `HSTECH.investing`. */
const INDEX_SYMBOL = /^\^?[A-Z][A-Z0-9_-]*$/;
/** Stocks: an exchange suffix (`0700.HK`). */
const STOCK_SYMBOL = /\.[A-Z]{1,3}$/;

export interface DeskRunOptions {
  readonly date: SessionDate;
  /** Methodology files; default: the shipped methodology of each index with stored memberships (`methodologies/<code>-replica.yaml`). */
  readonly methodologyPaths?: readonly string[];
  /** Stories go to `<outDir>/stories`, the site to `<outDir>/site`. */
  readonly outDir: string;
  readonly langs?: readonly StoryLang[];
  /** Rebuild the site (default true). */
  readonly site?: boolean;
  /** Called as work is done: (done, total, what). */
  readonly onProgress?: (done: number, total: number, what: string) => void;
}

/** One story the run wrote (or could not publish). */
export interface DeskRunStory {
  readonly symbol: string;
  readonly kind: 'index' | 'stock';
  /** Why the session deserves it: `index` for every index; for a stock its headline facts. */
  readonly why: readonly string[];
  readonly slug: string;
  readonly published: boolean;
  readonly lead: string;
  readonly headlines: StoryJobResult['headlines'];
  readonly files: readonly string[];
  /** Gate failures and checker issues when not published. */
  readonly reasons: readonly string[];
}

/** The JSON contract of `indexwire desk run --json`. */
export interface DeskRunReport {
  readonly date: SessionDate;
  readonly origin: string;
  /** Each methodology's index, brought up to date in the store. */
  readonly indexes: readonly (IndexUpdate & { readonly methodology: string; readonly level: number | null; readonly changePct: number | null })[];
  /** Series whose milestones were computed for the session, and how many have a headline fact. */
  readonly series: { readonly computed: number; readonly withHeadline: number };
  readonly stories: readonly DeskRunStory[];
  readonly site: (BuildSiteResult & { readonly dir: string }) | null;
}

/**
 * `indexwire desk run`: the whole session in one run, through the store port. Brings every index of the given (or
 * shipped) methodologies up to date (continued from its stored state), computes each stored series' milestones for
 * the session once, and writes the stories the session deserves: every index with a bar that day (members and
 * contributions when the store has its memberships and a methodology tracks it), and every stock with a headline
 * fact (stories/select/stockHeadline.ts: a regime entered, a record close, a move rarer than once a year), each in
 * every language with its ledger and charts; then rebuilds the site from the stories folder.
 * @throws SourceError / ConfigError when the store or a methodology cannot be read.
 */
export async function runDeskSession(ports: DataPorts, o: DeskRunOptions): Promise<DeskRunReport> {
  // thumbnails render on a worker thread (started now: it loads resvg while the indexes and milestones are computed)
  const png = new PngWorker();
  try {
    return await deskSession(ports, o, png);
  } finally {
    await png.close();
  }
}

async function deskSession(ports: DataPorts, o: DeskRunOptions, png: PngWorker): Promise<DeskRunReport> {
  const { market } = ports;
  const symbols = await market.symbols();
  const codes = await market.membershipCodes();
  const methodologyPaths = o.methodologyPaths ?? codes.map((c) => findMethodology(c)).filter((p): p is string => p !== null);
  const master = loadSecurityMaster();
  const kindOf = new Map(master.securities.map((s) => [s.id as string, s.kind]));
  // the security master's kind, else the symbol's shape; a series that is neither (`HSTECH.investing`, another
  // source of an index) gets no story of its own
  const kind = (s: string): 'index' | 'stock' | null => {
    const k = kindOf.get(s);
    if (k === 'index' || k === 'stock') return k;
    return INDEX_SYMBOL.test(s) ? 'index' : STOCK_SYMBOL.test(s) ? 'stock' : null;
  };
  const last = await market.lastBars(symbols, o.date, 1);
  const trading = symbols.filter((s) => last.get(s)?.[0]?.date === o.date);
  const total = methodologyPaths.length + trading.length + 1;
  let done = 0;
  const tick = (what: string) => o.onProgress?.(++done, total, what);

  // 1. Every index, once: its sessions continued from the stored state; the session of the day for the stories.
  const indexes: DeskRunReport['indexes'][number][] = [];
  const sessionFor = new Map<string, { path: string; session: IndexSession | null }>();
  for (const path of methodologyPaths) {
    const m = readMethodology(path);
    const u = await updateStoredIndex(market, { methodologyPath: path, origin: ports.origin });
    const [s] = await market.getIndexSessions(asIndexCode(u.code), o.date, o.date);
    indexes.push({ ...u, methodology: path, level: s?.level ?? null, changePct: s?.previousLevel ? (s.level / s.previousLevel - 1) * 100 : null });
    // the series a methodology tracks: its fit target, else the index of its membership file (`hstech_members.csv`)
    const tracked = m.weighting.fit?.target ?? (m.universe.membership ? basename(m.universe.membership).replace(/_members\.csv$/i, '').toUpperCase() : m.code);
    if (!sessionFor.has(tracked)) sessionFor.set(tracked, { path, session: s ?? null });
    tick(`index ${u.code}`);
  }

  // 2. Every series' history up to the session in one read, its milestones once (the stories reuse both); who
  // deserves a story.
  const history = await market.getBarsMany(trading.filter((s) => kind(s) !== null), undefined, o.date);
  const series = new Map<string, StorySeries>();
  const wanted: { symbol: string; kind: 'index' | 'stock'; why: string[] }[] = [];
  let withHeadline = 0;
  for (const s of trading) {
    const k = kind(s);
    const bars = history.get(s) ?? [];
    if (k !== null && bars.length > 0) series.set(s, storySeries(s, bars, o.date));
    if (k === 'stock') {
      const heads = stockHeadlines((series.get(s) as StorySeries).report);
      if (heads.length > 0) {
        withHeadline++;
        wanted.push({ symbol: s, kind: 'stock', why: heads.map((h) => h.why) });
      }
    } else if (k === 'index') wanted.push({ symbol: s, kind: 'index', why: ['index'] });
    tick(`milestones ${s}`);
  }
  wanted.sort((a, b) => (a.kind === b.kind ? (a.symbol < b.symbol ? -1 : 1) : a.kind === 'index' ? -1 : 1));
  const shared = await sharedStoryReads(ports, o.date, wanted.map((w) => series.get(w.symbol)?.bars ?? []));

  // 3. The stories, each through the same job as `indexwire story`.
  const storiesDir = join(o.outDir, 'stories');
  const stories: DeskRunStory[] = [];
  // a story's thumbnails render while the next story is written; every story's files are in place before the site
  const writing: Promise<void>[] = [];
  for (const w of wanted) {
    const members: readonly MembershipInterval[] = w.kind === 'index' && codes.includes(asIndexCode(w.symbol)) ? await market.getMemberships(asIndexCode(w.symbol)) : [];
    const engine = w.kind === 'index' ? sessionFor.get(w.symbol) : undefined;
    const job = await startStoryFiles({
      symbol: w.symbol, date: o.date, ports, outDir: storiesDir, shared,
      ...(series.has(w.symbol) ? { series: series.get(w.symbol) as StorySeries } : {}),
      ...(members.length > 0 ? { members } : {}),
      ...(engine && members.length > 0 ? { methodologyPath: engine.path, indexSession: engine.session } : {}),
      ...(o.langs ? { langs: o.langs } : {}),
      png: (svg, widthPx) => png.render(svg, widthPx),
    });
    writing.push(job.written);
    const r = job.result;
    stories.push({
      symbol: w.symbol, kind: w.kind, why: w.why, slug: r.slug, published: r.published, lead: r.lead, headlines: r.headlines, files: r.files,
      reasons: [...r.gateFailures.map((g) => `${g.gate}: ${g.message}`), ...r.checkIssues.map((c) => `checker (${c.lang}) "${c.token}": ${c.reason}`)],
    });
    o.onProgress?.(done, total, `story ${w.symbol}`);
  }
  await Promise.all(writing);

  // 4. The site, from every story in the folder (earlier sessions' too).
  let site: DeskRunReport['site'] = null;
  if (o.site ?? true) {
    const dir = join(o.outDir, 'site');
    if (existsSync(storiesDir)) site = { ...buildSite({ storiesDir, outDir: dir }), dir };
    else rmSync(dir, { recursive: true, force: true });
  }
  tick('site');
  return { date: o.date, origin: ports.origin, indexes, series: { computed: trading.length, withHeadline }, stories, site };
}

