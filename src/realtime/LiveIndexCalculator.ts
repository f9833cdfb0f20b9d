import { LevelPath } from './LevelPath.js';
import type { SessionInterval } from '../calendar/TradingCalendar.js';
import type { SecurityId } from '../core/units.js';
import type { Tick } from '../domain/tick.js';
import { validateLiveState, type LiveIndexState } from './liveIndexState.js';
import { TICK_OUTCOME_NAMES, TickOutcome, type TickOutcomeCode, type TickOutcomeName } from './tickOutcome.js';

/** One member's live figures (prices in the security's currency, contribution in index points). */
export interface LiveMemberView {
  readonly symbol: SecurityId;
  readonly price: number;
  readonly previousClose: number;
  /** Session high and low of accepted trades; the previous close until the first trade. */
  readonly high: number;
  readonly low: number;
  /** Points this member adds to the index move: indexShares × (price − previousClose) / divisor. */
  readonly contributionPoints: number;
  readonly ticks: number;
  /** No trade since the open: the previous close is used. */
  readonly stale: boolean;
  readonly halted: boolean;
  /** Time of the last accepted trade (UTC ms), null when stale. */
  readonly lastTimeMs: number | null;
}

/**
 * The live index calculator: O(1) per tick. Each accepted trade moves the level by
 * `indexShares × (new − old price) / divisor` and the member's contribution by the same amount.
 *
 * Rules, in this order (the first that applies names the outcome; rejected ticks are counted, never applied):
 * unknown symbol; price not a positive finite number; time outside the session intervals (before the open,
 * lunch, after the close; no intervals given = always open); member halted; order: with `seq`, a seq equal to
 * the last is a duplicate and a smaller one is out of order; without `seq`, an earlier time is out of order
 * and the same time, price and size as the last trade is a duplicate. A tick with `corrects` replaces the
 * price of the trade it names when that trade is the member's current price (`corrected`), is counted and
 * ignored when a later trade has since set the price (`correction_superseded`), and is rejected when the named
 * seq was never seen (`correction_unknown`). Halts come from {@link halt} / {@link resume}.
 *
 * A correction is retracted from the member's high/low (one level of history is kept) and from the index's
 * session high/low, which are always those of the level path as corrected: every level since the corrected
 * trade is moved by the correction's `indexShares × (new − old price) / divisor` (they all carry the member's
 * corrected price). The calculator keeps the level after each trade (8 bytes a trade, amortized O(1)); a
 * correction costs the trades since the one it corrects, and a rescan of the earlier levels only when the
 * extreme it moves was set since that trade.
 */
export class LiveIndexCalculator {
  readonly state: LiveIndexState;
  readonly size: number;
  private readonly indexOf = new Map<string, number>();
  private readonly shares: Float64Array;
  private readonly prevClose: Float64Array;
  private readonly price: Float64Array;
  private readonly contrib: Float64Array;
  private readonly high: Float64Array;
  private readonly low: Float64Array;
  private readonly highBefore: Float64Array;
  private readonly lowBefore: Float64Array;
  private readonly maxSeq: Float64Array;
  private readonly currentSeq: Float64Array;
  private readonly lastTime: Float64Array;
  private readonly lastSize: Float64Array;
  private readonly tickCount: Float64Array;
  private readonly halted: Uint8Array;
  private readonly counts = new Float64Array(TICK_OUTCOME_NAMES.length);
  private readonly divisor: number;
  private readonly baseLevel: number;
  private move = 0;
  private levelHigh: number;
  private levelLow: number;
  /** Level after each trade (position 0: the previous close level). */
  private readonly path = new LevelPath();
  /** Path positions of the current high and low, and of each member's last trade. */
  private highAt = 0;
  private lowAt = 0;
  private readonly lastAt: Float64Array;

  /**
   * @param intervals the session's trading intervals (UTC ms); omit to accept ticks at any time.
   * @throws ConfigError when the state is invalid (see validateLiveState).
   */
  constructor(state: LiveIndexState, private readonly intervals?: readonly SessionInterval[]) {
    validateLiveState(state, `live state ${state.code}`);
    this.state = state;
    const n = (this.size = state.members.length);
    this.divisor = state.divisor;
    this.shares = new Float64Array(n);
    this.prevClose = new Float64Array(n);
    this.price = new Float64Array(n);
    this.contrib = new Float64Array(n);
    this.high = new Float64Array(n);
    this.low = new Float64Array(n);
    this.highBefore = new Float64Array(n);
    this.lowBefore = new Float64Array(n);
    this.maxSeq = new Float64Array(n).fill(-Infinity);
    this.currentSeq = new Float64Array(n).fill(-Infinity);
    this.lastTime = new Float64Array(n).fill(-Infinity);
    this.lastSize = new Float64Array(n).fill(NaN);
    this.tickCount = new Float64Array(n);
    this.halted = new Uint8Array(n);
    this.lastAt = new Float64Array(n);
    let sum = 0;
    state.members.forEach((m, i) => {
      this.indexOf.set(m.symbol, i);
      this.shares[i] = m.indexShares;
      this.prevClose[i] = m.previousClose;
      this.price[i] = m.previousClose;
      this.high[i] = this.low[i] = this.highBefore[i] = this.lowBefore[i] = m.previousClose;
      sum += m.indexShares * m.previousClose;
    });
    this.baseLevel = sum / this.divisor;
    this.levelHigh = this.levelLow = this.baseLevel;
    this.path.push(this.baseLevel);
  }

