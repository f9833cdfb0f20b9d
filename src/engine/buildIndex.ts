import type { SecurityId, SessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { IndexSession } from '../domain/indexLevel.js';
import type { IndexInput, IndexRun } from '../domain/indexRun.js';
import type { Methodology } from '../domain/methodology.js';
import { IndexCalculator } from './IndexCalculator.js';
import { ReviewPlanner } from './review/ReviewPlanner.js';
import { fitReviewWeights } from './replica/fitReviewWeights.js';
import { dayKeys, unionSessions } from './calc/unionSessions.js';
import { checkBaseDate } from './methodology/checkBaseDate.js';

export interface BuildOptions {
  /** Per-constituent detail in every session (default true); false gives levels only, faster. */
  readonly detail?: boolean;
}

/**
 * The batch face of the engine: builds every session of an index from its methodology and data.
 * Levels are computed from the base date; `input.from`/`to` only limit the sessions returned.
 * Sessions are `input.sessions` or the union of the universe's bar dates. Prices are bar closes.
 * @example buildIndex(parseMethodology(yamlText, 'm.yaml'), { bars, members }).sessions.at(-1)?.level
 * @throws ConfigError for an infeasible cap or missing weights; OutOfOrderError for unsorted sessions.
 */
export function buildIndex(methodology: Methodology, input: IndexInput, opts: BuildOptions = {}): IndexRun {
  const issues: string[] = [];
  const planner = new ReviewPlanner(methodology, input.members, input.securities, methodology.weighting.scheme === 'fit' ? [] : undefined);
  const universe = planner.universeSymbols() ?? new Set(input.securities?.keys() ?? []);
  const symbols = [...universe].sort();
  const seriesOf = symbols.map((s) => input.bars.get(s) ?? []);
  for (let j = 0; j < symbols.length; j++) if ((seriesOf[j] as readonly Bar[]).length === 0) issues.push(`${symbols[j]}: no bars`);
  const keysOf = seriesOf.map(dayKeys);
  const sessions = input.sessions ? [...input.sessions] : unionSessions(seriesOf, keysOf);
  checkBaseDate(methodology, sessions);
  let givenWeights;
  if (methodology.weighting.scheme === 'fit') {
    const fit = fitReviewWeights(methodology, input, sessions);
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
  const sessionKeys = dayKeys(sessions.map((date) => ({ date })));
  for (let j = 0; j < symbols.length; j++) {
    const c = col.get(symbols[j] as SecurityId) as number;
    const bars = seriesOf[j] as readonly Bar[];
    const keys = keysOf[j] as Int32Array;
    let t = 0;
    for (let i = 0; i < keys.length; i++) {
      const x = keys[i] as number;
      while (t < nS && (sessionKeys[t] as number) < x) t++;
      if (t < nS && sessionKeys[t] === x) matrix[t * nSlots + c] = (bars[i] as Bar).close;
    }
  }
  const out: IndexSession[] = [];
  let computed = 0;
  for (let t = 0; t < nS; t++) {
    const date = sessions[t] as SessionDate;
    const s = calc.updateRow(date, matrix.subarray(t * nSlots, (t + 1) * nSlots));
    if (s) computed++;
    if (s && (input.from === undefined || date >= input.from) && (input.to === undefined || date <= input.to)) out.push(s);
  }
  if (computed === 0) issues.push(`no session on or after the base date ${methodology.baseDate} in the data`);
  else if (out.length === 0) {
    issues.push(
      `no session between ${input.from ?? 'the base date'} and ${input.to ?? 'the end of the data'} (${computed} sessions computed from the base date ${methodology.baseDate})`,
    );
  }
  return { methodology, sessions: out, issues: [...issues, ...calc.issues] };
}
