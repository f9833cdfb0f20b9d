import { InputError, InvariantError, OutOfOrderError } from '../../core/errors.js';
import type { IndexCode, SecurityId, SessionDate } from '../../core/units.js';
import type { EngineAction } from '../../domain/indexRun.js';
import type { ConstituentSession, IndexSession } from '../../domain/indexLevel.js';
import { isReviewSession, type ReviewRule } from '../review/isReviewSession.js';
import type { ReviewPlanner } from '../review/ReviewPlanner.js';
import { materializeConstituents, type ConstituentColumns } from './materializeConstituents.js';

export interface KernelOptions {
  readonly code: IndexCode;
  readonly baseDate: SessionDate;
  readonly baseValue: number;
  readonly reviews: ReviewRule;
  /** Dates on which membership intervals start or end (constituent changes between reviews). */
  readonly membershipChanges: readonly SessionDate[];
  /** Selection ranks (top N): a membership change re-runs the review instead of a one-for-one swap. */
  readonly ranked: boolean;
  /** Emit per-constituent detail (false: levels only, for speed). */
  readonly detail: boolean;
}

/**
 * The divisor engine shared by the batch `buildIndex` and the streaming `IndexCalculator`
 * (methodology.md §2): level = Σ price x index shares / divisor. Slot-indexed typed arrays, one `step` per session.
 * Reviews, constituent changes, special dividends and rights issues change the divisor so the level does not
 * move; a split changes shares and price only; cash dividends feed the gross total return on the ex-date.
 */
export class IndexKernel {
  readonly symbols: SecurityId[] = [];
  private readonly slotOf = new Map<SecurityId, number>();
  private shares = new Float64Array(16);
  private lastClose = new Float64Array(16).fill(NaN);
  private prevP = new Float64Array(16);
  private members: number[] = [];
  private divisor = 1;
  private level: number | null = null;
  private levelTr: number | null = null;
  private lastDate: SessionDate | null = null;
  private changeIdx = 0;
  /** Sessions stepped so far (the index of the next one). */
  private sessionCount = 0;
  readonly issues: string[] = [];

  constructor(
    private readonly opt: KernelOptions,
    private readonly planner: ReviewPlanner,
  ) {}

  /** Slot of a symbol, adding it when new. */
  slot(s: SecurityId): number {
    let i = this.slotOf.get(s);
    if (i !== undefined) return i;
    i = this.symbols.length;
    this.symbols.push(s);
    this.slotOf.set(s, i);
    if (i >= this.shares.length) this.grow(this.shares.length * 2);
    return i;
  }

  get slotCount(): number {
    return this.symbols.length;
  }

  private grow(n: number): void {
    const g = (a: Float64Array, fill: number) => {
      const b = new Float64Array(n).fill(fill);
      b.set(a);
      return b;
    };
    this.shares = g(this.shares, 0);
    this.lastClose = g(this.lastClose, NaN);
    this.prevP = g(this.prevP, 0);
  }

