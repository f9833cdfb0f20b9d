import { catalystEn } from './catalystText.js';
import type { LedgerEntry } from '../../domain/story.js';
import type { FactLine, SinceWhat, StoryPlan } from '../select/planTypes.js';
import { mergeSince, type SinceLine } from './mergeSince.js';
import { formattersFor } from './formatters.js';
import { beyond, roundsToZero, type RenderedText } from './renderedText.js';
import { intradayDayEn, intradayHeadlineEn, intradayLedeEn, leaderMoveEn } from './intradayWords.js';

const F = formattersFor('en');

const SINCE_EN: Record<Exclude<SinceWhat, 'highest' | 'lowest'>, string> = {
  biggest_gain: 'biggest one-day gain',
  biggest_loss: 'biggest one-day drop',
  best_week: 'best week',
  worst_week: 'worst week',
};

/**
 * Writes the English story from a plan. Every number comes from a ledger entry through the formatters;
 * causes are never stated: news is quoted with attribution only.
 * @example renderEn(plan).title // 'Hang Seng Tech Index enters technical bull market'
 */
export function renderEn(p: StoryPlan): RenderedText {
  const name = p.names.en;
  const subject = p.kind === 'index' ? `The ${name}` : name;
  const it = p.kind === 'index' ? 'The index' : 'The stock';
  const its = p.kind === 'index' ? "the index's" : "the stock's";
  const year = p.session.dateParts?.[0];
  const refDay = (e: LedgerEntry) => (e.dateParts?.[0] === year ? F.dayMonth(e) : `${F.dayMonth(e)}, ${e.dateParts?.[0]}`);
  const on = `on ${F.weekday(p.session)}`;
  const up = p.changePct ? p.changePct.value >= 0 : true;

  // During trading (the live desk's versions) the headline, lede and day sentence say "was up", not "closed".
  const title = p.asOf ? intradayHeadlineEn(p, name) : headline(p, name);
  const hf = p.historyFrom ? F.monthYear(p.historyFrom) : null;
  const paragraphs: string[] = [p.asOf ? intradayLedeEn(p, subject, on, refDay) : lede(p, subject, on, refDay)];

  let day: string;
  if (p.asOf) day = intradayDayEn(p, it);
  else if (!p.changePct) day = `${it} closed at ${F.num(p.close)}.`;
  else if (p.changePct.value === 0) day = `${it} closed unchanged at ${F.num(p.close)}.`;
  else {
    const dir = up ? 'up' : 'down';
    const pts = p.changePoints && p.kind === 'index' ? `, a ${up ? 'gain' : 'loss'} of ${F.num(p.changePoints)} points` : '';
    const amm = p.asMuchAs ? `${p.asMuchAs.up ? 'rose' : 'fell'} as much as ${F.pct(p.asMuchAs.pct)} and ` : '';
    const closed = roundsToZero(p.changePct) ? `closed slightly ${up ? 'higher' : 'lower'}` : `closed ${dir} ${F.pct(p.changePct)}`;
    day = `${it} ${amm}${closed} at ${F.num(p.close)}${pts}.`;
  }
  const ctx = p.context.map((c) =>
    c.t === 'below_high'
      ? `about ${F.pct(c.pct)} below its ${F.monthYear(c.date, year)} high`
      : p.historyFrom
        ? `about ${F.pct(c.pct)} below its highest close in data going back to ${F.monthYear(p.historyFrom)}, set ${c.date.dateParts?.[0] === year ? 'in' : 'on'} ${F.monthYear(c.date, year)}`
        : `about ${F.pct(c.pct)} below its ${F.monthYear(c.date, year)} record`,
  );
  const context = ctx.length > 0 ? [`It is ${ctx.join(' and ')}.`] : [];
  // Consecutive "since" groups make one sentence: "It was the index's best week since October 4, 2024, and its
  // highest close since October 7, 2024." (groups that share a date read "best week and its highest close since").
  const moreText: string[] = [];
  let sinceRun: string[] = [];
  const flush = (): void => {
    if (sinceRun.length > 0) moreText.push(`It was ${its} ${sinceRun.join(', and its ')}.`);
    sinceRun = [];
  };
  for (const f of mergeSince(p.more, (l) => F.since(l.since, year))) {
    if (Array.isArray(f)) {
      const whats = f.map((x) => (x.what === 'highest' || x.what === 'lowest' ? `${x.what} close` : SINCE_EN[x.what])).join(' and its ');
      sinceRun.push(`${whats} since ${F.since((f[0] as SinceLine).since, year)}`);
    } else {
      flush();
      moreText.push(moreSentence(f, it, its, refDay, hf, year));
    }
  }
  flush();
  paragraphs.push([day, ...context, ...moreText].join(' '));

  const movers: string[] = [];
  const [leader, ...rest] = p.withMove;
  const side = up ? 'gainers' : 'decliners';
  if (leader) {
    movers.push(
      up
        ? `${leader.names.en} led the gainers, ${p.asOf ? leaderMoveEn(true, F.pct(leader.changePct)) : `closing up ${F.pct(leader.changePct)}`} after rising as much as ${F.pct(leader.asMuchAsPct)}.`
        : `${leader.names.en} led the decliners, ${p.asOf ? leaderMoveEn(false, F.pct(leader.changePct)) : `closing down ${F.pct(leader.changePct)}`} after falling as much as ${F.pct(leader.asMuchAsPct)}.`,
    );
  }
  if (rest.length > 0) {
    const verb = up ? 'rising' : 'falling';
    const resp = rest.length > 1 ? ', respectively' : '';
    movers.push(
      `${F.list(rest.map((m) => m.names.en))} ${rest.length > 1 ? 'were' : 'was'} also among the top ${side}, ${verb} as much as ${F.list(rest.map((m) => F.pct(m.asMuchAsPct)))}${resp}.`,
    );
  }
  if (p.against.length > 0) {
    const resp = p.against.length > 1 ? ', respectively' : '';
    movers.push(
      up
        ? `${F.list(p.against.map((m) => m.names.en))} fell the most, losing ${F.list(p.against.map((m) => F.pct(m.changePct)))}${resp}.`
        : `${F.list(p.against.map((m) => m.names.en))} rose the most, gaining ${F.list(p.against.map((m) => F.pct(m.changePct)))}${resp}.`,
    );
  }
  if (p.contributors.length > 0) {
    const resp = p.contributors.length > 1 ? ', respectively' : '';
    const what = up ? 'added the most points to the index' : 'took the most points off the index';
    const where = p.contributionsFromReplica ? "In Indexwire's replica of the index, " : '';
    const names = F.list(p.contributors.map((c) => c.names.en));
    movers.push(`${where}${names} ${what}, ${F.list(p.contributors.map((c) => F.num(c.points)))}${resp}.`);
  }
  if (p.breadth) {
    const b = p.breadth;
    const parts = [
      b.up.value > 0 ? `${F.num(b.up)} rose` : '',
      b.down.value > 0 ? `${F.num(b.down)} fell` : '',
      b.flat.value > 0 ? `${F.num(b.flat)} ${b.flat.value === 1 ? 'was' : 'were'} unchanged` : '',
    ].filter((s) => s !== '');
    // When every member moved the same way: "All 30 members fell." (not "Of the 30 members, 30 fell.")
    const all = ([[b.up, 'rose'], [b.down, 'fell'], [b.flat, 'were unchanged']] as const).find(([e]) => b.total.value > 1 && e.value === b.total.value);
    if (all) movers.push(b.total.value === 2 ? `Both members ${all[1]}.` : `All ${F.num(b.total)} members ${all[1]}.`);
    else if (parts.length > 0) movers.push(`Of the ${F.num(b.total)} members, ${F.list(parts)}.`);
  }
  if (movers.length > 0) paragraphs.push(movers.join(' '));
  if (p.catalyst) paragraphs.push(catalystEn(p.catalyst, F, p.session));
  return { title, paragraphs };
}

