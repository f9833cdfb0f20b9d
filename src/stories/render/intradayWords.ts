import type { LedgerEntry } from '../../domain/story.js';
import type { StoryPlan } from '../select/planTypes.js';
import { formattersFor } from './formatters.js';
import { regimeDistance, roundsToZero } from './renderedText.js';

/**
 * The words of a story written during trading (the live desk's flash and updates, `plan.asOf` set), in English
 * and Traditional Chinese: the headline, the lede, the day's sentence and the leading mover's clause, where a
 * story written after the close says "closed". Same plan, same ledger: numbers only through the formatters.
 */
const EN = formattersFor('en');
const ZH = formattersFor('zh-Hant');

type AsOf = NonNullable<StoryPlan['asOf']>;
const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/** `10:02 a.m.` / `2:05 p.m.` from the ledger time entry (parts: hour, 12-hour clock hour, minute). */
export function clockEn(t: LedgerEntry): string {
  const [h, h12, m] = t.dateParts ?? [];
  return `${h12 ?? 0}:${two(m)} ${(h ?? 0) < 12 ? 'a.m.' : 'p.m.'}`;
}

/** `上午10時02分` / `下午2時05分`. */
export function clockZh(t: LedgerEntry): string {
  const [h, h12, m] = t.dateParts ?? [];
  return `${(h ?? 0) < 12 ? '上午' : '下午'}${h12 ?? 0}時${two(m)}分`;
}

/** `at 10:02 a.m. Hong Kong time` while trading; `at the midday break` at lunch. */
export const whenEn = (a: AsOf): string => (a.phase === 'lunch' ? 'at the midday break' : `at ${clockEn(a.time)} Hong Kong time`);

/** English headline during trading. */
export function intradayHeadlineEn(p: StoryPlan, name: string): string {
  const l = p.lead;
  const y = p.session.dateParts?.[0];
  if (l) {
    switch (l.t) {
      case 'regime':
        return l.type === 'bull_market' ? `${name} enters technical bull territory` : l.type === 'bear_market' ? `${name} falls into bear territory` : `${name} enters correction territory`;
      case 'record':
        return p.historyFrom ? `${name} hits ${l.high ? 'highest' : 'lowest'} in data since ${EN.monthYear(p.historyFrom)}` : `${name} hits record ${l.high ? 'high' : 'low'}`;
      case 'since':
        if (l.what === 'highest') return `${name} rises to highest since ${EN.since(l.since, y)}`;
        if (l.what === 'lowest') return `${name} falls to lowest since ${EN.since(l.since, y)}`;
        return `${name} heads for ${SINCE_EN[l.what]} since ${EN.since(l.since, y)}`;
      case 'period':
        return `${name} hits ${l.weeks ? `${EN.num(l.weeks)}-week` : EN.year(l.year as LedgerEntry)} ${l.high ? 'high' : 'low'}`;
      case 'streak':
        break;
    }
  }
  if (!p.changePct || p.changePct.value === 0) return `${name} flat in trading`;
  if (roundsToZero(p.changePct)) return `${name} edges ${p.changePct.value > 0 ? 'up' : 'down'}`;
  return `${name} ${p.changePct.value > 0 ? 'rises' : 'falls'} ${EN.pct(p.changePct)}`;
}

const SINCE_EN = { biggest_gain: 'biggest one-day gain', biggest_loss: 'biggest one-day drop', best_week: 'best week', worst_week: 'worst week' } as const;
const SINCE_ZH = { biggest_gain: '最大單日升幅', biggest_loss: '最大單日跌幅', best_week: '最佳單週表現', worst_week: '最差單週表現' } as const;

