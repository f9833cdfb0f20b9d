import type { CorporateAction } from '../../domain/corporateAction.js';
import type { GateFailure, StoryInput } from '../../domain/story.js';
import { findBarIndex } from '../select/dayMeasures.js';

/** Plausibility bounds, in percent of the previous close. */
export interface GateOptions {
  /** Largest believable one-day move of a stock without a corporate action (default 40). */
  readonly maxStockMovePct?: number;
  /** Largest believable one-day move of an index (default 15). */
  readonly maxIndexMovePct?: number;
  /** Symbols whose big move an editor has checked and confirmed (`--confirm-move`): no `implausible_move` for them. */
  readonly confirmedMoves?: readonly string[];
}

/** Split and consolidation ratios a jump is compared against. */
const SPLIT_RATIOS = [2, 3, 4, 5, 10, 20, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 10, 1 / 20];

/**
 * The sanity gates that stop publication, each with its reason:
 * - `no_bar`: the story's own symbol has no bar on the session;
 * - `missing_member`: a member has no series in the data at all;
 * - `stale_member`: a member has no bar on the session (its last close would be carried);
 * - `unadjusted_split`: close / previous close is within 3% of a split ratio (2, 3, 1/2, ...) and no split
 *   is recorded for that day;
 * - `implausible_move`: a move beyond the bound without any corporate action on that day, unless an editor
 *   confirmed it (`confirmedMoves`) or the market corroborates it: for an index, its members' median move has the
 *   same sign and half its size; for a member, the members' median has the same sign and a quarter of its size
 *   (a market-wide day is not a data error). The message names the peers' median and how to confirm.
 * @example checkGates(input).map((g) => g.gate) // ['stale_member'] when a member did not trade
 */
export function checkGates(input: StoryInput, opts: GateOptions = {}): GateFailure[] {
  const out: GateFailure[] = [];
  const { date } = input;
  const i = findBarIndex(input.bars, date);
  if (i < 0) {
    out.push({ gate: 'no_bar', symbol: input.symbol, message: `${input.symbol} has no bar on ${date}` });
  } else if (i > 0) {
    const prev = input.bars[i - 1]?.close as number;
    const close = input.bars[i]?.close as number;
    const gates = moveGates(input.symbol, date, prev, close, input.kind === 'index' ? (opts.maxIndexMovePct ?? 15) : (opts.maxStockMovePct ?? 40), input.corporateActions);
    const movePct = (close / prev - 1) * 100;
    out.push(...gates.filter((g) => !(g.gate === 'implausible_move' && corroborated(input, movePct))));
  }
  const peerMedian = memberMedianPct(input);
  const peerNote = peerMedian === null ? '' : `; members' median move ${peerMedian.toFixed(1)}%`;
  for (const m of input.members ?? []) {
    if (!m.inData) {
      out.push({ gate: 'missing_member', symbol: m.symbol, message: `member ${m.symbol} (${m.names.en}) has no price series in the data` });
    } else if (!m.bar) {
      out.push({ gate: 'stale_member', symbol: m.symbol, message: `member ${m.symbol} (${m.names.en}) has no bar on ${date} (stale)` });
    } else if (m.previousBar) {
      const pct = (m.bar.close / m.previousBar.close - 1) * 100;
      // A market-wide day is not a data error: a member's big move is believable when its peers moved the same
      // way by at least a quarter of it (HSTECH 2022-03-16: Bilibili +40.8%, median member about +20%).
      const gates = moveGates(m.symbol, date, m.previousBar.close, m.bar.close, opts.maxStockMovePct ?? 40, input.corporateActions, peerNote);
      out.push(...gates.filter((g) => !(g.gate === 'implausible_move' && peersAgree(peerMedian, pct))));
    }
  }
  const confirmed = new Set(opts.confirmedMoves ?? []);
  return out.filter((g) => !(g.gate === 'implausible_move' && confirmed.has(g.symbol)));
}

/**
 * An index move beyond the bound is believable when its members moved the same way: the median member
 * change has the same sign and at least half the index's size (e.g. HSTECH -17.2% on 2025-04-07, median member -18%).
 */
function corroborated(input: StoryInput, movePct: number): boolean {
  const median = memberMedianPct(input);
  return median !== null && Math.sign(median) === Math.sign(movePct) && Math.abs(median) >= Math.abs(movePct) / 2;
}

/** A member's move beyond the bound is believable when the members' median moved the same way by a quarter of it. */
function peersAgree(median: number | null, movePct: number): boolean {
  return median !== null && Math.sign(median) === Math.sign(movePct) && Math.abs(median) >= Math.abs(movePct) / 4;
}

/** The median close-to-close move of the members that traded, in percent; null with fewer than 3. */
function memberMedianPct(input: StoryInput): number | null {
  const changes = (input.members ?? [])
    .filter((m) => m.bar && m.previousBar)
    .map((m) => ((m.bar as { close: number }).close / (m.previousBar as { close: number }).close - 1) * 100)
    .sort((a, b) => a - b);
  if (changes.length < 3) return null;
  const mid = changes.length >> 1;
  return changes.length % 2 ? (changes[mid] as number) : ((changes[mid - 1] as number) + (changes[mid] as number)) / 2;
}

function moveGates(symbol: string, date: string, prev: number, close: number, boundPct: number, actions: readonly CorporateAction[], note = ''): GateFailure[] {
  const mine = actions.filter((a) => a.symbol === symbol && a.exDate === date);
  const ratio = close / prev;
  const pct = (ratio - 1) * 100;
  const near = SPLIT_RATIOS.find((r) => Math.abs(ratio * r - 1) <= 0.03);
  if (near !== undefined && !mine.some((a) => a.kind === 'split')) {
    const label = near >= 1 ? `${near}:1 split` : `1:${Math.round(1 / near)} consolidation`;
    return [{ gate: 'unadjusted_split', symbol, message: `${symbol} moved ${pct.toFixed(1)}% on ${date}, close/previous close ${ratio.toFixed(4)} looks like an unadjusted ${label} and no split is recorded` }];
  }
  if (Math.abs(pct) > boundPct && mine.length === 0) {
    return [{ gate: 'implausible_move', symbol, message: `${symbol} moved ${pct.toFixed(1)}% on ${date}, beyond the ${boundPct}% bound, with no corporate action recorded${note} (if it is real, check the exchange's record of the session and confirm it: --confirm-move ${symbol})` }];
  }
  return [];
}