  /**
   * Advances one session. `closes[slot]` is today's close (NaN when the symbol did not trade).
   * Returns null for sessions before the base date (they only record prices).
   * @throws OutOfOrderError when `date` is not after the previous session.
   * @throws ConfigError from the review (infeasible cap, missing weights).
   */
  step(date: SessionDate, closes: Float64Array, actions: readonly EngineAction[]): IndexSession | null {
    const prevDate = this.lastDate;
    if (prevDate !== null && date <= prevDate) throw new OutOfOrderError(this.opt.code, this.sessionCount, date, prevDate);
    this.sessionCount++;
    this.lastDate = date;
    const n = this.symbols.length;
    const lastClose = this.lastClose, prevP = this.prevP, shares = this.shares;
    for (let i = 0; i < n; i++) prevP[i] = lastClose[i] as number;
    const events: string[] = [];
    let divCash = 0;
    // 1. Corporate actions going ex today (effective at the open), in compareEngineActions order (split first).
    for (const a of actions) {
      const i = this.slotOf.get(a.symbol);
      if (i === undefined) continue;
      const p = prevP[i] as number;
      if (!(p > 0)) continue; // never priced yet: nothing to adjust
      const held = (shares[i] as number) > 0;
      if (a.kind === 'rights_issue' && !(a.subscriptionPrice < p)) {
        // Out of the money: nobody subscribes, so price, shares and divisor stay (methodology.md §2.2).
        if (held) this.issues.push(`${date}: rights issue ${a.symbol} ${a.newShares} for ${a.oldShares} at ${a.subscriptionPrice} not below the previous close ${p}: out of the money, not applied`);
        this.planner.skipAction(a);
        this.skipped.push(a);
        continue;
      }
      if (a.kind === 'split') {
        prevP[i] = p / a.ratio;
        shares[i] = (shares[i] as number) * a.ratio;
        this.sharesSnap = null;
        if (held) events.push(`split ${a.symbol} ${a.ratio}:1`);
      } else if (a.kind === 'cash_dividend') {
        divCash += (shares[i] as number) * a.amount;
        if (held) events.push(`cash dividend ${a.symbol} ${a.amount}`);
      } else {
        const before = this.marketValue(prevP);
        if (a.kind === 'special_dividend') {
          if (!(a.amount < p)) {
            throw new InputError({ source: `corporate actions ${a.symbol} ${a.exDate}`, field: 'amount', value: String(a.amount), reason: `special dividend must be below the previous close ${p}` });
          }
          prevP[i] = p - a.amount;
          if (held) events.push(`special dividend ${a.symbol} ${a.amount}`);
        } else if (a.kind === 'share_change') {
          shares[i] = (shares[i] as number) * a.factor;
          this.sharesSnap = null;
          if (held) events.push(`share change ${a.symbol} x${a.factor}`);
        } else {
          const k = (a.oldShares + a.newShares) / a.oldShares;
          prevP[i] = (a.oldShares * p + a.newShares * a.subscriptionPrice) / (a.oldShares + a.newShares);
          shares[i] = (shares[i] as number) * k;
          this.sharesSnap = null;
          if (held) events.push(`rights issue ${a.symbol} ${a.newShares} for ${a.oldShares} at ${a.subscriptionPrice}`);
        }
        if (held && before > 0) this.divisor *= this.marketValue(prevP) / before;
      }
      lastClose[i] = prevP[i] as number;
    }
    // 2. Base, review or constituent change (effective at the open, priced at the adjusted previous close).
    const isBase = this.level === null;
    if (isBase && date < this.opt.baseDate) {
      this.record(closes);
      return null;
    }
    const changes = this.opt.membershipChanges;
    let membershipChanged = false;
    while (this.changeIdx < changes.length && (changes[this.changeIdx] as SessionDate) <= date) {
      if (prevDate !== null && prevDate < (changes[this.changeIdx] as SessionDate)) membershipChanged = true;
      this.changeIdx++;
    }
    if (isBase) {
      this.record(closes); // the base is priced at the base session's close
      for (let i = 0; i < n; i++) prevP[i] = lastClose[i] as number;
      this.rebalance(date, 'base', events);
    } else if (isReviewSession(this.opt.reviews, prevDate, date)) this.rebalance(date, 'review', events);
    else if (membershipChanged) this.rebalance(date, this.opt.ranked ? 'review' : 'change', events);
    // 3. Today's prices, level and contributions.
    const mem = this.members;
    const D = this.divisor;
    let mBefore = 0, mNow = 0;
    for (const i of mem) {
      const q = shares[i] as number;
      mBefore += q * (prevP[i] as number);
      const c = closes[i] as number;
      mNow += q * (c === c ? c : (prevP[i] as number));
    }
    const level = mNow / D;
    const previousLevel = this.level;
    const prevTr = this.levelTr;
    const levelTr = prevTr === null ? level : (prevTr * (mNow + divCash)) / mBefore;
    this.level = level;
    this.levelTr = levelTr;
    let cols: ConstituentColumns | null = null;
    const k = mem.length;
    if (this.opt.detail) {
      if (this.sharesSnap === null) {
        this.sharesSnap = new Float64Array(k);
        for (let j = 0; j < k; j++) this.sharesSnap[j] = shares[mem[j] as number] as number;
      }
      const prices = new Float64Array(k), prevPrices = new Float64Array(k), stale = new Uint8Array(k);
      for (let j = 0; j < k; j++) {
        const i = mem[j] as number;
        const c = closes[i] as number;
        prevPrices[j] = prevP[i] as number;
        prices[j] = c === c ? c : (prevP[i] as number);
        stale[j] = c === c ? 0 : 1;
      }
      cols = { symbols: this.symbols, slots: mem, shares: this.sharesSnap, prices, prevPrices, stale, mBefore, divisor: D, level, previousLevel: isBase ? null : previousLevel };
    }
    if (!isBase) for (const i of mem) if ((closes[i] as number) !== (closes[i] as number)) this.staleIssue(date, i);
    this.record(closes);
    return sessionOf(
      { code: this.opt.code, date, level, levelTr, divisor: D, divisorTr: mNow / levelTr, previousLevel: isBase ? null : previousLevel, events },
      cols,
    );
  }

