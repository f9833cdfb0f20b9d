import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IndexwireError, NotEnoughDataError, SourceError } from '../../core/errors.js';
import { asIndexCode, type SecurityId, type SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import { membersOn, type MembershipInterval } from '../../domain/membership.js';
import { explainSession as explainPure, whySecurities } from '../../news/why/explainSession.js';
import { sessionNewsWindow } from '../../news/why/newsWindow.js';
import type { MemberMove, WhyReport } from '../../news/why/whyTypes.js';
import { indexSessionOn } from '../index/storedIndex.js';
import { loadMembers } from '../marketData.js';
import { memberMoveOn, replicaContributions } from './whyInputs.js';
import type { DataPorts } from '../openData.js';
import { createEntityLinker, loadSecurityMaster } from '../securityMaster.js';
import { eventStudyOfBars, eventStudyOrNote, readStoredSeries } from './eventStudy.js';

export interface WhyStoreOptions {
  readonly symbol: string;
  readonly on: SessionDate;
  /** Membership file; default the store's memberships of `symbol` (stored by `indexwire import`). */
  readonly membersPath?: string;
  /** Methodology for contributions (its stored sessions, continued from the stored state); default the replica. */
  readonly methodologyPath?: string;
  readonly benchmark?: string;
  readonly top?: number;
  readonly articlesPerSecurity?: number;
}

const HKT = '+08:00';
const DEFAULT_METHODOLOGY = fileURLToPath(new URL('../../../methodologies/hstech-replica.yaml', import.meta.url));

/**
 * `news why --db`: the same report as from the folders (app/news/why.ts), its inputs read through the store:
 * the index's and each member's last two bars on or before the session, the members (stored or `--members`),
 * the contributions of the methodology's stored session (brought up to date from the stored state, as a story
 * does), the stored news of the window (duplicates left out at ingest), and the event studies on stored bars.
 * @throws SourceError (no series or members in the store), NotEnoughDataError (no session on `on`).
 */
export async function explainSessionFromStore(ports: DataPorts, o: WhyStoreOptions): Promise<WhyReport> {
  const { market, origin } = ports;
  const top = o.top ?? 5;
  const benchmark = o.benchmark ?? 'HSI';
  const master = loadSecurityMaster();
  const indexLast = (await market.lastBars([o.symbol as SecurityId], o.on, 2)).get(o.symbol as SecurityId) ?? [];
  const [prev, at] = indexLast.length === 2 ? indexLast : [undefined, indexLast[0]];
  if (at === undefined && (await market.getBars(o.symbol as SecurityId)).length === 0) {
    throw new SourceError(origin, `no price series for ${o.symbol} in the store (indexwire import DIR --db FILE stores it)`, false);
  }
  if (!at || at.date !== o.on || !prev) throw new NotEnoughDataError(`${o.symbol}: a session on ${o.on} with one before it`, 1, 0);
  const previousSession = prev.date;
  const changePct = (at.close / prev.close - 1) * 100;

  const intervals: readonly MembershipInterval[] = o.membersPath !== undefined ? loadMembers(o.membersPath) : await market.getMemberships(asIndexCode(o.symbol));
  if (intervals.length === 0) throw new SourceError(origin, `no members of ${o.symbol} in the store: import a ${o.symbol.toLowerCase()}_members.csv or pass --members FILE`, false);
  const members = membersOn(intervals, o.on);
  const nameOf = (s: string) => master.securities.find((x) => x.id === s)?.name ?? members.find((m) => m.symbol === s)?.name ?? s;
  const last = await market.lastBars(members.map((m) => m.symbol), o.on, 2);
  const moves: MemberMove[] = [];
  for (const m of members) {
    const move = memberMoveOn(m.symbol, nameOf(m.symbol), last.get(m.symbol) ?? [], o.on);
    if (move) moves.push(move);
  }

  const methodologyPath = o.methodologyPath ?? (existsSync(DEFAULT_METHODOLOGY) ? DEFAULT_METHODOLOGY : undefined);
  const { contributions, contributorsNote } = await replicaContributions(methodologyPath, o.on, nameOf, (path) =>
    indexSessionOn(market, { methodologyPath: path, ...(o.membersPath !== undefined ? { membersPath: o.membersPath } : {}), date: o.on, origin }));

  const window = sessionNewsWindow(previousSession, o.on, HKT);
  if (ports.news === null) throw new SourceError(origin, 'no news in the store: run indexwire news ingest PATH --db FILE', false);
  const linker = createEntityLinker();
  const news = (await ports.news.listArticles({ fromMs: window.fromMs, toMs: window.toMs }))
    .map((article) => ({ article, links: linker.link(`${article.title}\n\n${article.body}`) }));

  const named = whySecurities(moves, contributions, top);
  const series = new Map<string, readonly Bar[] | IndexwireError>();
  for (const s of [...named, benchmark]) {
    try {
      series.set(s, await readStoredSeries(market, origin, s));
    } catch (e) {
      if (!(e instanceof IndexwireError)) throw e;
      series.set(s, e);
    }
  }
  const barsOf = (s: string): readonly Bar[] => {
    const v = series.get(s);
    if (v instanceof IndexwireError) throw v;
    return v ?? [];
  };
  const eventStudies = new Map(named.map((s) => [s, eventStudyOrNote(() => eventStudyOfBars(barsOf(s), barsOf(benchmark), s, benchmark, o.on), s, benchmark, o.on)]));
  return explainPure({
    symbol: o.symbol, benchmark, session: o.on, previousSession, changePct, moves, contributions,
    ...(contributorsNote !== undefined ? { contributorsNote } : {}),
    window, news, eventStudies, top, articlesPerSecurity: o.articlesPerSecurity ?? 5, rejectedNews: 0, utcOffset: HKT,
  });
}
