import { isoWeekday } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { StoryInput } from '../../domain/story.js';
import { LedgerBuilder } from '../ledger/LedgerBuilder.js';
import { dayMeasures, maxClose } from './dayMeasures.js';
import { planCatalyst } from './planCatalyst.js';
import { planFact } from './planFacts.js';
import { planMembers } from './planMembers.js';
import type { ContextLine, FactLine, ShapeLine, StoryPlan } from './planTypes.js';
import { moveSigmas, SESSIONS_PER_YEAR } from './factRarity.js';
import { rankFacts, type LeadKind } from './rankFacts.js';
import { planYearToDate } from './planYearToDate.js';
import { planMarketValue } from './planMarketValue.js';
import { SHAPE_MIN_PCT, sessionShape, shapeRarity } from './sessionShape.js';

interface PlannedLine {
  readonly kind: LeadKind;
  readonly line: FactLine | null;
  readonly score: number;
}

/** A related fact rare enough to share the lede's sentence: once in at least this many sessions (about 5 months). */
const ALSO_MIN_SESSIONS = 100;

const isMoveLine = (l: FactLine | null, kind: LeadKind): boolean =>
  kind === 'big_move' || l?.t === 'record_move' || (l?.t === 'since' && l.what !== 'highest' && l.what !== 'lowest');
const isLevelLine = (l: FactLine | null): boolean => l?.t === 'record' || l?.t === 'period' || (l?.t === 'since' && (l.what === 'highest' || l.what === 'lowest'));

/**
 * The related fact merged into the lede's sentence ("plunged 17.2%, its worst day on record, sending it into a
 * bear market"): after a move, the regime it entered or the level it reached; after a level, the streak or the
 * move; after a streak, the level. Only facts at least ALSO_MIN_SESSIONS rare; null otherwise.
 */
function pickAlso(lead: PlannedLine, rest: readonly PlannedLine[]): PlannedLine | null {
  const fits = (o: PlannedLine): boolean => {
    if (!o.line || o.score < ALSO_MIN_SESSIONS) return false;
    if (isMoveLine(lead.line, lead.kind)) return o.line.t === 'regime' || isLevelLine(o.line);
    if (isLevelLine(lead.line)) return o.line.t === 'streak' || o.line.t === 'regime' || isMoveLine(o.line, o.kind);
    if (lead.line?.t === 'streak') return isLevelLine(o.line);
    return false;
  };
  // A regime entered outranks any other companion of a move: it is what the move did.
  if (isMoveLine(lead.line, lead.kind)) {
    // A regime the move entered on the close outranks any other companion (it is what the move did); an intraday
    // crossing is said after the figures.
    const regimes = rest.filter((o) => o.line?.t === 'regime' && o.score >= ALSO_MIN_SESSIONS);
    const r = regimes.find((o) => o.line?.t === 'regime' && o.line.basis === 'close') ?? regimes[0];
    if (r) return r;
  }
  return rest.find(fits) ?? null;
}

/** Story options; percentages in percent. */
export interface PlanOptions {
  /** A move at least this big leads the story when nothing ranks higher (default 3 for an index, 8 for a stock). */
  readonly bigMovePct?: number;
  /** Trailing window of the "period high" context line, in calendar days (default 364: 52 weeks). */
  readonly highWindowDays?: number;
  /** Extra fact sentences after the lead (default 2; 3 when the lead is a regime change or rarer than once a year). */
  readonly maxMoreFacts?: number;
}

/**
 * Decides what is news and builds the language-neutral plan, with every number recorded in the ledger.
 * The lead is the best-ranked fact (rankFacts.ts); the context is recomputed from the bars: distance
 * of the close to the highest close of the trailing 52 weeks and to the record close (each said only
 * when the close is below it); movers, contributions and breadth only when members are known; the
 * catalyst only from linked news: the clause of an article that carries the session's theme, reported with its
 * source and date (never a headline), and words the article prints in quotation marks with the speaker it names.
 * @throws NotEnoughDataError when the symbol has no bar on the session.
 */