  /** Actions the planner was told to forget (rights issues out of the money), in order. */
  readonly skipped: EngineAction[] = [];

  /**
   * The kernel's state after the last session, as plain data (JSON-safe: NaN is written as null), so a later run
   * can continue from it with {@link restore} instead of from the base date. Skipped actions are not in it (the
   * calculator keeps them by position).
   */
  snapshot(): KernelState {
    const n = this.symbols.length;
    const arr = (a: Float64Array) => Array.from(a.subarray(0, n), (x) => (Number.isNaN(x) ? null : x));
    return {
      symbols: [...this.symbols], shares: arr(this.shares), lastClose: arr(this.lastClose), members: [...this.members],
      divisor: this.divisor, level: this.level, levelTr: this.levelTr, lastDate: this.lastDate, changeIdx: this.changeIdx,
      sessionCount: this.sessionCount, issues: [...this.issues], stale: [...this.stale].map(([s, e]) => ({ symbol: s, ...e })),
    };
  }

  /** Restores a {@link snapshot} into a fresh kernel built with the same options and planner. */
  restore(st: KernelState): void {
    st.symbols.forEach((s, i) => {
      if (this.slot(s) !== i) throw new InvariantError(`${this.opt.code}: engine state has ${s} in slot ${i}, this kernel in slot ${this.slot(s)} (built with other inputs)`);
    });
    st.symbols.forEach((_, i) => {
      this.shares[i] = st.shares[i] ?? 0;
      this.lastClose[i] = st.lastClose[i] ?? NaN;
    });
    this.members = [...st.members];
    this.divisor = st.divisor;
    this.level = st.level;
    this.levelTr = st.levelTr;
    this.lastDate = st.lastDate;
    this.changeIdx = st.changeIdx;
    this.sessionCount = st.sessionCount;
    this.issues.splice(0, this.issues.length, ...st.issues);
    this.stale.clear();
    for (const e of st.stale) this.stale.set(e.symbol, { count: e.count, first: e.first, last: e.last });
    this.sharesSnap = null;
  }

  /** Shares of the constituents as last copied for output; null once an event changed them. */
  private sharesSnap: Float64Array | null = null;

  private readonly stale = new Map<SecurityId, { count: number; first: SessionDate; last: SessionDate }>();

  private staleIssue(date: SessionDate, i: number): void {
    const s = this.symbols[i] as SecurityId;
    const e = this.stale.get(s);
    if (e) {
      e.count++;
      e.last = date;
    } else this.stale.set(s, { count: 1, first: date, last: date });
  }

  /** Issues so far, with stale prices summarised per symbol. */
  allIssues(): string[] {
    const st = [...this.stale].map(
      ([s, e]) => `${s}: no bar on ${e.count} session(s) between ${e.first} and ${e.last}; last close carried (stale)`,
    );
    return [...this.issues, ...st];
  }

  /** Remembers today's closes (and keeps the carried price where there was none). */
  private record(closes: Float64Array): void {
    const n = this.symbols.length;
    for (let i = 0; i < n; i++) {
      const c = closes[i] as number;
      this.lastClose[i] = c === c ? c : (this.prevP[i] as number) || (this.lastClose[i] as number);
    }
  }

  private marketValue(prices: Float64Array): number {
    let m = 0;
    for (const i of this.members) m += (this.shares[i] as number) * (prices[i] as number);
    return m;
  }

