import { roundHalfUp } from '../../core/format.js';
import type { LedgerEntry } from '../../domain/story.js';
import type { FactLine } from '../select/planTypes.js';
import type { Formatters } from './formatters.js';

/** A story's text in one language, before front matter. */
export interface RenderedText {
  readonly title: string;
  /** Paragraphs; the first is the lede (front matter `summary`). */
  readonly paragraphs: readonly string[];
}

/** True when a signed ledger value shows a rise. */
export const isUp = (e: LedgerEntry | null): boolean => (e ? e.value >= 0 : true);

/** "more than" applies when the unrounded move is strictly beyond the threshold. */
export const beyond = (pct: LedgerEntry, threshold: LedgerEntry): boolean => Math.abs(pct.value) > threshold.value;

/** True when a non-zero move prints as 0.0% at its decimals: the text says "edged up" / 微升 instead. */
export const roundsToZero = (e: LedgerEntry): boolean => e.value !== 0 && roundHalfUp(Math.abs(e.value), e.dp) === 0;

/**
 * How far a regime line is from its reference, one figure: the threshold ("more than 10%", 逾10%) unless the
 * plan carries the distance because the threshold would understate it (planFacts.ts, UNDERSTATED_POINTS): then
 * the distance in whole percent, "nearly 20%" (近20%) when it rounds up, "about 20%" (約20%) otherwise.
 * @example regimeDistance(correctionAt19_95, EN, 'en') // 'nearly 20%'
 */
export function regimeDistance(l: Extract<FactLine, { t: 'regime' }>, F: Formatters, lang: 'en' | 'zh-Hant'): string {
  const d = l.distance;
  if (d) {
    const nearly = roundHalfUp(Math.abs(d.value), d.dp) > Math.abs(d.value);
    return lang === 'en' ? `${nearly ? 'nearly' : 'about'} ${F.pct(d)}` : `${nearly ? '近' : '約'}${F.pct(d)}`;
  }
  const more = beyond(l.pctFromRef, l.threshold);
  return lang === 'en' ? `${more ? 'more than ' : ''}${F.pct(l.threshold)}` : `${more ? '逾' : ''}${F.pct(l.threshold)}`;
}