export function planStory(input: StoryInput, opts: PlanOptions = {}): { plan: StoryPlan; ledger: LedgerBuilder } {
  const { symbol, date, bars } = input;
  const ledger = new LedgerBuilder(symbol, date);
  const day = dayMeasures(bars, date, symbol);
  const session = ledger.addDate('session.date', date, symbol, 'the story session');
  const first = bars[0];
  const historyFrom = !input.historyComplete && first ? ledger.addDate('history.from', first.date, symbol, 'first session in the data') : null;
  // Index levels and prices at 2 decimals; stocks under 1 at 3 (HKEX quotes them in thousandths).
  const closeDp = input.kind === 'stock' && day.bar.close < 1 ? 3 : 2;
  const close = ledger.add({ id: 'close', kind: input.kind === 'index' ? 'level' : 'price', value: day.bar.close, dp: closeDp, source: { series: symbol, session: date, field: 'close', computation: 'as published' } });
  const prev = day.previous;
  const changePct =
    day.changePct === null || !prev
      ? null
      : ledger.add({ id: 'change_pct', kind: 'pct', value: day.changePct, dp: 1, source: { series: symbol, session: date, field: 'close; previous close', computation: '(close / previous close - 1) * 100' }, inputs: { close: day.bar.close, previousClose: prev.close, previousSession: prev.date } });
  const changePoints =
    day.changePoints === null || !prev
      ? null
      : ledger.add({ id: 'change_points', kind: 'points', value: day.changePoints, dp: 2, source: { series: symbol, session: date, field: 'close; previous close', computation: 'close - previous close' }, inputs: { close: day.bar.close, previousClose: prev.close } });
  const up = (day.changePct ?? 0) >= 0;

  const facts = input.report?.facts ?? [];
  const bigMove = opts.bigMovePct ?? (input.kind === 'index' ? 3 : 8);
  const weekComplete = input.weekComplete ?? isoWeekday(date) === 5;
  const history = { bars, index: day.index };
  // How the session moved: a rebound from a deep intraday loss or a gain erased (not during trading: the day is not over).
  const shapeFound = input.asOf ? null : sessionShape(day, input.kind === 'index' ? SHAPE_MIN_PCT.index : SHAPE_MIN_PCT.stock);
  const shape: ShapeLine | null =
    shapeFound && prev
      ? {
          t: 'shape',
          rebound: shapeFound.rebound,
          extremePct: ledger.add({ id: 'shape.extreme_pct', kind: 'pct', value: shapeFound.extremePct, dp: 1, source: { series: symbol, session: date, field: `${shapeFound.rebound ? 'low' : 'high'}; previous close; close`, computation: `(${shapeFound.rebound ? 'low' : 'high'} / previous close - 1) * 100, with the close on the other side of the previous close` }, inputs: { [shapeFound.rebound ? 'low' : 'high']: shapeFound.rebound ? day.bar.low : day.bar.high, previousClose: prev.close, close: day.bar.close } }),
        }
      : null;
  const ranked = rankFacts(facts, day.changePct, bigMove, date, weekComplete, history, shapeFound ? shapeRarity(history, shapeFound.extremePct).onceInSessions : null);
  const lines: PlannedLine[] = [];
  for (const r of ranked) {
    if (r.kind === 'shape') lines.push({ kind: r.kind, line: shape, score: r.score });
    else if (!r.fact) lines.push({ kind: r.kind, line: null, score: r.score });
    else {
      const line = planFact(r.fact, bars, day.index, symbol, ledger);
      if (line) lines.push({ kind: r.kind, line, score: r.score });
    }
  }
  const leadEntry = lines[0] ?? { kind: 'move' as const, line: null, score: 1 };
  const also = input.asOf ? null : pickAlso(leadEntry, lines.slice(1));
  // The shape is said with the day's figures (or in the lede when it leads), never as a fact sentence of its own.
  const said = new Set([lineKey(leadEntry.line), ...(also ? [lineKey(also.line)] : []), 'shape']);
  // "Its highest close since February 2022" already says "a 52-week high" and "its highest close of 2025": a period
  // high (low) is implied by any highest (lowest) close since a date or a record of the same direction.
  const levelDirs = new Set(lines.flatMap((l) => (l.line?.t === 'record' ? [l.line.high] : l.line?.t === 'since' && (l.line.what === 'highest' || l.line.what === 'lowest') ? [l.line.what === 'highest'] : [])));
  for (const l of lines) if (l.line?.t === 'period' && levelDirs.has(l.line.high) && l !== leadEntry) said.add(lineKey(l.line));
  // During trading, a close-basis fact ("its highest close since") is not yet true: only the lead is said.
  const more = lines
    .slice(input.asOf ? lines.length : 1)
    .flatMap((l) => (l.line && !said.has(lineKey(l.line)) && said.add(lineKey(l.line)) ? [l.line] : []))
    .slice(0, opts.maxMoreFacts ?? (leadEntry.score >= SESSIONS_PER_YEAR || leadEntry.kind === 'regime' ? 3 : 2));

  let asMuchAs: StoryPlan['asMuchAs'] = null;
  const leadUp = leadEntry.line?.t === 'regime' ? leadEntry.line.type === 'bull_market' : up;
  const extremePct = leadUp ? day.highPct : day.lowPct;
  if (prev && extremePct !== null && Math.abs(extremePct) > Math.abs(day.changePct ?? 0) && (leadUp ? extremePct > 0 : extremePct < 0)) {
    const field = leadUp ? 'high' : 'low';
    asMuchAs = {
      up: leadUp,
      pct: ledger.add({ id: 'as_much_as_pct', kind: 'pct', value: extremePct, dp: 1, source: { series: symbol, session: date, field: `${field}; previous close`, computation: `(${field} / previous close - 1) * 100` }, inputs: { [field]: leadUp ? day.bar.high : day.bar.low, previousClose: prev.close } }),
    };
  }
  const sigmas = day.changePct === null ? null : moveSigmas(history, day.changePct);
  const major = leadEntry.kind === 'record' || (leadEntry.kind === 'regime' && leadEntry.line?.t === 'regime' && leadEntry.line.basis === 'close') || also?.line?.t === 'regime' || leadEntry.line?.t === 'record_move' || leadEntry.score >= SESSIONS_PER_YEAR || (sigmas !== null && sigmas >= 3);
  const weight: StoryPlan['weight'] = major ? 'major' : leadEntry.kind === 'move' && (sigmas === null || sigmas < 1.5) ? 'quiet' : 'normal';

  // A regime line already measures the close from its reference high: the distance to that same high is not said twice.
  const regimeRefs = new Set([leadEntry.line, also?.line ?? null, ...more].flatMap((l) => (l?.t === 'regime' && l.type !== 'bull_market' ? [l.refDate.value] : [])));
  const context = planContext(bars, day.index, symbol, ledger, opts.highWindowDays ?? 364).filter((c) => !(c.t === 'below_high' && regimeRefs.has(c.date.value)));
  const members = input.members ? planMembers(input.members, up, date, ledger, input.contributionSource?.code ?? 'engine') : null;
  const moverSymbols = members ? [...members.withMove, ...members.against].map((m) => m.symbol) : [];
  const catalyst = planCatalyst(input.catalyst, date, input.members, ledger);

  const tags = [symbol.toLowerCase(), ...(leadEntry.line?.t === 'regime' ? [leadEntry.line.type.replace('_', '-')] : []), ...(catalyst?.themes ?? []).map((t) => t.toLowerCase())];
  const plan: StoryPlan = {
    symbol,
    kind: input.kind,
    names: input.names,
    descriptor: input.indexDescriptor
      ? {
          en: input.indexDescriptor.en,
          'zh-Hant': input.indexDescriptor['zh-Hant'],
          count: input.indexDescriptor.count === null ? null : ledger.add({ id: 'descriptor.count', kind: 'count', value: input.indexDescriptor.count, dp: 0, source: { series: 'methodology', session: date, field: 'members', computation: "the index's member count in its descriptor (data/descriptors.yaml, from the index methodology)" } }),
        }
      : null,
    session,
    historyFrom,
    leadKind: leadEntry.kind,
    lead: leadEntry.line,
    leadAlso: also?.line ?? null,
    leadRarity: leadEntry.score,
    weight,
    sigmas,
    close,
    changePct,
    changePoints,
    shape,
    asMuchAs,
    context,
    yearToDate: input.asOf ? null : planYearToDate(bars, day.index, input.kind, symbol, ledger),
    more,
    withMove: members?.withMove ?? [],
    against: members?.against ?? [],
    contributors: members?.contributors ?? [],
    contributionsFromReplica: input.contributionSource?.replica ?? false,
    breadth: members?.breadth ?? null,
    marketValue: input.members && !input.asOf ? planMarketValue(input.members, date, ledger) : null,
    catalyst,
    tags: [...new Set(tags)],
    asOf: input.asOf ? { time: addLocalTime(ledger, input.asOf.hour, input.asOf.minute, date, symbol), phase: input.asOf.phase } : null,
  };
  return { plan, ledger };
}