  /** Sets new index shares from target weights at the adjusted previous close; the divisor keeps the level. */
  private rebalance(date: SessionDate, kind: 'base' | 'review' | 'change', events: string[]): void {
    const prevP = this.prevP;
    const current = new Set(this.members.map((i) => this.symbols[i] as SecurityId));
    const before = this.marketValue(prevP);
    const priceOf = (s: SecurityId) => {
      const i = this.slotOf.get(s);
      const p = i === undefined ? NaN : (prevP[i] as number);
      return p > 0 ? p : undefined;
    };
    let weights: ReadonlyMap<SecurityId, number>;
    if (kind === 'change') {
      weights = this.swapWeights(date, priceOf, before, events);
    } else {
      const plan = this.planner.plan(date, priceOf, current);
      this.issues.push(...plan.issues);
      weights = plan.weights;
      events.push(`${kind}: ${plan.note}`);
    }
    const scale = kind === 'base' ? this.opt.baseValue : before;
    this.sharesSnap = null;
    for (const i of this.members) this.shares[i] = 0;
    const mem: number[] = [];
    for (const [s, w] of weights) {
      const i = this.slot(s);
      this.shares[i] = (w * scale) / (prevP[i] as number);
      mem.push(i);
    }
    this.members = mem.sort((a, b) => a - b);
    const after = this.marketValue(prevP);
    if (kind === 'base') this.divisor = after / this.opt.baseValue;
    else this.divisor *= after / before;
  }

  /** Constituent change between reviews: continuing names keep their shares; entrants share the leavers' weight. */
  private swapWeights(date: SessionDate, priceOf: (s: SecurityId) => number | undefined, before: number, events: string[]): Map<SecurityId, number> {
    const eligible = new Set(
      this.planner.eligibleOn(date).filter((s) => {
        if (priceOf(s) !== undefined) return true;
        this.issues.push(`${date}: ${s} has no price yet; left out of the constituent change`);
        return false;
      }),
    );
    const w = new Map<SecurityId, number>();
    let removedW = 0;
    const removed: string[] = [];
    for (const i of this.members) {
      const s = this.symbols[i] as SecurityId;
      const wi = ((this.shares[i] as number) * (this.prevP[i] as number)) / before;
      if (eligible.has(s)) w.set(s, wi);
      else {
        removedW += wi;
        removed.push(s);
      }
    }
    const added = [...eligible].filter((s) => !w.has(s));
    if (added.length > 0 && removedW > 0) for (const s of added) w.set(s, removedW / added.length);
    else if (added.length > 0) {
      const nNew = w.size + added.length;
      for (const [s, wi] of w) w.set(s, wi * (1 - added.length / nNew));
      for (const s of added) w.set(s, 1 / nNew);
    } else if (removedW > 0) for (const [s, wi] of w) w.set(s, wi / (1 - removedW));
    events.push(`constituent change: ${[...added.map((s) => `+${s}`), ...removed.map((s) => `-${s}`)].join(' ') || 'none'}`);
    return w;
  }
}

/** The kernel's state between sessions (see IndexKernel.snapshot). */
export interface KernelState {
  readonly symbols: readonly SecurityId[];
  /** Index shares per slot. */
  readonly shares: readonly (number | null)[];
  /** Last close per slot (null: never priced). */
  readonly lastClose: readonly (number | null)[];
  /** Slots of the constituents. */
  readonly members: readonly number[];
  readonly divisor: number;
  readonly level: number | null;
  readonly levelTr: number | null;
  readonly lastDate: SessionDate | null;
  readonly changeIdx: number;
  readonly sessionCount: number;
  readonly issues: readonly string[];
  readonly stale: readonly { readonly symbol: SecurityId; readonly count: number; readonly first: SessionDate; readonly last: SessionDate }[];
}

/**
 * An IndexSession whose `constituents` are built on first access from compact columns (then cached as a plain
 * enumerable property), so building long histories does not allocate millions of objects nobody reads.
 */
function sessionOf(head: Omit<IndexSession, 'constituents'>, cols: ConstituentColumns | null): IndexSession {
  if (cols === null) return { ...head, constituents: [] };
  const s = {
    ...head,
    get constituents(): readonly ConstituentSession[] {
      const v = materializeConstituents(cols);
      // Cache as a plain property; a frozen session (Object.freeze by a caller) just recomputes on each read.
      if (Object.isExtensible(s)) Object.defineProperty(s, 'constituents', { value: v, enumerable: true, writable: false, configurable: false });
      return v;
    },
  };
  return s;
}
