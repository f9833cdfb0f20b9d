import type { SecurityId } from '../../core/units.js';

export interface RankedCandidate {
  readonly symbol: SecurityId;
  /** Ranking value, e.g. free-float market cap in currency units; larger ranks first. */
  readonly value: number;
}

export interface SelectionRule {
  /** Top N; undefined keeps every candidate. */
  readonly count?: number | undefined;
  /** Buffer zone: non-members enter when ranked <= addRank; members stay while ranked <= keepRank. */
  readonly buffer?: { readonly addRank: number; readonly keepRank: number } | undefined;
}

/**
 * Selects constituents by rank (descending `value`, ties by symbol), top `count`, honouring a buffer zone:
 * current members ranked within `keepRank` stay, non-members ranked within `addRank` enter, and the rest of the
 * places go to the best-ranked remaining candidates. Returns symbols in rank order.
 * @example selectConstituents([{symbol:'A',value:3},{symbol:'B',value:2},{symbol:'C',value:1}], new Set(['C']), {count: 2, buffer:{addRank:1, keepRank:3}}) // ['A','C']
 */
export function selectConstituents(
  candidates: readonly RankedCandidate[],
  current: ReadonlySet<SecurityId>,
  rule: SelectionRule,
): SecurityId[] {
  const ranked = [...candidates].sort((a, b) => b.value - a.value || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const n = rule.count ?? ranked.length;
  if (!rule.buffer || current.size === 0) return ranked.slice(0, n).map((c) => c.symbol);
  const { addRank, keepRank } = rule.buffer;
  const chosen = new Set<SecurityId>();
  // 1. Non-members ranked inside addRank and members inside keepRank have priority, best rank first.
  ranked.forEach((c, i) => {
    const rank = i + 1;
    const keep = current.has(c.symbol) ? rank <= keepRank : rank <= addRank;
    if (keep && chosen.size < n) chosen.add(c.symbol);
  });
  // 2. Fill remaining places by rank.
  for (const c of ranked) {
    if (chosen.size >= n) break;
    chosen.add(c.symbol);
  }
  return ranked.filter((c) => chosen.has(c.symbol)).map((c) => c.symbol);
}
