import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IndexwireError, NotEnoughDataError, SourceError } from '../../core/errors.js';
import type { SessionDate } from '../../core/units.js';
import type { Article } from '../../domain/article.js';
import { membersOn } from '../../domain/membership.js';
import { scoreMention, rankByScore } from '../../news/link/rankMentions.js';
import { ThemeDetector, type DetectedTheme, type InstitutionMention } from '../../news/themes/ThemeDetector.js';
import { buildIndexFromFiles } from '../buildIndex.js';
import { loadMembers } from '../marketData.js';
import { createEntityLinker, loadSecurityMaster } from '../securityMaster.js';
import { runEventStudy, readSeries } from './eventStudy.js';
import { listNewsFiles } from '../../sources/newsFiles/listNewsFiles.js';
import { markDuplicates, readArticleFiles } from './loadArticles.js';

export interface WhyOptions {
  /** The index (or security) whose session is explained, e.g. HSTECH. */
  readonly symbol: string;
  readonly on: SessionDate;
  readonly dataDir: string;
  readonly membersPath: string;
  /** Folders or files of news (read together, duplicates across them linked); default `DATA/../news`. */
  readonly newsPaths?: readonly string[];
  /** Methodology for contributions (engine); default `methodologies/hstech-replica.yaml` when present. */
  readonly methodologyPath?: string;
  /** Benchmark of the event studies (default HSI). */
  readonly benchmark?: string;
  /** How many movers and contributors (default 5 each). */
  readonly top?: number;
  /** Articles kept per security (default 5). */
  readonly articlesPerSecurity?: number;
}

export interface WhyArticle {
  readonly id: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly url: string | null;
  readonly origin: string;
  readonly score: number;
  readonly mentions: number;
  readonly inTitle: boolean;
  readonly themes: readonly DetectedTheme[];
  readonly institutions: readonly InstitutionMention[];
}

export interface WhyEventStudy {
  readonly benchmark: string;
  readonly beta: number;
  /** Abnormal return on the day (fraction) and its t-statistic. */
  readonly abnormalReturn: number;
  /** Null when the market model fits perfectly (t undefined). */
  readonly tStat: number | null;
  /** CARs by window `[from,to]` (fractions; null when the data ends first). */
  readonly windows: readonly { from: number; to: number; car: number | null; tStat: number | null; pValue: number | null; rankZ: number | null }[];
}

export interface WhySecurity {
  readonly symbol: string;
  readonly name: string;
  readonly roles: readonly ('mover' | 'contributor')[];
  /** Close-to-close change in percent (2.9 = 2.9%). */
  readonly changePct: number | null;
  readonly contributionPoints: number | null;
  readonly eventStudy: WhyEventStudy | null;
  readonly eventStudyNote?: string;
  readonly articles: readonly WhyArticle[];
}

export interface WhyReport {
  readonly symbol: string;
  readonly session: SessionDate;
  readonly previousSession: SessionDate;
  readonly changePct: number;
  /** News window in Hong Kong time: from the start of the previous session's day to the end of the session's day. */
  readonly newsWindow: { readonly from: string; readonly to: string };
  readonly articlesInWindow: number;
  readonly movers: readonly { symbol: string; name: string; changePct: number }[];
  readonly contributors: readonly { symbol: string; name: string; contributionPoints: number; weight: number; changePct: number }[] | null;
  readonly contributorsNote?: string;
  /** Movers and contributors with their ranked articles and event studies. */
  readonly securities: readonly WhySecurity[];
  /** Articles that name the index itself. */
  readonly indexArticles: readonly WhyArticle[];
  /** Articles that name the benchmark (the market backdrop), when it is not the index itself. */
  readonly benchmarkArticles: readonly WhyArticle[];
  readonly rejectedNews: number;
}

const HKT = '+08:00';
/** The replica methodology shipped with Indexwire (repository root, not the working directory). */
const DEFAULT_METHODOLOGY = fileURLToPath(new URL('../../../methodologies/hstech-replica.yaml', import.meta.url));

