import type { LedgerEntry } from '../../domain/story.js';
import type { FactLine, MoveWhat, ShapeLine, StoryPlan } from '../select/planTypes.js';
import { formattersFor } from './formatters.js';
import { regimeDistance, roundsToZero } from './renderedText.js';

const F = formattersFor('en');

/** What the lede already said, so the figures paragraph never says it again. */
export interface LedeSaid {
  readonly change: boolean;
  readonly asMuchAs: boolean;
}

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
/** `5` -> `fifth`; from 11 on, digits (`11th`), as AP style. */
export function ordinalEn(e: LedgerEntry): string {
  const n = Math.round(e.value);
  if (n >= 1 && n <= 10) return ORDINALS[n] as string;
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${F.num(e)}${tail}`;
}

/** The verb of a move by its size: rose / jumped / soared, fell / tumbled / plunged. */
export function moveVerbEn(pct: LedgerEntry, past = true): string {
  const a = Math.abs(pct.value);
  const up = pct.value >= 0;
  if (roundsToZero(pct)) return past ? (up ? 'edged up' : 'edged down') : up ? 'edges up' : 'edges down';
  if (a >= 10) return past ? (up ? 'soared' : 'plunged') : up ? 'soars' : 'plunges';
  if (a >= 4) return past ? (up ? 'jumped' : 'tumbled') : up ? 'jumps' : 'tumbles';
  return past ? (up ? 'rose' : 'fell') : up ? 'rises' : 'falls';
}

const MOVE_NOUN: Record<MoveWhat, string> = { biggest_gain: 'best day', biggest_loss: 'worst day', best_week: 'best week', worst_week: 'worst week' };
const MOVE_SINCE: Record<MoveWhat, string> = { biggest_gain: 'biggest one-day gain', biggest_loss: 'biggest one-day drop', best_week: 'best week', worst_week: 'worst week' };

/** "its worst day on record" or, when the data do not cover the series' whole history, "its biggest one-day drop since at least January 2015". */
function recordMove(p: StoryPlan, what: MoveWhat): string {
  return p.historyFrom ? `its ${MOVE_SINCE[what]} since at least ${F.month(p.historyFrom)}` : `its ${MOVE_NOUN[what]} on record`;
}

/** The clause a move lead carries: "its worst day on record", "its biggest one-day gain since October 18, 2024". */
function moveClause(p: StoryPlan, l: FactLine | null): string {
  const year = p.session.dateParts?.[0];
  if (l?.t === 'record_move') return recordMove(p, l.what);
  if (l?.t === 'since' && l.what !== 'highest' && l.what !== 'lowest') return `its ${MOVE_SINCE[l.what]} since ${F.since(l.since, year)}`;
  return '';
}

/** "its highest close since February 17, 2022", "a record close", "a 52-week high". */
function levelClause(p: StoryPlan, l: FactLine): string {
  const year = p.session.dateParts?.[0];
  if (l.t === 'since') return `its ${l.what === 'highest' ? 'highest' : 'lowest'} close since ${F.since(l.since, year)}`;
  if (l.t === 'record') return p.historyFrom ? `its ${l.high ? 'highest' : 'lowest'} close since at least ${F.month(p.historyFrom)}` : `a record ${l.high ? 'high' : 'low'}`;
  if (l.t === 'period') return l.weeks ? `a ${F.num(l.weeks)}-week ${l.high ? 'high' : 'low'}` : `its ${l.high ? 'highest' : 'lowest'} close of ${F.year(l.year as LedgerEntry)}`;
  return '';
}

/** "entering technical bull territory, more than 20% above its January 13 low" as a participle clause. */
function regimeClause(l: Extract<FactLine, { t: 'regime' }>, refDay: (e: LedgerEntry) => string, sending: boolean): string {
  if (l.basis === 'intraday') {
    return l.type === 'bull_market'
      ? `briefly rising ${regimeDistance(l, F, 'en')} above its ${refDay(l.refDate)} low, technical bull territory, during trading`
      : `at one point ${regimeDistance(l, F, 'en')} below its ${refDay(l.refDate)} high, bear market territory`;
  }
  const into = l.type === 'bull_market' ? 'technical bull territory' : l.type === 'bear_market' ? 'a bear market' : 'a correction';
  const where = l.type === 'bull_market' ? `${regimeDistance(l, F, 'en')} above its ${refDay(l.refDate)} low` : `${regimeDistance(l, F, 'en')} below its ${refDay(l.refDate)} high`;
  return sending && l.type === 'bear_market' ? `sending it into a bear market, ${where}` : `entering ${into}, ${where}`;
}

/** "its fifth straight weekly gain, the longest run since January 2023". */
function streakClause(p: StoryPlan, l: Extract<FactLine, { t: 'streak' }>): string {
  const what = l.weeks ? `weekly ${l.up ? 'gain' : 'loss'}` : l.up ? 'gain' : 'loss';
  const longest = l.longestSince ? `, the longest run since ${F.since(l.longestSince, p.session.dateParts?.[0])}` : '';
  return `its ${ordinalEn(l.count)} straight ${what}${longest}`;
}

/** "and its highest close since August 30, 2023" / "closing at a record high". */
function levelAlso(p: StoryPlan, l: FactLine): string {
  const c = levelClause(p, l);
  return c.startsWith('its ') ? `and ${c}` : `closing at ${c}`;
}

/**
 * The end of a reversal's sentence: "rebounding to close up 2.6%", "erasing its gains to close down 0.4%"
 * ("to close slightly higher" when the move prints as 0.0%).
 */
export function shapeCloseEn(l: ShapeLine, c: LedgerEntry): string {
  const close = roundsToZero(c) ? `close slightly ${l.rebound ? 'higher' : 'lower'}` : `close ${l.rebound ? 'up' : 'down'} ${F.pct(c)}`;
  return `${l.rebound ? 'rebounding' : 'erasing its gains'} to ${close}`;
}

function alsoClause(p: StoryPlan, l: FactLine, refDay: (e: LedgerEntry) => string, afterMove: boolean): string {
  switch (l.t) {
    case 'shape':
      return '';
    case 'regime':
      return regimeClause(l, refDay, afterMove);
    case 'streak':
      return streakClause(p, l);
    case 'record_move':
    case 'since':
      if (l.t === 'record_move' || (l.what !== 'highest' && l.what !== 'lowest')) return moveClause(p, l);
      return levelAlso(p, l);
    case 'record':
    case 'period':
      return levelAlso(p, l);
  }
}

/**
 * The lede: the rarest fact of the day in the first sentence, with the day's move and one related fact merged
 * into the same clause. Returns the sentence and what it said.
 * @example ledeEn(plan).text // 'The Hang Seng Tech Index plunged 17.2% on Monday, its worst day on record, sending it into a bear market, ...'
 */
export function ledeEn(p: StoryPlan, subject: string, refDay: (e: LedgerEntry) => string): { text: string; said: LedeSaid } {
  const on = `on ${F.weekday(p.session)}`;
  const l = p.lead;
  const c = p.changePct;
  const also = p.leadAlso;
  const moved = c ? `${moveVerbEn(c)}${roundsToZero(c) || c.value === 0 ? '' : ` ${F.pct(c)}`}` : null;
  const tail = (t: string) => (t === '' ? '' : `, ${t}`);
  if (l?.t === 'regime' && l.basis === 'close') {
    const into = l.type === 'bull_market' ? 'technical bull territory' : l.type === 'bear_market' ? 'a bear market' : 'a correction';
    const where = l.type === 'bull_market' ? `${regimeDistance(l, F, 'en')} above its ${refDay(l.refDate)} low` : `${regimeDistance(l, F, 'en')} below its ${refDay(l.refDate)} high`;
    if (p.asMuchAs && p.asMuchAs.up === (l.type === 'bull_market')) {
      return { text: `${subject} ${p.asMuchAs.up ? 'rose' : 'fell'} as much as ${F.pct(p.asMuchAs.pct)} ${on} and closed ${where}, entering ${into}.`, said: { change: false, asMuchAs: true } };
    }
    if (moved) return { text: `${subject} ${moved} ${on}, closing ${where} and entering ${into}.`, said: { change: true, asMuchAs: false } };
  }
  if (l?.t === 'regime') {
    // an intraday crossing: the close did not confirm it
    return { text: `${subject} ${moved ?? 'traded'} ${on}, ${regimeClause(l, refDay, false)}.`, said: { change: moved !== null, asMuchAs: false } };
  }
  if (!moved || !c) return { text: `${subject} closed at ${F.num(p.close)} ${on}.`, said: { change: true, asMuchAs: false } };
  if (c.value === 0) return { text: `${subject} was unchanged ${on}.`, said: { change: true, asMuchAs: false } };
  if (l?.t === 'shape') {
    // the session's shape is the news: "fell as much as 6.0% on Wednesday before rebounding to close up 2.6%"
    return { text: `${subject} ${l.rebound ? 'fell' : 'rose'} as much as ${F.pct(l.extremePct)} ${on} before ${shapeCloseEn(l, c)}.`, said: { change: true, asMuchAs: false } };
  }
  if (p.leadKind === 'big_move' || l?.t === 'record_move' || (l?.t === 'since' && l.what !== 'highest' && l.what !== 'lowest')) {
    return { text: `${subject} ${moved} ${on}${tail(moveClause(p, l))}${also ? tail(alsoClause(p, also, refDay, true)) : ''}.`, said: { change: true, asMuchAs: false } };
  }
  if (l && (l.t === 'since' || l.t === 'record' || l.t === 'period')) {
    return { text: `${subject} ${moved} ${on} to ${levelClause(p, l)}${also ? tail(alsoClause(p, also, refDay, false)) : ''}.`, said: { change: true, asMuchAs: false } };
  }
  if (l?.t === 'streak') {
    if (l.weeks) {
      return { text: `${subject} ended the week ${l.up ? 'higher' : 'lower'} ${on}, ${streakClause(p, l)}${also ? tail(alsoClause(p, also, refDay, false)) : ''}.`, said: { change: false, asMuchAs: false } };
    }
    return { text: `${subject} ${moved} ${on}, ${streakClause(p, l)}${also ? tail(alsoClause(p, also, refDay, false)) : ''}.`, said: { change: true, asMuchAs: false } };
  }
  return { text: `${subject} ${moved} ${on}.`, said: { change: true, asMuchAs: false } };
}

/** The headline follows the lede's choice: the rarest fact, with the move when the move is the news. */
export function headlineEn(p: StoryPlan, name: string): string {
  const l = p.lead;
  const c = p.changePct;
  const year = p.session.dateParts?.[0];
  const moved = c && !roundsToZero(c) && c.value !== 0 ? `${moveVerbEn(c, false)} ${F.pct(c)}` : null;
  if (l) {
    switch (l.t) {
      case 'regime':
        if (l.type === 'bull_market') return `${name} enters technical bull market${l.basis === 'intraday' ? ' during trading' : ''}`;
        if (l.type === 'bear_market') return `${name} ${l.basis === 'intraday' ? 'falls into bear territory during trading' : 'falls into bear market'}`;
        return `${name} enters correction territory`;
      case 'record_move':
        if (moved) return p.historyFrom ? `${name} ${moved}, ${MOVE_SINCE[l.what]} since at least ${F.year(p.historyFrom)}` : `${name} ${moved} in ${MOVE_NOUN[l.what]} on record`;
        break;
      case 'record':
        return p.historyFrom ? `${name} closes at ${l.high ? 'highest' : 'lowest'} since at least ${F.month(p.historyFrom)}` : `${name} closes at record ${l.high ? 'high' : 'low'}`;
      case 'since':
        if (l.what === 'highest' || l.what === 'lowest') return `${name} closes at ${l.what} since ${F.since(l.since, year)}`;
        if (moved) return `${name} ${moved}, ${MOVE_SINCE[l.what]} since ${F.since(l.since, year)}`;
        return `${name} posts ${MOVE_SINCE[l.what]} since ${F.since(l.since, year)}`;
      case 'period':
        return `${name} hits ${l.weeks ? `${F.num(l.weeks)}-week` : F.year(l.year as LedgerEntry)} ${l.high ? 'high' : 'low'}`;
      case 'shape':
        if (c && c.value !== 0) {
          const close = roundsToZero(c) ? `closes ${l.rebound ? 'higher' : 'lower'}` : `closes ${l.rebound ? 'up' : 'down'} ${F.pct(c)}`;
          return l.rebound ? `${name} recovers from ${F.pct(l.extremePct)} intraday drop, ${close}` : `${name} gives up ${F.pct(l.extremePct)} intraday gain, ${close}`;
        }
        break;
      case 'streak':
        return l.weeks
          ? `${name} posts ${ordinalEn(l.count)} straight weekly ${l.up ? 'gain' : 'loss'}`
          : `${name} ${l.up ? 'rises' : 'falls'} for ${ordinalEn(l.count)} straight session`;
    }
  }
  if (!c) return `${name} closes at ${F.num(p.close)}`;
  if (c.value === 0) return `${name} closes unchanged`;
  return `${name} ${moveVerbEn(c, false)}${roundsToZero(c) ? '' : ` ${F.pct(c)}`}`;
}
