import { catalystEn } from './catalystText.js';
import type { LedgerEntry, StoryNames } from '../../domain/story.js';
import type { FactLine, SinceWhat, StoryPlan } from '../select/planTypes.js';
import { mergeSince, type SinceLine } from './mergeSince.js';
import { formattersFor } from './formatters.js';
import { regimeDistance, roundsToZero, type RenderedText } from './renderedText.js';
import { headlineEn, ledeEn, ordinalEn, shapeCloseEn } from './ledeEn.js';
import { intradayDayEn, intradayHeadlineEn, intradayLedeEn, leaderMoveEn } from './intradayWords.js';

const F = formattersFor('en');

/** Capitalises the first letter of a sentence that starts with a descriptor ("enterprise software maker Kingdee"). */
const cap = (x: string): string => x.charAt(0).toUpperCase() + x.slice(1);
/** "chipmaker" -> "chipmakers", "online travel agency" -> "online travel agencies". */
const plural = (x: string): string => (/[^aeiou]y$/.test(x) ? `${x.slice(0, -1)}ies` : `${x}s`);

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
  // A stock is named by what it does on first mention: "Enterprise software maker Kingdee".
  const sd = p.kind === 'stock' ? p.names.descriptor : undefined;
  const plain = p.kind === 'index' ? `The ${name}` : sd ? cap(`${sd.en} ${sd.shortEn}`) : name;
  // The index's own descriptor on first mention: "The Hang Seng Tech Index, which tracks the 30 largest ...,"
  const subject = p.descriptor ? `${plain}, ${p.descriptor.en.replace('{count}', p.descriptor.count ? F.num(p.descriptor.count) : '')},` : plain;
  // A company's descriptor on its first mention only: "PC maker Lenovo", then "Lenovo".
  const described = new Set<string>();
  const nm = (m: { readonly symbol: string; readonly names: StoryNames }, start = false): string => {
    const d = m.names.descriptor;
    if (!d) return m.names.en;
    if (described.has(m.symbol)) return d.shortEn;
    described.add(m.symbol);
    return start ? cap(`${d.en} ${d.shortEn}`) : `${d.en} ${d.shortEn}`;
  };
  // Companies that share a descriptor, both unnamed so far, are described together: "chipmakers Hua Hong
  // Semiconductor and SMIC".
  const listNames = (ms: readonly { readonly symbol: string; readonly names: StoryNames }[]): string => {
    const d = ms[0]?.names.descriptor;
    if (ms.length > 1 && d && ms.every((m) => m.names.descriptor?.en === d.en && !described.has(m.symbol))) {
      for (const m of ms) described.add(m.symbol);
      return `${plural(d.en)} ${F.list(ms.map((m) => m.names.descriptor?.shortEn ?? m.names.en))}`;
    }
    return F.list(ms.map((m) => nm(m)));
  };
  const it = p.kind === 'index' ? 'The index' : 'The stock';
  const its = p.kind === 'index' ? "the index's" : "the stock's";
  const year = p.session.dateParts?.[0];
  const refDay = (e: LedgerEntry) => (e.dateParts?.[0] === year ? F.dayMonth(e) : `${F.dayMonth(e)}, ${e.dateParts?.[0]}`);
  const up = p.changePct ? p.changePct.value >= 0 : true;

  // During trading (the live desk's versions) the headline, lede and day sentence say "was up", not "closed".
  const on = `on ${F.weekday(p.session)}`;
  const title = p.asOf ? intradayHeadlineEn(p, name) : headlineEn(p, sd ? sd.shortEn : name);
  const hf = p.historyFrom ? F.month(p.historyFrom) : null;
  const lede = ledeEn(p, subject, refDay);
  const paragraphs: string[] = [p.asOf ? intradayLedeEn(p, plain, on, refDay) : lede.text];

  let day: string;
  const pts = p.changePoints && p.kind === 'index' ? p.changePoints : null;
  // A reversal the lede did not say is said with the figures, in place of the "as much as" of the close's direction.
  const shape = p.shape && p.lead?.t !== 'shape' && p.changePct && p.changePct.value !== 0 ? p.shape : null;
  if (p.asOf) day = intradayDayEn(p, it);
  else if (shape && p.changePct && lede.said.change) {
    day = `${it} ${shape.rebound ? 'fell' : 'rose'} as much as ${F.pct(shape.extremePct)} during the session before ${shape.rebound ? 'rebounding' : 'erasing its gains'} to close at ${F.num(p.close)}${pts ? `, ${up ? 'up' : 'down'} ${F.num(pts)} points` : ''}.`;
  } else if (shape && p.changePct) {
    day = `${it} ${shapeCloseEn(shape, p.changePct).replace(/^.* to close/, 'closed')} at ${F.num(p.close)}${pts ? `, a ${up ? 'gain' : 'loss'} of ${F.num(pts)} points` : ''}, after ${shape.rebound ? 'falling' : 'rising'} as much as ${F.pct(shape.extremePct)} during the session.`;
  }
  else if (!p.changePct) day = lede.said.change ? '' : `${it} closed at ${F.num(p.close)}.`;
  else if (p.changePct.value === 0) day = `${it} closed unchanged at ${F.num(p.close)}.`;
  else if (lede.said.change && p.lead?.t === 'shape' && p.asMuchAs) {
    // the lede told the reversal: the other extreme is a level the index touched, not a move it made after
    day = `At its ${p.asMuchAs.up ? 'high' : 'low'} ${it.toLowerCase()} was ${p.asMuchAs.up ? 'up' : 'down'} ${F.pct(p.asMuchAs.pct)}, and it closed at ${F.num(p.close)}${pts ? `, ${up ? 'up' : 'down'} ${F.num(pts)} points` : ''}.`;
  } else if (lede.said.change) {
    // the change is said: the level, the points and the session's extreme
    const amm = p.asMuchAs && !lede.said.asMuchAs ? `${p.asMuchAs.up ? 'rose' : 'fell'} as much as ${F.pct(p.asMuchAs.pct)} during the session and ` : '';
    day = `${it} ${amm}closed at ${F.num(p.close)}${pts ? `, ${up ? 'up' : 'down'} ${F.num(pts)} points` : ''}.`;
  } else {
    const dir = up ? 'up' : 'down';
    const amm = p.asMuchAs && !lede.said.asMuchAs ? ` after ${p.asMuchAs.up ? 'rising' : 'falling'} as much as ${F.pct(p.asMuchAs.pct)}` : '';
    const closed = roundsToZero(p.changePct) ? `closed slightly ${up ? 'higher' : 'lower'}` : `closed ${dir} ${F.pct(p.changePct)}`;
    day = `${it} ${closed} at ${F.num(p.close)}${pts ? `, a ${up ? 'gain' : 'loss'} of ${F.num(pts)} points` : ''}${amm}.`;
  }
  const ctx = p.context.map((c) =>
    c.t === 'below_high'
      ? `about ${F.pct(c.pct)} below its ${F.monthYear(c.date, year)} high`
      : p.historyFrom
        ? `about ${F.pct(c.pct)} below its highest close in data going back to ${F.month(p.historyFrom)}, set ${c.date.dateParts?.[0] === year ? 'in' : 'on'} ${F.monthYear(c.date, year)}`
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
  // Consecutive "It was the index's ..." sentences make one: "It was the stock's best week since ..., its fourth
  // straight gain and its fourth straight weekly gain."
  {
    const head = `It was ${its} `;
    const merged: string[] = [];
    let run: string[] = [];
    const close = () => {
      if (run.length === 1) merged.push(`${head}${run[0]}.`);
      else if (run.length > 1) merged.push(`${head}${run.slice(0, -1).join(', its ')} and its ${run[run.length - 1]}.`);
      run = [];
    };
    for (const t of moreText) {
      if (t.startsWith(head) && !t.includes(' and its ')) run.push(t.slice(head.length, -1));
      else (close(), merged.push(t));
    }
    close();
    moreText.splice(0, moreText.length, ...merged);
  }
  // The year's gains wiped out (losses restored): "The drop wiped out the index's gains for the year, leaving it down
  // 1.5% in 2025."
  if (p.yearToDate) {
    const y = p.yearToDate;
    const where = y.pct.value === 0 ? 'unchanged' : roundsToZero(y.pct) ? `slightly ${y.pct.value > 0 ? 'higher' : 'lower'}` : `${y.pct.value > 0 ? 'up' : 'down'} ${F.pct(y.pct)}`;
    moreText.push(`The ${y.wiped ? 'drop wiped out' : 'gain erased'} ${its} ${y.wiped ? 'gains' : 'losses'} for the year, leaving it ${where} in ${year}.`);
  }
  // Figures, then context, each its own paragraph on a day that is news; one paragraph on a quiet day.
  if (p.weight === 'quiet') paragraphs.push([day, ...context, ...moreText].filter((x) => x !== '').join(' '));
  else {
    if (day !== '') paragraphs.push(day);
    if (context.length + moreText.length > 0) paragraphs.push([...moreText, ...context].join(' '));
  }

  const heavy: string[] = [];
  if (p.contributors.length > 0) {
    const resp = p.contributors.length > 1 ? ', respectively' : '';
    const what = up ? 'added the most points to the index' : 'took the most points off the index';
    const names = listNames(p.contributors);
    heavy.push(p.contributionsFromReplica ? `In Indexwire's replica of the index, ${names} ${what}, ${F.list(p.contributors.map((c) => F.num(c.points)))}${resp}.` : `${cap(names)} ${what}, ${F.list(p.contributors.map((c) => F.num(c.points)))}${resp}.`);
  }
  if (p.marketValue) {
    // where share counts exist (the demo market): "The index's 30 members added a combined HK$12.3 billion in market value."
    const mv = p.marketValue;
    heavy.push(`The index's ${F.num(mv.members)} members ${mv.en.value.value > 0 ? 'added' : 'lost'} a combined ${mv.currency.en}${F.num(mv.en.value)} ${mv.en.unit} in market value.`);
  }
  const breadth: string[] = [];
  const movers: string[] = [];
  const [leader, ...rest] = p.withMove;
  const side = up ? 'gainers' : 'decliners';
  if (leader) {
    movers.push(
      up
        ? `${nm(leader, true)} led the gainers, ${p.asOf ? leaderMoveEn(true, F.pct(leader.changePct)) : `closing up ${F.pct(leader.changePct)}`} after rising as much as ${F.pct(leader.asMuchAsPct)}.`
        : `${nm(leader, true)} led the decliners, ${p.asOf ? leaderMoveEn(false, F.pct(leader.changePct)) : `closing down ${F.pct(leader.changePct)}`} after falling as much as ${F.pct(leader.asMuchAsPct)}.`,
    );
  }
  if (rest.length > 0) {
    const verb = up ? 'rising' : 'falling';
    const resp = rest.length > 1 ? ', respectively' : '';
    movers.push(
      `${cap(listNames(rest))} ${rest.length > 1 ? 'were' : 'was'} also among the top ${side}, ${verb} as much as ${F.list(rest.map((m) => F.pct(m.asMuchAsPct)))}${resp}.`,
    );
  }
  if (p.against.length > 0) {
    const resp = p.against.length > 1 ? ', respectively' : '';
    movers.push(
      up
        ? `${cap(listNames(p.against))} fell the most, losing ${F.list(p.against.map((m) => F.pct(m.changePct)))}${resp}.`
        : `${cap(listNames(p.against))} rose the most, gaining ${F.list(p.against.map((m) => F.pct(m.changePct)))}${resp}.`,
    );
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
    if (all) breadth.push(b.total.value === 2 ? `Both members ${all[1]}.` : `All ${F.num(b.total)} members ${all[1]}.`);
    else if (parts.length > 0) breadth.push(`Of the ${F.num(b.total)} members, ${F.list(parts)}.`);
  }
  // The heavyweights that moved the index come before the biggest percentage movers; breadth is its own paragraph
  // on a major day.
  if (p.weight === 'quiet') {
    // a quiet day: one paragraph for the members
    if (heavy.length + movers.length + breadth.length > 0) paragraphs.push([...heavy, ...movers, ...breadth].join(' '));
  } else if (heavy.length > 0) paragraphs.push(heavy.join(' '));
  if (p.weight === 'quiet') {
    // said above
  } else if (p.weight === 'major') {
    if (movers.length > 0) paragraphs.push(movers.join(' '));
    if (breadth.length > 0) paragraphs.push(breadth.join(' '));
  } else if (movers.length + breadth.length > 0) paragraphs.push([...movers, ...breadth].join(' '));
  if (p.catalyst) paragraphs.push(catalystEn(p.catalyst, F, p.session));
  return { title, paragraphs };
}