/**
 * `news why`: the session's top movers (by |change|) and biggest contributors among the members on `on`, and the
 * articles of that session and the one before (Hong Kong time) that name them, ranked, with themes and event studies.
 * @throws SourceError (files), InputError (bad files), NotEnoughDataError (no session on `on`).
 */
export async function explainSession(o: WhyOptions): Promise<WhyReport> {
  const top = o.top ?? 5;
  const benchmark = o.benchmark ?? 'HSI';
  const master = loadSecurityMaster();
  const indexBars = readSeries(o.dataDir, o.symbol);
  const i = indexBars.findIndex((b) => b.date === o.on);
  if (i < 1) throw new NotEnoughDataError(`${o.symbol}: a session on ${o.on} with one before it`, 1, 0);
  const prevSession = indexBars[i - 1]!.date;
  const changePct = (indexBars[i]!.close / indexBars[i - 1]!.close - 1) * 100;

  const members = membersOn(loadMembers(o.membersPath), o.on);
  const nameOf = (s: string) => master.securities.find((x) => x.id === s)?.name ?? members.find((m) => m.symbol === s)?.name ?? s;
  const moves: { symbol: string; name: string; changePct: number }[] = [];
  for (const m of members) {
    if (!existsSync(join(o.dataDir, `${m.symbol}.csv`))) continue;
    const bars = readSeries(o.dataDir, m.symbol);
    const k = bars.findIndex((b) => b.date === o.on);
    if (k < 1) continue;
    moves.push({ symbol: m.symbol, name: nameOf(m.symbol), changePct: (bars[k]!.close / bars[k - 1]!.close - 1) * 100 });
  }
  const movers = [...moves].sort((a, b) => Math.abs(b.changePct) - Math.abs(a.changePct)).slice(0, top);

  let contributors: WhyReport['contributors'] = null;
  let contributorsNote: string | undefined;
  const methodologyPath = o.methodologyPath ?? (existsSync(DEFAULT_METHODOLOGY) ? DEFAULT_METHODOLOGY : undefined);
  if (methodologyPath === undefined) contributorsNote = 'no methodology file: pass --methodology to get contributions';
  else {
    try {
      const run = await buildIndexFromFiles({ methodologyPath, dataDir: o.dataDir, membersPath: o.membersPath, from: o.on, to: o.on });
      const s = run.sessions.find((x) => x.date === o.on);
      if (!s) contributorsNote = `the engine built no session on ${o.on}`;
      else {
        contributors = [...s.constituents]
          .sort((a, b) => Math.abs(b.contributionPoints) - Math.abs(a.contributionPoints)).slice(0, top)
          .map((c) => ({ symbol: c.symbol, name: nameOf(c.symbol), contributionPoints: c.contributionPoints, weight: c.weight, changePct: c.change * 100 }));
        contributorsNote = `points of the replica index built from ${methodologyPath} (not the official index's points)`;
      }
    } catch (e) {
      if (!(e instanceof IndexwireError)) throw e;
      contributorsNote = `contributions unavailable: ${e.message.split('\n')[0]}`;
    }
  }

  const newsPaths = o.newsPaths ?? [join(o.dataDir, '..', 'news')];
  const files: string[] = [];
  for (const p of newsPaths) {
    if (!existsSync(p)) throw new SourceError(p, 'news folder not found (pass --news DIR)', false);
    files.push(...(await listNewsFiles(p)));
  }
  // every folder read together, so a copy in one folder is linked to its original in another
  const read = await readArticleFiles([...new Set(files)]);
  const loaded = { articles: markDuplicates(read.articles), rejected: read.rejected.length };
  const fromMs = Date.parse(`${prevSession}T00:00:00${HKT}`);
  const toMs = Date.parse(`${o.on}T23:59:59.999${HKT}`);
  const inWindow = loaded.articles.filter((a) => a.duplicateOf === null && a.publishedMs >= fromMs && a.publishedMs <= toMs);
  const linker = createEntityLinker();
  const themes = new ThemeDetector();
  const evidence = inWindow.map((a) => {
    const text = `${a.title}\n\n${a.body}`;
    return { a, links: linker.link(text), titleLength: a.title.length, publishedMs: a.publishedMs, text };
  });
  const detected = new Map<string, ReturnType<ThemeDetector['detect']>>();
  const articlesFor = (sec: string): WhyArticle[] => {
    const scored = evidence.flatMap((e) => {
      const s = scoreMention(e, sec);
      return s === null ? [] : [{ id: e.a.id, e, s, score: s.score, publishedMs: e.publishedMs }];
    });
    return rankByScore(scored).slice(0, o.articlesPerSecurity ?? 5).map(({ e, s }) => {
      let d = detected.get(e.a.id);
      if (!d) detected.set(e.a.id, (d = themes.detect(e.text)));
      return toWhyArticle(e.a, s.score, s.mentions, s.inTitle, d.themes, d.institutions);
    });
  };

  const roles = new Map<string, ('mover' | 'contributor')[]>();
  for (const m of movers) roles.set(m.symbol, ['mover']);
  for (const c of contributors ?? []) roles.set(c.symbol, [...(roles.get(c.symbol) ?? []), 'contributor']);
  const securities: WhySecurity[] = [...roles.entries()].map(([symbol, r]) => {
    const move = moves.find((m) => m.symbol === symbol);
    const contrib = contributors?.find((c) => c.symbol === symbol);
    const es = studyOrNote(o.dataDir, symbol, benchmark, o.on);
    return {
      symbol, name: nameOf(symbol), roles: r, changePct: move?.changePct ?? null,
      contributionPoints: contrib?.contributionPoints ?? null, ...es, articles: articlesFor(symbol),
    };
  });
  return {
    symbol: o.symbol, session: o.on, previousSession: prevSession, changePct,
    newsWindow: { from: `${prevSession}T00:00:00${HKT}`, to: `${o.on}T23:59:59${HKT}` },
    articlesInWindow: inWindow.length, movers, contributors,
    ...(contributorsNote !== undefined ? { contributorsNote } : {}),
    securities, indexArticles: articlesFor(o.symbol),
    benchmarkArticles: benchmark === o.symbol ? [] : articlesFor(benchmark), rejectedNews: loaded.rejected,
  };
}