  /** Member position of `symbol`, or -1 when it is not a member. */
  memberIndex(symbol: string): number {
    return this.indexOf.get(symbol) ?? -1;
  }

  /** Applies one trade; returns what was done with it (see the class rules). */
  apply(tick: Tick): TickOutcomeCode {
    const i = this.indexOf.get(tick.symbol);
    if (i === undefined) return this.count(TickOutcome.unknownSymbol);
    return this.applyAt(i, tick.timeMs, tick.price, tick.size ?? NaN, tick.seq ?? NaN, tick.corrects ?? NaN);
  }

  /**
   * The fast path of {@link apply} for a member position (no symbol lookup). `size`, `seq` and `corrects` are NaN
   * when absent. Prices in the security's currency, time in UTC ms.
   */
  applyAt(i: number, timeMs: number, price: number, size: number, seq: number, corrects: number): TickOutcomeCode {
    if (!(price > 0 && price < Infinity)) return this.count(TickOutcome.badPrice);
    if (this.intervals !== undefined) {
      const phase = this.phaseCode(timeMs);
      if (phase !== 0) return this.count(phase);
    }
    if (this.halted[i] === 1) return this.count(TickOutcome.halted);
    const hasSeq = seq === seq;
    const last = this.maxSeq[i] as number;
    if (hasSeq) {
      if (seq === last) return this.count(TickOutcome.duplicate);
      if (seq < last) return this.count(TickOutcome.outOfOrder);
    }
    if (corrects === corrects) {
      if (!(corrects <= last)) return this.count(TickOutcome.correctionUnknown);
      if (hasSeq) this.maxSeq[i] = seq;
      if (corrects !== this.currentSeq[i]) return this.count(TickOutcome.correctionSuperseded);
      this.high[i] = Math.max(this.highBefore[i] as number, price);
      this.low[i] = Math.min(this.lowBefore[i] as number, price);
      this.correctPath(i, this.setPrice(i, price));
      return this.count(TickOutcome.corrected);
    }
    if (!hasSeq) {
      const lt = this.lastTime[i] as number;
      if (timeMs < lt) return this.count(TickOutcome.outOfOrder);
      if (timeMs === lt && price === this.price[i] && (size === this.lastSize[i] || (size !== size && this.lastSize[i] !== this.lastSize[i]))) {
        return this.count(TickOutcome.duplicate);
      }
    } else {
      this.maxSeq[i] = seq;
    }
    this.currentSeq[i] = hasSeq ? seq : -Infinity;
    this.lastTime[i] = timeMs;
    this.lastSize[i] = size;
    this.tickCount[i] = (this.tickCount[i] as number) + 1;
    const h = this.high[i] as number, l = this.low[i] as number;
    // High/low before this trade, so that correcting it can retract it (none before the first trade).
    this.highBefore[i] = this.tickCount[i] === 1 ? -Infinity : h;
    this.lowBefore[i] = this.tickCount[i] === 1 ? Infinity : l;
    if (this.tickCount[i] === 1) {
      this.high[i] = price;
      this.low[i] = price;
    } else {
      if (price > h) this.high[i] = price;
      if (price < l) this.low[i] = price;
    }
    this.setPrice(i, price);
    this.extendPath(i);
    return this.count(TickOutcome.applied);
  }

  /** Sets member `i`'s price; @returns the level move (index points). */
  private setPrice(i: number, price: number): number {
    const d = ((this.shares[i] as number) * (price - (this.price[i] as number))) / this.divisor;
    this.price[i] = price;
    this.contrib[i] = ((this.shares[i] as number) * (price - (this.prevClose[i] as number))) / this.divisor;
    this.move += d;
    return d;
  }

  /**
   * Gives the level path's memory back for the next session (a live desk creates one calculator a session).
   * Call it once the session is over: the calculator must not take ticks afterwards.
   */
  release(): void {
    this.path.release();
  }