function headline(p: StoryPlan, name: string): string {
  const l = p.lead;
  if (l) {
    switch (l.t) {
      case 'regime':
        if (l.type === 'bull_market') return `${name} enters technical bull market${l.basis === 'intraday' ? ' during trading' : ''}`;
        if (l.type === 'bear_market') return `${name} falls into bear market${l.basis === 'intraday' ? ' during trading' : ''}`;
        return `${name} enters correction territory`;
      case 'record':
        return p.historyFrom
          ? `${name} closes at ${l.high ? 'highest' : 'lowest'} in data since ${F.monthYear(p.historyFrom)}`
          : `${name} closes at record ${l.high ? 'high' : 'low'}`;
      case 'since':
        if (l.what === 'highest' || l.what === 'lowest') return `${name} closes at ${l.what} since ${F.since(l.since, p.session.dateParts?.[0])}`;
        return `${name} posts ${SINCE_EN[l.what]} since ${F.since(l.since, p.session.dateParts?.[0])}`;
      case 'period':
        return `${name} hits ${l.weeks ? `${F.num(l.weeks)}-week` : F.year(l.year as LedgerEntry)} ${l.high ? 'high' : 'low'}`;
      case 'streak':
        return `${name} ${l.up ? 'rises' : 'falls'} for ${F.num(l.count)} straight ${l.weeks ? 'weeks' : 'sessions'}`;
    }
  }
  if (!p.changePct) return `${name} closes at ${F.num(p.close)}`;
  if (p.changePct.value === 0) return `${name} closes unchanged`;
  if (roundsToZero(p.changePct)) return `${name} edges ${p.changePct.value > 0 ? 'up' : 'down'}`;
  return `${name} ${p.changePct.value > 0 ? 'rises' : 'falls'} ${F.pct(p.changePct)}`;
}

