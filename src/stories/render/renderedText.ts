import { roundHalfUp } from '../../core/format.js';
import type { LedgerEntry } from '../../domain/story.js';

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