  /** Appends the level after member `i`'s trade to the path and updates the session high/low. */
  private extendPath(i: number): void {
    const level = this.baseLevel + this.move;
    const k = this.path.push(level);
    this.lastAt[i] = k;
    if (level > this.levelHigh) {
      this.levelHigh = level;
      this.highAt = k;
    }
    if (level < this.levelLow) {
      this.levelLow = level;
      this.lowAt = k;
    }
  }

  /**
   * A correction of member `i`'s last trade moved the level by `d` points: every level since that trade moves
   * by `d`; the high/low become the extremes of the moved levels and of the earlier ones (rescanned only when
   * the old extreme was among the moved levels).
   */
  private correctPath(i: number, d: number): void {
    if (d === 0) return;
    const path = this.path;
    const from = this.lastAt[i] as number;
    const end = path.length - 1;
    let hi = -Infinity, lo = Infinity, hiAt = from, loAt = from;
    for (let k = from; k <= end; k++) {
      const v = k === end ? this.baseLevel + this.move : path.get(k) + d;
      path.set(k, v);
      if (v > hi) (hi = v), (hiAt = k);
      if (v < lo) (lo = v), (loAt = k);
    }
    if (this.highAt >= from) {
      this.levelHigh = -Infinity;
      for (let k = 0; k < from; k++) if (path.get(k) > this.levelHigh) (this.levelHigh = path.get(k)), (this.highAt = k);
    }
    if (this.lowAt >= from) {
      this.levelLow = Infinity;
      for (let k = 0; k < from; k++) if (path.get(k) < this.levelLow) (this.levelLow = path.get(k)), (this.lowAt = k);
    }
    if (hi > this.levelHigh) (this.levelHigh = hi), (this.highAt = hiAt);
    if (lo < this.levelLow) (this.levelLow = lo), (this.lowAt = loAt);
  }

  private count(code: TickOutcomeCode): TickOutcomeCode {
    this.counts[code] = (this.counts[code] as number) + 1;
    return code;
  }

  /** 0 when trading at `timeMs`, else the outcome code for the phase. */
  private phaseCode(timeMs: number): TickOutcomeCode {
    const ivs = this.intervals as readonly SessionInterval[];
    if (ivs.length === 0) return TickOutcome.afterClose;
    if (timeMs < (ivs[0] as SessionInterval).startMs) return TickOutcome.beforeOpen;
    for (let k = 0; k < ivs.length; k++) {
      const iv = ivs[k] as SessionInterval;
      if (timeMs < iv.startMs) return TickOutcome.lunchBreak;
      if (timeMs < iv.endMs) return 0;
    }
    return TickOutcome.afterClose;
  }

  /** Halts trading in `symbol`: its ticks are rejected (`halted`) and its last price kept. @returns false when not a member. */
  halt(symbol: string): boolean {
    const i = this.indexOf.get(symbol);
    if (i === undefined) return false;
    this.halted[i] = 1;
    return true;
  }

  /** Lifts a halt. @returns false when not a member. */
  resume(symbol: string): boolean {
    const i = this.indexOf.get(symbol);
    if (i === undefined) return false;
    this.halted[i] = 0;
    return true;
  }

  /** Index level now (points): previous close level plus the running sum of moves. */
  level(): number {
    return this.baseLevel + this.move;
  }
  /** Level at the previous close, Σ indexShares × previousClose / divisor. */
  previousLevel(): number {
    return this.baseLevel;
  }
  /** Session high and low of the level (points). */
  levelHighLow(): { high: number; low: number } {
    return { high: this.levelHigh, low: this.levelLow };
  }
  /** Level recomputed from scratch, Σ indexShares × price / divisor: a check on the running sum. */
  recomputedLevel(): number {
    let sum = 0;
    for (let i = 0; i < this.size; i++) sum += (this.shares[i] as number) * (this.price[i] as number);
    return sum / this.divisor;
  }
  /** Ticks counted under each outcome name since the start (applied ones included). */
  outcomeCounts(): Record<TickOutcomeName, number> {
    const out = {} as Record<TickOutcomeName, number>;
    TICK_OUTCOME_NAMES.forEach((n, k) => (out[n] = this.counts[k] as number));
    return out;
  }
  /** Member `i` (0-based, the state's order). */
  member(i: number): LiveMemberView {
    const m = this.state.members[i];
    if (m === undefined) throw new RangeError(`no member at ${i}`);
    const ticks = this.tickCount[i] as number;
    return {
      symbol: m.symbol,
      price: this.price[i] as number,
      previousClose: this.prevClose[i] as number,
      high: this.high[i] as number,
      low: this.low[i] as number,
      contributionPoints: this.contrib[i] as number,
      ticks,
      stale: ticks === 0,
      halted: this.halted[i] === 1,
      lastTimeMs: ticks === 0 ? null : (this.lastTime[i] as number),
    };
  }
}
