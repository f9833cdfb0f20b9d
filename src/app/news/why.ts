import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotEnoughDataError, SourceError } from '../../core/errors.js';
import type { SessionDate } from '../../core/units.js';
import { membersOn } from '../../domain/membership.js';
import { explainSession as explainPure, whySecurities } from '../../news/why/explainSession.js';
import { sessionNewsWindow } from '../../news/why/newsWindow.js';
import type { MemberMove, WhyEventStudy, WhyReport } from '../../news/why/whyTypes.js';
import { buildIndexFromFiles } from '../buildIndex.js';
import { loadMembers } from '../marketData.js';
import { memberMoveOn, replicaContributions } from './whyInputs.js';
import { createEntityLinker, loadSecurityMaster } from '../securityMaster.js';
import { eventStudyOrNote, runEventStudy, readSeries } from './eventStudy.js';
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

export type { WhyArticle, WhyEventStudy, WhySecurity, WhyReport, WhyTheme } from '../../news/why/whyTypes.js';

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
  const previousSession = indexBars[i - 1]!.date;
  const changePct = (indexBars[i]!.close / indexBars[i - 1]!.close - 1) * 100;

  const members = membersOn(loadMembers(o.membersPath), o.on);
  const nameOf = (s: string) => master.securities.find((x) => x.id === s)?.name ?? members.find((m) => m.symbol === s)?.name ?? s;
  const moves: MemberMove[] = [];
  for (const m of members) {
    if (!existsSync(join(o.dataDir, `${m.symbol}.csv`))) continue;
    const move = memberMoveOn(m.symbol, nameOf(m.symbol), readSeries(o.dataDir, m.symbol), o.on);
    if (move) moves.push(move);
  }

  const methodologyPath = o.methodologyPath ?? (existsSync(DEFAULT_METHODOLOGY) ? DEFAULT_METHODOLOGY : undefined);
  const { contributions, contributorsNote } = await replicaContributions(methodologyPath, o.on, nameOf, async (path) =>
    (await buildIndexFromFiles({ methodologyPath: path, dataDir: o.dataDir, membersPath: o.membersPath, from: o.on, to: o.on })).sessions.find((x) => x.date === o.on));

  const newsPaths = o.newsPaths ?? [join(o.dataDir, '..', 'news')];
  const files: string[] = [];
  for (const p of newsPaths) {
    if (!existsSync(p)) throw new SourceError(p, 'news folder not found (pass --news DIR)', false);
    files.push(...(await listNewsFiles(p)));
  }
  // every folder read together, so a copy in one folder is linked to its original in another
  const read = await readArticleFiles([...new Set(files)]);
  const window = sessionNewsWindow(previousSession, o.on, HKT);
  const linker = createEntityLinker();
  const news = markDuplicates(read.articles)
    .filter((a) => a.duplicateOf === null && a.publishedMs >= window.fromMs && a.publishedMs <= window.toMs)
    .map((article) => ({ article, links: linker.link(`${article.title}\n\n${article.body}`) }));

  const eventStudies = new Map(whySecurities(moves, contributions, top).map((s) => [s, studyOrNote(o.dataDir, s, benchmark, o.on)]));
  return explainPure({
    symbol: o.symbol, benchmark, session: o.on, previousSession, changePct, moves, contributions,
    ...(contributorsNote !== undefined ? { contributorsNote } : {}),
    window, news, eventStudies, top, articlesPerSecurity: o.articlesPerSecurity ?? 5, rejectedNews: read.rejected.length, utcOffset: HKT,
  });
}

/** The event study of `symbol` with day 0 on the session `on` itself, or a note saying why there is none. */
export function studyOrNote(dataDir: string, symbol: string, benchmark: string, on: SessionDate): { eventStudy: WhyEventStudy | null; eventStudyNote?: string } {
  return eventStudyOrNote(() => runEventStudy(dataDir, symbol, benchmark, on), symbol, benchmark, on);
}