/** English lede during trading: "entered technical bull territory during trading on Friday, rising more than 20% above its January 13 low." */
export function intradayLedeEn(p: StoryPlan, subject: string, on: string, refDay: (e: LedgerEntry) => string): string {
  const l = p.lead;
  const y = p.session.dateParts?.[0];
  if (l) {
    switch (l.t) {
      case 'regime': {
        if (l.type === 'bull_market') return `${subject} entered technical bull territory during trading ${on}, rising ${regimeDistance(l, EN, 'en')} above its ${refDay(l.refDate)} low.`;
        const what = l.type === 'bear_market' ? 'fell into bear territory' : 'entered correction territory';
        return `${subject} ${what} during trading ${on}, falling ${regimeDistance(l, EN, 'en')} below its ${refDay(l.refDate)} high.`;
      }
      case 'record':
        return p.historyFrom
          ? `${subject} ${l.high ? 'rose' : 'fell'} to its ${l.high ? 'highest' : 'lowest'} level in data going back to ${EN.monthYear(p.historyFrom)} during trading ${on}.`
          : `${subject} ${l.high ? 'rose to a record high' : 'fell to a record low'} during trading ${on}.`;
      case 'since':
        if (l.what === 'highest' || l.what === 'lowest') return `${subject} ${l.what === 'highest' ? 'rose' : 'fell'} to its ${l.what} level since ${EN.since(l.since, y)} during trading ${on}.`;
        return `${subject} was heading for its ${SINCE_EN[l.what]} since ${EN.since(l.since, y)} ${on}.`;
      case 'period':
        return l.weeks
          ? `${subject} ${l.high ? 'rose' : 'fell'} to a ${EN.num(l.weeks)}-week ${l.high ? 'high' : 'low'} during trading ${on}.`
          : `${subject} ${l.high ? 'rose' : 'fell'} to its ${l.high ? 'highest' : 'lowest'} level of ${EN.year(l.year as LedgerEntry)} during trading ${on}.`;
      case 'streak':
        break;
    }
  }
  if (!p.changePct || p.changePct.value === 0) return `${subject} was little changed during trading ${on}.`;
  if (roundsToZero(p.changePct)) return `${subject} edged ${p.changePct.value > 0 ? 'up' : 'down'} during trading ${on}.`;
  return `${subject} was ${p.changePct.value > 0 ? 'up' : 'down'} ${EN.pct(p.changePct)} during trading ${on}.`;
}

/** English day sentence during trading: "The index rose as much as 2.9% and was up 1.6% at 5,140.12 at 10:02 a.m. Hong Kong time, a gain of 80.74 points." */
export function intradayDayEn(p: StoryPlan, it: string): string {
  const a = p.asOf as AsOf;
  const when = whenEn(a);
  if (!p.changePct) return `${it} was at ${EN.num(p.close)} ${when}.`;
  if (p.changePct.value === 0) return `${it} was unchanged at ${EN.num(p.close)} ${when}.`;
  const up = p.changePct.value > 0;
  const pts = p.changePoints && p.kind === 'index' ? `, a ${up ? 'gain' : 'loss'} of ${EN.num(p.changePoints)} points` : '';
  const amm = p.asMuchAs ? `${p.asMuchAs.up ? 'rose' : 'fell'} as much as ${EN.pct(p.asMuchAs.pct)} and ` : '';
  const was = roundsToZero(p.changePct) ? `was slightly ${up ? 'higher' : 'lower'}` : `was ${up ? 'up' : 'down'} ${EN.pct(p.changePct)}`;
  return `${it} ${amm}${was} at ${EN.num(p.close)} ${when}${pts}.`;
}

/** Chinese headline during trading. */
export function intradayHeadlineZh(p: StoryPlan, name: string, recordWord: string): string {
  const l = p.lead;
  const y = p.session.dateParts?.[0];
  if (l) {
    switch (l.t) {
      case 'regime':
        return `${name}盤中${l.type === 'bull_market' ? '進入技術性牛市' : l.type === 'bear_market' ? '跌入熊市' : '進入調整區間'}`;
      case 'record':
        return `${name}盤中創${recordWord}新${l.high ? '高' : '低'}`;
      case 'since':
        if (l.what === 'highest' || l.what === 'lowest') return `${name}盤中創${ZH.since(l.since, y)}以來新${l.what === 'highest' ? '高' : '低'}`;
        return `${name}有望錄${ZH.since(l.since, y)}以來${SINCE_ZH[l.what]}`;
      case 'period':
        return `${name}盤中創${l.weeks ? `${ZH.num(l.weeks)}週` : ZH.year(l.year as LedgerEntry)}新${l.high ? '高' : '低'}`;
      case 'streak':
        break;
    }
  }
  if (!p.changePct || p.changePct.value === 0) return `${name}盤中持平`;
  if (roundsToZero(p.changePct)) return `${name}盤中微${p.changePct.value > 0 ? '升' : '跌'}`;
  return `${name}盤中${p.changePct.value > 0 ? '升' : '跌'}${ZH.pct(p.changePct)}`;
}

