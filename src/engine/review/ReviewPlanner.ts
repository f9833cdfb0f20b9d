import { ConfigError } from '../../core/errors.js';
import type { SecurityId, SessionDate } from '../../core/units.js';
import type { EngineAction } from '../../domain/indexRun.js';
import type { MembershipInterval } from '../../domain/membership.js';
import type { Methodology } from '../../domain/methodology.js';
import type { Security } from '../../domain/security.js';
import { capWeights } from '../weights/capWeights.js';
import { selectConstituents } from '../selection/selectConstituents.js';

/** Target weights (fractions summing to 1) for the constituents chosen at a review, with what happened. */
export interface ReviewPlan {
  readonly weights: ReadonlyMap<SecurityId, number>;
  readonly note: string;
  readonly issues: readonly string[];
}

/** Resolved per-review weights for schemes `given` and `fit`: effective date -> symbol -> weight. */
export type GivenWeights = readonly { readonly effective: SessionDate; readonly weights: Readonly<Record<string, number>> }[];

/**
 * Decides constituents and target weights at a review, from the methodology's universe, selection, weighting
 * and cap. Pure: prices come in through `priceOf` (the previous close, adjusted for the day's actions).
 */
export class ReviewPlanner {
  private readonly explicit: ReadonlySet<SecurityId> | null;
  private readonly given: GivenWeights;
  /** Per symbol, the share-count factors of its splits, rights issues and share changes (ex-date, factor). */
  private readonly shareFactors = new Map<SecurityId, { action: EngineAction; exDate: SessionDate; factor: number }[]>();

  /**
   * `actions`: the corporate actions and share changes the index applies. The security master's share counts are
   * taken as before all of them; a review scales them by the factors ex on or before it (split k, rights
   * (M + N) / M, share change new / old), as the index shares are scaled.
   */
  constructor(
    private readonly m: Methodology,
    private readonly members: readonly MembershipInterval[] = [],
    private readonly securities: ReadonlyMap<SecurityId, Security> = new Map(),
    given?: GivenWeights,
    actions: readonly EngineAction[] = [],
  ) {
    for (const a of actions) {
      const factor = a.kind === 'split' ? a.ratio : a.kind === 'share_change' ? a.factor : a.kind === 'rights_issue' ? (a.oldShares + a.newShares) / a.oldShares : 1;
      if (factor === 1) continue;
      const list = this.shareFactors.get(a.symbol) ?? [];
      list.push({ action: a, exDate: a.exDate, factor });
      this.shareFactors.set(a.symbol, list);
    }
    this.explicit = m.universe.symbols ? new Set(m.universe.symbols) : null;
    this.given = [...(given ?? m.weighting.given ?? [])].sort((a, b) => (a.effective < b.effective ? -1 : 1));
    if (m.weighting.scheme === 'fit' && given === undefined) {
      throw new ConfigError({ source: m.code, field: 'weighting.scheme', value: 'fit', reason: 'needs fitted weights (build with buildIndex, which fits them)' });
    }
  }

  /** Forgets the share-count factor of an action the index did not apply (a rights issue out of the money). */
  skipAction(a: EngineAction): void {
    const list = this.shareFactors.get(a.symbol);
    if (list) this.shareFactors.set(a.symbol, list.filter((f) => f.action !== a));
  }

  /** Every symbol that can ever be in the universe, or null when any security may be (filters only). */
  universeSymbols(): Set<SecurityId> | null {
    if (this.explicit === null && this.m.universe.membership === undefined) return null;
    const s = new Set<SecurityId>(this.explicit ?? []);
    for (const iv of this.members) s.add(iv.symbol);
    return s;
  }