/** Distance to the trailing-window high and to the record close, said only when the close is below them. */
function planContext(bars: readonly Bar[], i: number, symbol: string, ledger: LedgerBuilder, windowDays: number): ContextLine[] {
  const bar = bars[i] as Bar;
  const fromMs = Date.parse(`${bar.date}T00:00:00Z`) - windowDays * 86_400_000;
  const from = new Date(fromMs).toISOString().slice(0, 10);
  let start = i;
  // Sessions dated after `from` (the session `windowDays` earlier is out), as analytics' 52-week window.
  while (start > 0 && (bars[start - 1] as Bar).date > from) start--;
  const windowHigh = maxClose(bars, start, i);
  const record = maxClose(bars, 0, i);
  const out: ContextLine[] = [];
  const pctBelow = (high: Bar) => (bar.close / high.close - 1) * 100;
  const dpFor = (pct: number) => (Math.abs(pct) < 10 ? 1 : 0);
  if (windowHigh && windowHigh.close > bar.close && record && windowHigh.date !== record.date) {
    const pct = pctBelow(windowHigh);
    out.push({
      t: 'below_high',
      date: ledger.addDate('context.high.date', windowHigh.date, symbol, `session of the highest close in the ${windowDays} days before ${bar.date}`),
      pct: ledger.add({ id: 'context.high.pct', kind: 'pct', value: pct, dp: dpFor(pct), source: { series: symbol, session: `${windowHigh.date}..${bar.date}`, field: 'close', computation: `(close / highest close of the trailing ${windowDays} days - 1) * 100` }, inputs: { close: bar.close, high: windowHigh.close, highSession: windowHigh.date } }),
    });
  }
  if (record && record.close > bar.close) {
    const pct = pctBelow(record);
    out.push({
      t: 'below_record',
      date: ledger.addDate('context.record.date', record.date, symbol, 'session of the record close in the data'),
      pct: ledger.add({ id: 'context.record.pct', kind: 'pct', value: pct, dp: dpFor(pct), source: { series: symbol, session: `${record.date}..${bar.date}`, field: 'close', computation: '(close / record close before the session - 1) * 100' }, inputs: { close: bar.close, record: record.close, recordSession: record.date } }),
    });
  }
  return out;
}

/** The local time of a version written during trading: 10:02 prints 10 and 02; 14:05 prints 2 (p.m.) and 05. */
function addLocalTime(ledger: LedgerBuilder, hour: number, minute: number, date: string, symbol: string) {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return ledger.add({ id: 'as_of.time', kind: 'date', value: hour * 100 + minute, dp: 0, dateParts: [hour, h12, minute], source: { series: symbol, session: date, field: 'publication time', computation: 'exchange local time the figures reflect (hour, 12-hour clock hour, minute)' } });
}

/** Lines that would say the same thing twice share a key (e.g. a record from two detectors). */
function lineKey(l: FactLine | null): string {
  if (!l) return 'move';
  switch (l.t) {
    case 'regime':
      return `regime:${l.type}`;
    case 'record':
      return `record:${l.high}`;
    case 'since':
      return `since:${l.what}`;
    case 'period':
      return `period:${l.high}:${l.year?.value ?? ''}:${l.weeks?.value ?? ''}`;
    case 'streak':
      return `streak:${l.weeks}`;
    case 'record_move':
      return `since:${l.what}`;
    case 'shape':
      return 'shape';
  }
}