/** Chinese lede during trading: 恒生科技指數星期五（2月7日）盤中較1月13日低位高出逾20%，進入技術性牛市。 */
export function intradayLedeZh(p: StoryPlan, name: string, when: string, refDay: (e: LedgerEntry) => string, recordWord: string): string {
  const l = p.lead;
  const y = p.session.dateParts?.[0];
  if (l) {
    switch (l.t) {
      case 'regime': {
        if (l.type === 'bull_market') return `${name}${when}盤中較${refDay(l.refDate)}低位高出${regimeDistance(l, ZH, 'zh-Hant')}，進入技術性牛市。`;
        return `${name}${when}盤中較${refDay(l.refDate)}高位低${regimeDistance(l, ZH, 'zh-Hant')}，${l.type === 'bear_market' ? '跌入熊市' : '進入調整區間'}。`;
      }
      case 'record':
        return `${name}${when}盤中創${recordWord}新${l.high ? '高' : '低'}。`;
      case 'since':
        if (l.what === 'highest' || l.what === 'lowest') return `${name}${when}盤中創${ZH.since(l.since, y)}以來新${l.what === 'highest' ? '高' : '低'}。`;
        return `${name}${when}有望錄得${ZH.since(l.since, y)}以來${SINCE_ZH[l.what]}。`;
      case 'period':
        return `${name}${when}盤中創${l.weeks ? `${ZH.num(l.weeks)}週` : ZH.year(l.year as LedgerEntry)}新${l.high ? '高' : '低'}。`;
      case 'streak':
        break;
    }
  }
  if (!p.changePct || p.changePct.value === 0) return `${name}${when}盤中持平。`;
  if (roundsToZero(p.changePct)) return `${name}${when}盤中微${p.changePct.value > 0 ? '升' : '跌'}。`;
  return `${name}${when}盤中${p.changePct.value > 0 ? '升' : '跌'}${ZH.pct(p.changePct)}。`;
}

/** `截至上午10時02分` while trading; `半日` at lunch. */
export const whenZh = (a: AsOf): string => (a.phase === 'lunch' ? '半日' : `截至${clockZh(a.time)}`);

/** Chinese day sentence during trading: 指數盤中最多升2.9%，截至上午10時02分升1.6%，報5,140.12點，升80.74點。 */
export function intradayDayZh(p: StoryPlan, it: string, level: (e: LedgerEntry) => string): string {
  const a = p.asOf as AsOf;
  const when = whenZh(a);
  if (!p.changePct) return `${it}${when}報${level(p.close)}。`;
  if (p.changePct.value === 0) return `${it}${when}持平，報${level(p.close)}。`;
  const up = p.changePct.value > 0;
  const rise = (u: boolean) => (u ? '升' : '跌');
  const amm = p.asMuchAs ? `盤中最多${rise(p.asMuchAs.up)}${ZH.pct(p.asMuchAs.pct)}，` : '';
  const move = p.changePoints && p.kind === 'index' ? `，${rise(up)}${ZH.num(p.changePoints)}點` : '';
  const was = roundsToZero(p.changePct) ? `${when}微${rise(up)}` : `${when}${rise(up)}${ZH.pct(p.changePct)}`;
  return `${it}${amm}${was}，報${level(p.close)}${move}。`;
}

/** The leading mover's clause: `up 14.8%` (en) during trading, where the close says `closing up 14.8%`. */
export const leaderMoveEn = (up: boolean, pct: string): string => `${up ? 'up' : 'down'} ${pct}`;
/** `現升14.8%` while trading, `半日升14.8%` at lunch. */
export const leaderMoveZh = (a: AsOf, up: boolean, pct: string): string => `${a.phase === 'lunch' ? '半日' : '現'}${up ? '升' : '跌'}${pct}`;