/** The event study of `symbol` with day 0 on the session `on` itself, or a note saying why there is none. */
export function studyOrNote(dataDir: string, symbol: string, benchmark: string, on: SessionDate): { eventStudy: WhyEventStudy | null; eventStudyNote?: string } {
  try {
    const r = runEventStudy(dataDir, symbol, benchmark, on);
    if (r.eventSession !== on) {
      // Day 0 of an event study is the first common session on or after the date; for a member that did not trade
      // on the session itself that is a later day, whose move is not this session's: say so instead.
      return { eventStudy: null, eventStudyNote: `${symbol} and ${benchmark} have no common session on ${on} (the next is ${r.eventSession}): no event study for this session` };
    }
    const d0 = r.days.find((d) => d.tau === 0)!;
    return {
      eventStudy: {
        benchmark, beta: r.estimation.beta, abnormalReturn: d0.abnormalReturn, tStat: d0.tStat,
        windows: r.windows.map((w) => ({ from: w.from, to: w.to, car: w.car, tStat: w.tStat, pValue: w.pValue, rankZ: w.rankZ })),
      },
    };
  } catch (e) {
    if (!(e instanceof IndexwireError)) throw e;
    return { eventStudy: null, eventStudyNote: e.message.split('\n')[0]! };
  }
}

function toWhyArticle(a: Article, score: number, mentions: number, inTitle: boolean, themes: readonly DetectedTheme[], institutions: readonly InstitutionMention[]): WhyArticle {
  return { id: a.id, title: a.title, publishedAt: a.publishedAt, url: a.url, origin: a.origin, score, mentions, inTitle, themes, institutions };
}

