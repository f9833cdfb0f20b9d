/**
 * The bull/bear/correction state machine on closes (methodology.md §3.3, Dow Jones / S&P conventions):
 * - unknown until the first 20% move from the data's start: a close >= 1.2 x the lowest close so far enters a
 *   bull market (reference: that low), a close <= 0.8 x the highest close so far a bear market (reference: that high);
 * - bull: tracks the highest close since it began (the peak); a close <= 0.8 x peak enters a bear market measured
 *   from that peak; a close <= 0.9 x peak enters a correction, over at the next close above the peak;
 * - bear: tracks the lowest close since it began (the trough); a close >= 1.2 x trough enters a bull market measured
 *   from that trough. Hysteresis: the regime never flips back until the opposite 20% move completes.
 * - intraday crossing: the session low (bull) or high (bear) crossed the line but the close did not; said once per
 *   line: the first such session since the leg's extreme (a new peak or trough moves the line and re-arms it).
 * Ties keep the earliest date of an extreme (the day it was first reached). Thresholds are fractions.
 * One mutable object per series; `copyFrom` lets the streaming face evaluate a pending bar on a scratch copy.
 */
export class RegimeMachine {
  /** 0 unknown (warming up), 1 bull, -1 bear. */
  regime = 0;
  /** Reference of the current regime: the trough a bull started from, the peak a bear is measured from. */
  refIdx = -1;
  refVal = 0;
  /** Extreme of the current leg: the peak since a bull began, the trough since a bear began. */
  legIdx = -1;
  legVal = 0;
  /** Reference of the previous regime (-1 when none). */
  prevRefIdx = -1;
  prevRefVal = 0;
  /** Unknown phase: highest and lowest close since the data began. */
  maxIdx = -1;
  maxVal = 0;
  minIdx = -1;
  minVal = 0;
  inCorrection = false;
  /** The current line was already crossed intraday (reset by a new leg extreme or a flip). */
  intradaySeen = false;
  /** Outputs of the last step. */
  entered = false;
  intraday = false;
  /** 0 none, 1 entered a correction, 2 in a correction (close at or below the 10% line). */
  correction = 0;

  constructor(
    readonly bearDrop = 0.2,
    readonly bullRise = 0.2,
    readonly correctionDrop = 0.1,
  ) {}

  /** Advances one session: close `c`, high `h`, low `l` at bar index `i`. */
  step(i: number, c: number, h: number, l: number): void {
    this.entered = false;
    this.intraday = false;
    this.correction = 0;
    if (this.regime === 0) {
      if (this.maxIdx < 0) {
        this.maxIdx = this.minIdx = i;
        this.maxVal = this.minVal = c;
      } else if (c >= this.minVal * (1 + this.bullRise)) {
        this.flip(1, this.minIdx, this.minVal, i, c);
      } else if (c <= this.maxVal * (1 - this.bearDrop)) {
        this.flip(-1, this.maxIdx, this.maxVal, i, c);
      } else {
        if (c > this.maxVal) ((this.maxVal = c), (this.maxIdx = i));
        if (c < this.minVal) ((this.minVal = c), (this.minIdx = i));
      }
      return;
    }
    if (this.regime === 1) {
      if (c > this.legVal) {
        this.legVal = c;
        this.legIdx = i;
        this.inCorrection = false;
        this.intradaySeen = false;
      }
      if (c <= this.legVal * (1 - this.bearDrop)) {
        this.flip(-1, this.legIdx, this.legVal, i, c);
        return;
      }
      if (l <= this.legVal * (1 - this.bearDrop) && !this.intradaySeen) this.intraday = this.intradaySeen = true;
      if (c <= this.legVal * (1 - this.correctionDrop)) {
        this.correction = this.inCorrection ? 2 : 1;
        this.inCorrection = true;
      }
      return;
    }
    if (c < this.legVal) {
      this.legVal = c;
      this.legIdx = i;
      this.intradaySeen = false;
    }
    if (c >= this.legVal * (1 + this.bullRise)) {
      this.flip(1, this.legIdx, this.legVal, i, c);
      return;
    }
    if (h >= this.legVal * (1 + this.bullRise) && !this.intradaySeen) this.intraday = this.intradaySeen = true;
  }

  private flip(regime: number, refIdx: number, refVal: number, i: number, c: number): void {
    this.prevRefIdx = this.regime === 0 ? -1 : this.refIdx;
    this.prevRefVal = this.regime === 0 ? 0 : this.refVal;
    this.regime = regime;
    this.refIdx = refIdx;
    this.refVal = refVal;
    this.legIdx = i;
    this.legVal = c;
    this.inCorrection = false;
    this.intradaySeen = false;
    this.entered = true;
  }

  copyFrom(o: RegimeMachine): void {
    this.regime = o.regime;
    this.refIdx = o.refIdx;
    this.refVal = o.refVal;
    this.legIdx = o.legIdx;
    this.legVal = o.legVal;
    this.prevRefIdx = o.prevRefIdx;
    this.prevRefVal = o.prevRefVal;
    this.maxIdx = o.maxIdx;
    this.maxVal = o.maxVal;
    this.minIdx = o.minIdx;
    this.minVal = o.minVal;
    this.inCorrection = o.inCorrection;
    this.intradaySeen = o.intradaySeen;
    this.entered = o.entered;
    this.intraday = o.intraday;
    this.correction = o.correction;
  }
}