function moreSentence(f: FactLine, it: string, its: string, refDay: (e: LedgerEntry) => string, hf: string | null, sy: number | undefined): string {
  switch (f.t) {
    case 'shape':
      return ''; // said with the figures
    case 'regime': {
      if (f.basis === 'intraday') {
        return f.type === 'bull_market'
          ? `During the session it rose ${regimeDistance(f, F, 'en')} above its ${refDay(f.refDate)} low, technical bull territory, before paring gains.`
          : `During the session it fell ${regimeDistance(f, F, 'en')} below its ${refDay(f.refDate)} high, bear market territory, before paring losses.`;
      }
      if (f.type === 'bull_market') return `${it} entered a technical bull market, closing ${regimeDistance(f, F, 'en')} above its ${refDay(f.refDate)} low.`;
      return `${it} ${f.type === 'bear_market' ? 'fell into a bear market' : 'entered a correction'}, closing ${regimeDistance(f, F, 'en')} below its ${refDay(f.refDate)} high.`;
    }
    case 'record_move':
      return `It was ${its} ${hf ? `${SINCE_EN[f.what]} since at least ${hf}` : `${{ biggest_gain: 'best day', biggest_loss: 'worst day', best_week: 'best week', worst_week: 'worst week' }[f.what]} on record`}.`;
    case 'record':
      return hf ? `It was the ${f.high ? 'highest' : 'lowest'} close in data going back to ${hf}.` : `It was a record ${f.high ? 'high' : 'low'} close.`;
    case 'since':
      if (f.what === 'highest' || f.what === 'lowest') return `It was ${its} ${f.what} close since ${F.since(f.since, sy)}.`;
      return `It was ${its} ${SINCE_EN[f.what]} since ${F.since(f.since, sy)}.`;
    case 'period':
      return f.weeks ? `It was a ${F.num(f.weeks)}-week ${f.high ? 'high' : 'low'}.` : `It was ${its} ${f.high ? 'highest' : 'lowest'} close of ${F.year(f.year as LedgerEntry)}.`;
    case 'streak':
      return `It was ${its} ${ordinalEn(f.count)} straight ${f.weeks ? 'weekly ' : ''}${f.up ? 'gain' : 'loss'}${f.longestSince ? `, the longest run since ${F.since(f.longestSince, sy)}` : ''}.`;
  }
}
