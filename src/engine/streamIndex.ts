import { dateOfDayKey } from '../core/dayKey.js';
import type { SecurityId, SessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { CloseSeries } from '../domain/barColumns.js';
import type { IndexSession } from '../domain/indexLevel.js';
import type { IndexInput } from '../domain/indexRun.js';
import type { Methodology } from '../domain/methodology.js';
import { InvariantError } from '../core/errors.js';
import { IndexCalculator } from './IndexCalculator.js';
import { ReviewPlanner } from './review/ReviewPlanner.js';
import { fitReviewWeights } from './replica/fitReviewWeights.js';
import { dayKey, unionKeys } from './calc/unionSessions.js';
import { checkBaseDate } from './methodology/checkBaseDate.js';

/** The engine input with closes as columns (no object per bar). */
export interface IndexColumnsInput extends Omit<IndexInput, 'bars'> {
  /** Day keys and closes by symbol, ascending (members and, for `fit`, the target series). */
  readonly closes: ReadonlyMap<SecurityId, CloseSeries>;
  /** The same data as bars: only the `fit` scheme reads them (to calibrate its weights). */
  readonly bars?: ReadonlyMap<SecurityId, readonly Bar[]>;
}

export interface StreamOptions {
  /** Per-constituent detail in every session (default true); false gives levels only, faster. */
  readonly detail?: boolean;
}

/** Sessions one at a time; `issues` is complete once `sessions` has been iterated to the end. */
export interface IndexStream {
  readonly methodology: Methodology;
  /** Every session from the base date (limited to from..to), computed as it is read; iterate once. */
  readonly sessions: Iterable<IndexSession>;
  readonly issues: string[];
}

/**
 * The engine over close columns, one session at a time (the batch `buildIndex` collects it): a caller that writes
 * each session as it comes never holds the whole history. Levels are computed from the base date;
 * `input.from`/`to` only limit the sessions yielded. Sessions are `input.sessions` or the union of the universe's
 * dates. Prices are closes.
 * @throws ConfigError for an infeasible cap or missing weights (while iterating); InvariantError for `fit`
 * without `input.bars`.
 */
export function streamIndex(methodology: Methodology, input: IndexColumnsInput, opts: StreamOptions = {}): IndexStream {
  const issues: string[] = [];
  const planner = new ReviewPlanner(methodology, input.members, input.securities, methodology.weighting.scheme === 'fit' ? [] : undefined);
  const universe = planner.universeSymbols() ?? new Set(input.securities?.keys() ?? []);
  const symbols = [...universe].sort();
  const empty: CloseSeries = { keys: new Int32Array(0), close: new Float64Array(0) };
  const seriesOf = symbols.map((s) => input.closes.get(s) ?? empty);
  for (let j = 0; j < symbols.length; j++) if ((seriesOf[j] as CloseSeries).keys.length === 0) issues.push(`${symbols[j]}: no bars`);
  let sessionKeys: Int32Array;
  let sessions: SessionDate[];
  if (input.sessions) {
    sessions = [...input.sessions];
    sessionKeys = Int32Array.from(sessions, dayKey);
  } else {
    sessionKeys = unionKeys(seriesOf.map((s) => s.keys));
    sessions = Array.from(sessionKeys, dateOfDayKey);
  }
  checkBaseDate(methodology, sessions);
  let givenWeights;
  if (methodology.weighting.scheme === 'fit') {
    if (!input.bars) throw new InvariantError(`${methodology.code}: the fit scheme needs the bars, not only closes`);
    const fit = fitReviewWeights(methodology, { ...input, bars: input.bars }, sessions);
    givenWeights = fit.given;
    issues.push(...fit.notes);
  }
  const calc = new IndexCalculator(methodology, {
    ...(input.members ? { members: input.members } : {}),
    ...(input.securities ? { securities: input.securities } : {}),
    ...(input.actions ? { actions: input.actions } : {}),
    ...(input.shareChanges ? { shareChanges: input.shareChanges } : {}),
    ...(givenWeights ? { givenWeights } : {}),
    detail: opts.detail ?? true,
  });
  calc.register(symbols);
  const slotSymbols = calc.symbols;
  const nSlots = slotSymbols.length;
  const col = new Map<SecurityId, number>(slotSymbols.map((s, i) => [s, i]));
  const nS = sessions.length;
  const matrix = new Float64Array(nS * Math.max(nSlots, 1)).fill(NaN);
  for (let j = 0; j < symbols.length; j++) {
    const c = col.get(symbols[j] as SecurityId) as number;
    const { keys, close } = seriesOf[j] as CloseSeries;
    let t = 0;
    for (let i = 0; i < keys.length; i++) {
      const x = keys[i] as number;
      while (t < nS && (sessionKeys[t] as number) < x) t++;
      if (t < nS && sessionKeys[t] === x) matrix[t * nSlots + c] = close[i] as number;
    }
  }
  function* run(): Generator<IndexSession> {
    let computed = 0, yielded = 0;
    for (let t = 0; t < nS; t++) {
      const date = sessions[t] as SessionDate;
      const s = calc.updateRow(date, matrix.subarray(t * nSlots, (t + 1) * nSlots));
      if (s) computed++;
      if (s && (input.from === undefined || date >= input.from) && (input.to === undefined || date <= input.to)) {
        yielded++;
        yield s;
      }
    }
    if (computed === 0) issues.push(`no session on or after the base date ${methodology.baseDate} in the data`);
    else if (yielded === 0) {
      issues.push(
        `no session between ${input.from ?? 'the base date'} and ${input.to ?? 'the end of the data'} (${computed} sessions computed from the base date ${methodology.baseDate})`,
      );
    }
    issues.push(...calc.issues);
  }
  return { methodology, sessions: run(), issues };
}