  /** The eligible universe on `date` (before selection), sorted. */
  eligibleOn(date: SessionDate): SecurityId[] {
    let base: Set<SecurityId>;
    if (this.explicit === null && this.m.universe.membership === undefined) base = new Set(this.securities.keys());
    else {
      base = new Set(this.explicit ?? []);
      if (this.m.universe.membership !== undefined) {
        for (const iv of this.members) {
          if ((iv.from === null || iv.from <= date) && (iv.to === null || date < iv.to)) base.add(iv.symbol);
        }
      }
    }
    const filters = this.m.universe.filters;
    const out = [...base].filter((s) => {
      if (!filters) return true;
      const attrs = this.securities.get(s)?.attributes;
      if (!attrs) return false;
      return Object.entries(filters).every(([k, v]) => {
        const a = attrs[k];
        return Array.isArray(v) ? v.includes(a as never) : a === v;
      });
    });
    return out.sort();
  }

  /**
   * Constituents and capped target weights at a review effective on `date`.
   * @throws ConfigError when the cap is infeasible for the number of constituents.
   */
  plan(date: SessionDate, priceOf: (s: SecurityId) => number | undefined, current: ReadonlySet<SecurityId>): ReviewPlan {
    const issues: string[] = [];
    const m = this.m;
    const priced = this.eligibleOn(date).filter((s) => {
      const p = priceOf(s);
      if (p === undefined || !(p > 0)) {
        issues.push(`${date}: ${s} has no price yet; left out of the review`);
        return false;
      }
      return true;
    });
    const ffmcap = (s: SecurityId): number | undefined => {
      const sec = this.securities.get(s);
      if (sec?.sharesOutstanding === undefined) return undefined;
      let shares = sec.sharesOutstanding;
      for (const f of this.shareFactors.get(s) ?? []) if (f.exDate <= date) shares *= f.factor;
      return (priceOf(s) as number) * shares * (sec.freeFloatFactor ?? 1);
    };
    let chosen = priced;
    if (m.selection.rankBy === 'ffmcap' || m.selection.count !== undefined) {
      const cands = priced.flatMap((s) => {
        if (m.selection.rankBy !== 'ffmcap') return [{ symbol: s, value: 0 }];
        const v = ffmcap(s);
        if (v === undefined) issues.push(`${date}: ${s} has no share count; cannot be ranked, left out`);
        return v === undefined ? [] : [{ symbol: s, value: v }];
      });
      chosen = selectConstituents(cands, current, { count: m.selection.count, buffer: m.selection.buffer });
    }
    let raw: number[];
    const scheme = m.weighting.scheme;
    if (scheme === 'equal') raw = chosen.map(() => 1);
    else if (scheme === 'ffmcap') {
      raw = chosen.map((s) => ffmcap(s) ?? NaN);
      const missing = chosen.filter((_, i) => Number.isNaN(raw[i]));
      if (missing.length > 0) {
        throw new ConfigError({ source: m.code, field: 'weighting.scheme', value: 'ffmcap', reason: `needs share counts; missing for ${missing.join(', ')}` });
      }
    } else {
      const g = [...this.given].reverse().find((x) => x.effective <= date);
      if (!g) throw new ConfigError({ source: m.code, field: 'weighting.given', reason: `no weights effective on or before ${date}` });
      raw = chosen.map((s) => g.weights[s] ?? 0);
      const zero = chosen.filter((_, i) => !(raw[i] as number > 0));
      if (zero.length > 0) issues.push(`${date}: no given weight for ${zero.join(', ')}; left out`);
      chosen = chosen.filter((_, i) => (raw[i] as number) > 0);
      raw = raw.filter((w) => w > 0);
    }
    if (chosen.length === 0) throw new ConfigError({ source: m.code, field: 'universe', reason: `no constituent with a price on ${date}` });
    const weights = m.weighting.cap !== undefined ? capWeights(raw, m.weighting.cap, `${m.code} review ${date}`) : normalise(raw);
    const note = `${chosen.length} constituents, ${scheme} weights${m.weighting.cap !== undefined ? ` capped at ${m.weighting.cap}` : ''}`;
    return { weights: new Map(chosen.map((s, i) => [s, weights[i] as number])), note, issues };
  }
}

function normalise(xs: readonly number[]): number[] {
  const t = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / t);
}
