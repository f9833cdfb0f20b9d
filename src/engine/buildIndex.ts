import type { SecurityId } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { CloseSeries } from '../domain/barColumns.js';
import type { IndexInput, IndexRun } from '../domain/indexRun.js';
import type { Methodology } from '../domain/methodology.js';
import { dayKeys } from './calc/unionSessions.js';
import { streamIndex, type IndexColumnsInput, type StreamOptions } from './streamIndex.js';

export type BuildOptions = StreamOptions;

/**
 * The batch face of the engine: builds every session of an index from its methodology and data.
 * Levels are computed from the base date; `input.from`/`to` only limit the sessions returned.
 * Sessions are `input.sessions` or the union of the universe's bar dates. Prices are bar closes.
 * @example buildIndex(parseMethodology(yamlText, 'm.yaml'), { bars, members }).sessions.at(-1)?.level
 * @throws ConfigError for an infeasible cap or missing weights; OutOfOrderError for unsorted sessions.
 */
export function buildIndex(methodology: Methodology, input: IndexInput, opts: BuildOptions = {}): IndexRun {
  const closes = new Map<SecurityId, CloseSeries>();
  for (const [s, bars] of input.bars) closes.set(s, { keys: dayKeys(bars), close: Float64Array.from(bars, (b: Bar) => b.close) });
  return buildIndexColumns(methodology, { ...input, closes }, opts);
}

/** {@link buildIndex} over close columns (`input.bars` only for the `fit` scheme). */
export function buildIndexColumns(methodology: Methodology, input: IndexColumnsInput, opts: BuildOptions = {}): IndexRun {
  const stream = streamIndex(methodology, input, opts);
  const sessions = [...stream.sessions];
  return { methodology, sessions, issues: stream.issues };
}
