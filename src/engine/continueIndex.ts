import type { SecurityId, SessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { IndexSession } from '../domain/indexLevel.js';
import type { IndexInput } from '../domain/indexRun.js';
import type { Methodology } from '../domain/methodology.js';
import { unionSessions } from './calc/unionSessions.js';
import { IndexCalculator, type CalculatorState } from './IndexCalculator.js';
import { fitReviewWeights } from './replica/fitReviewWeights.js';
import { ReviewPlanner, type GivenWeights } from './review/ReviewPlanner.js';
import { isReviewSession } from './review/isReviewSession.js';
import { checkBaseDate } from './methodology/checkBaseDate.js';

/** Where an index stopped: the calculator's state after `date`, and the fitted weights it was built with. */
export interface IndexCheckpoint {
  readonly date: SessionDate;
  readonly calculator: CalculatorState;
  /** Weights of the `fit` scheme (fitted once over the data of the full run). */
  readonly givenWeights?: GivenWeights;
}

export interface ContinuedIndex {
  /** Sessions after the checkpoint (every session from the base date without one), with constituents. */
  readonly sessions: IndexSession[];
  /** The state after the last session, or the given checkpoint when there was no new session. */
  readonly checkpoint: IndexCheckpoint | null;
  readonly issues: string[];
}

/**
 * The engine's incremental face: computes the sessions of `input` after `from` (a checkpoint of an earlier run
 * with the same methodology and inputs other than bars), or from the base date when `from` is null, and returns
 * the new checkpoint. Continuing equals computing in one run, session for session (tested).
 * Sessions are the union of the universe's bar dates after the checkpoint; bars before it are not needed
 * (the checkpoint carries the last closes).
 * @throws ConfigError, OutOfOrderError as buildIndex.
 */
export function continueIndex(methodology: Methodology, input: IndexInput, from: IndexCheckpoint | null): ContinuedIndex {
  const issues: string[] = [];
  // The universe and its sessions exactly as buildIndex takes them (the fit target is read, not held).
  const planner = new ReviewPlanner(methodology, input.members, input.securities, methodology.weighting.scheme === 'fit' ? [] : undefined);
  const universe = planner.universeSymbols() ?? new Set(input.securities?.keys() ?? []);
  const symbols = [...universe].sort();
  const seriesOf = symbols.map((s) => input.bars.get(s) ?? []);
  if (from === null) for (let j = 0; j < symbols.length; j++) if ((seriesOf[j] as readonly Bar[]).length === 0) issues.push(`${symbols[j]}: no bars`);
  const all = input.sessions ? [...input.sessions] : unionSessions(seriesOf);
  if (from === null) checkBaseDate(methodology, all);
  const sessions = from === null ? all : all.filter((d) => d > from.date);
  let given = from?.givenWeights;
  if (from === null && methodology.weighting.scheme === 'fit') {
    const fit = fitReviewWeights(methodology, input, all);
    given = fit.given;
    issues.push(...fit.notes);
  }
  const calc = new IndexCalculator(methodology, {
    ...(input.members ? { members: input.members } : {}),
    ...(input.securities ? { securities: input.securities } : {}),
    ...(input.actions ? { actions: input.actions } : {}),
    ...(input.shareChanges ? { shareChanges: input.shareChanges } : {}),
    ...(given ? { givenWeights: given } : {}),
    detail: true,
  });
  calc.register(symbols);
  if (from !== null) calc.restore(from.calculator);
  const byDate = new Map<SessionDate, Map<SecurityId, Bar>>();
  for (let j = 0; j < symbols.length; j++) {
    const s = symbols[j] as SecurityId;
    for (const b of seriesOf[j] as readonly Bar[]) {
      if (from !== null && b.date <= from.date) continue;
      let m = byDate.get(b.date);
      if (!m) byDate.set(b.date, (m = new Map()));
      m.set(s, b);
    }
  }
  const out: IndexSession[] = [];
  let last = from?.date ?? null;
  for (const date of sessions) {
    const s = calc.update({ date, bars: byDate.get(date) ?? new Map() });
    last = date;
    if (s) out.push(s);
  }
  const checkpoint = last === null ? null : { date: last, calculator: calc.snapshot(), ...(given ? { givenWeights: given } : {}) };
  return { sessions: out, checkpoint, issues: [...issues, ...calc.issues] };
}

/**
 * True when a run continued from a checkpoint at `after` up to `to` could differ from a full run: the `fit` scheme
 * fits each review's weights over data around it, so a review after the checkpoint, or a checkpoint before the
 * fit's `postReviewUntil`, needs the full run.
 */
export function needsFullRun(methodology: Methodology, after: SessionDate, newSessions: readonly SessionDate[]): boolean {
  if (methodology.weighting.scheme !== 'fit') return false;
  const until = methodology.weighting.fit?.postReviewUntil;
  if (until !== undefined && after < until) return true;
  let prev: SessionDate = after;
  for (const d of newSessions) {
    if (isReviewSession(methodology.reviews, prev, d)) return true;
    prev = d;
  }
  return false;
}
