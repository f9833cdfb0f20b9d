import type { SecurityId } from '../../core/units.js';
import type { ConstituentSession } from '../../domain/indexLevel.js';
import { assignResidual } from './assignResidual.js';

/** The compact columns the kernel keeps per session; constituents are built from them on first access. */
export interface ConstituentColumns {
  /** All symbols by slot (shared, append-only). */
  readonly symbols: readonly SecurityId[];
  /** Slots of the constituents, ascending. */
  readonly slots: readonly number[];
  /** Index shares per constituent (shared between sessions until an event changes them). */
  readonly shares: Float64Array;
  /** Price used today per constituent (close, or the carried close when stale). */
  readonly prices: Float64Array;
  /** Previous close adjusted for today's actions. */
  readonly prevPrices: Float64Array;
  readonly stale: Uint8Array;
  /** Market value at the adjusted previous close (Σ shares x previous price), in currency units. */
  readonly mBefore: number;
  readonly divisor: number;
  readonly level: number;
  /** Null on the base session. */
  readonly previousLevel: number | null;
}

/**
 * Builds the per-constituent rows of one session: weight at the previous close (fraction), change (fraction),
 * contribution in index points with the residual assigned so they add up exactly to the point change.
 * @example materializeConstituents(cols)[0].contributionPoints
 */
export function materializeConstituents(c: ConstituentColumns): ConstituentSession[] {
  const k = c.slots.length;
  const base = c.previousLevel === null;
  const contrib = new Float64Array(k);
  if (!base) {
    for (let j = 0; j < k; j++) contrib[j] = ((c.shares[j] as number) * ((c.prices[j] as number) - (c.prevPrices[j] as number))) / c.divisor;
    assignResidual(contrib, c.level - (c.previousLevel as number));
  }
  const out: ConstituentSession[] = new Array(k);
  for (let j = 0; j < k; j++) {
    const q = c.shares[j] as number;
    const p = c.prices[j] as number;
    const pp = base ? p : (c.prevPrices[j] as number);
    out[j] = {
      symbol: c.symbols[c.slots[j] as number] as SecurityId,
      weight: base ? (q * p) / (c.level * c.divisor) : (q * pp) / c.mBefore,
      indexShares: q,
      price: p,
      previousPrice: pp,
      change: base ? 0 : p / pp - 1,
      contributionPoints: contrib[j] as number,
      stale: c.stale[j] === 1,
    };
  }
  return out;
}
