import type { EngineAction } from '../../domain/indexRun.js';

/**
 * The order in which actions going ex on one date are applied, so that the result never depends on the order of
 * an actions file: first what restates the share (split or consolidation, then a share change), then money paid
 * out of the existing shares (cash dividend, then special dividend), then new money in (rights issue, priced at
 * the ex-dividend price). Per-share amounts are therefore per share as it trades on the ex-date, after a split.
 * methodology.md §2.1-2.2 prices every event at "the adjusted prices and quantities that take effect at the next
 * open" but does not order events of one day; this is Indexwire's documented rule (docs/engine.md).
 */
const KIND_RANK: Readonly<Record<EngineAction['kind'], number>> = {
  split: 0,
  share_change: 1,
  cash_dividend: 2,
  special_dividend: 3,
  rights_issue: 4,
};

/** The action's numbers, for a stable order between two actions of one kind, symbol and date. */
function figures(a: EngineAction): readonly number[] {
  switch (a.kind) {
    case 'split': return [a.ratio];
    case 'share_change': return [a.factor];
    case 'cash_dividend':
    case 'special_dividend': return [a.amount];
    case 'rights_issue': return [a.newShares, a.oldShares, a.subscriptionPrice];
  }
}

/**
 * Sort order of the actions an index applies: ex-date, then kind ({@link KIND_RANK}), then symbol, then the
 * action's figures. A total order, so two lists holding the same actions sort identically.
 * @example [dividend, split].sort(compareEngineActions) // [split, dividend] when both go ex on one date
 */
export function compareEngineActions(a: EngineAction, b: EngineAction): number {
  if (a.exDate !== b.exDate) return a.exDate < b.exDate ? -1 : 1;
  const rank = KIND_RANK[a.kind] - KIND_RANK[b.kind];
  if (rank !== 0) return rank;
  if (a.symbol !== b.symbol) return a.symbol < b.symbol ? -1 : 1;
  const fa = figures(a), fb = figures(b);
  for (let i = 0; i < fa.length; i++) {
    const d = (fa[i] as number) - (fb[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