function lede(p: StoryPlan, subject: string, on: string, refDay: (e: LedgerEntry) => string): string {
  const l = p.lead;
  if (l) {
    switch (l.t) {
      case 'regime': {
        const more = beyond(l.pctFromRef, l.threshold) ? 'more than ' : '';
        const during = l.basis === 'intraday' ? 'during trading ' : '';
        const how = l.basis === 'intraday' ? 'rising' : 'closing';
        if (l.type === 'bull_market') return `${subject} entered a technical bull market ${during}${on}, ${how} ${more}${F.pct(l.threshold)} above its ${refDay(l.refDate)} low.`;
        const what = l.type === 'bear_market' ? 'fell into a bear market' : 'entered a correction';
        return `${subject} ${what} ${during}${on}, ${l.basis === 'intraday' ? 'falling' : 'closing'} ${more}${F.pct(l.threshold)} below its ${refDay(l.refDate)} high.`;
      }
      case 'record':
        return p.historyFrom
          ? `${subject} closed ${on} at its ${l.high ? 'highest' : 'lowest'} level in data going back to ${F.monthYear(p.historyFrom)}.`
          : `${subject} closed at a record ${l.high ? 'high' : 'low'} ${on}.`;
      case 'since':
        if (l.what === 'highest' || l.what === 'lowest') return `${subject} closed at its ${l.what} level since ${F.since(l.since, p.session.dateParts?.[0])} ${on}.`;
        return `${subject} posted its ${SINCE_EN[l.what]} since ${F.since(l.since, p.session.dateParts?.[0])} ${on}.`;
      case 'period':
        return l.weeks
          ? `${subject} closed at a ${F.num(l.weeks)}-week ${l.high ? 'high' : 'low'} ${on}.`
          : `${subject} closed at its ${l.high ? 'highest' : 'lowest'} level of ${F.year(l.year as LedgerEntry)} ${on}.`;
      case 'streak':
        // A weekly streak is about the week: the index may well fall on the Friday of a winning week.
        if (l.weeks) return `${subject} ended the week ${l.up ? 'higher' : 'lower'} ${on}, extending its ${l.up ? 'winning' : 'losing'} streak to ${F.num(l.count)} weeks.`;
        return `${subject} ${l.up ? 'rose' : 'fell'} ${on}, extending its ${l.up ? 'winning' : 'losing'} streak to ${F.num(l.count)} sessions.`;
    }
  }
  if (!p.changePct) return `${subject} closed at ${F.num(p.close)} ${on}.`;
  if (p.changePct.value === 0) return `${subject} was unchanged ${on}.`;
  if (roundsToZero(p.changePct)) return `${subject} edged ${p.changePct.value > 0 ? 'up' : 'down'} ${on}.`;
  return `${subject} ${p.changePct.value > 0 ? 'rose' : 'fell'} ${F.pct(p.changePct)} ${on}.`;
}

function moreSentence(f: FactLine, it: string, its: string, refDay: (e: LedgerEntry) => string, hf: string | null, sy: number | undefined): string {
  switch (f.t) {
    case 'regime': {
      const more = beyond(f.pctFromRef, f.threshold) ? 'more than ' : '';
      if (f.type === 'bull_market') return `${it} is in a technical bull market, ${more}${F.pct(f.threshold)} above its ${refDay(f.refDate)} low.`;
      return `${it} is ${more}${F.pct(f.threshold)} below its ${refDay(f.refDate)} high.`;
    }
    case 'record':
      return hf ? `It was the ${f.high ? 'highest' : 'lowest'} close in data going back to ${hf}.` : `It was a record ${f.high ? 'high' : 'low'} close.`;
    case 'since':
      if (f.what === 'highest' || f.what === 'lowest') return `It was ${its} ${f.what} close since ${F.since(f.since, sy)}.`;
      return `It was ${its} ${SINCE_EN[f.what]} since ${F.since(f.since, sy)}.`;
    case 'period':
      return f.weeks ? `It was a ${F.num(f.weeks)}-week ${f.high ? 'high' : 'low'}.` : `It was ${its} ${f.high ? 'highest' : 'lowest'} close of ${F.year(f.year as LedgerEntry)}.`;
    case 'streak':
      return `${it} has ${f.up ? 'risen' : 'fallen'} for ${F.num(f.count)} straight ${f.weeks ? 'weeks' : 'sessions'}.`;
  }
}
