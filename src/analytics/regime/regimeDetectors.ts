import type { Fact } from '../../domain/fact.js';
import type { BatchOutput, DetectorSpec } from '../detector.js';
import { StreamingDetector } from '../detector.js';
import type { BarColumns } from '../series/BarColumns.js';
import type { BarsView } from '../series/BarsView.js';
import { RegimeMachine } from './RegimeMachine.js';

/** What RegimeMachine says about one session, as stored by the batch face. */
interface RegimeRow {
  regime: number;
  entered: boolean;
  intraday: boolean;
  correction: number;
  refIdx: number;
  prevRefIdx: number;
  legIdx: number;
}

const ref = (v: BarsView, j: number) => ({ date: v.date(j), value: v.close(j) });
const pct = (a: number, b: number) => (a / b - 1) * 100;

/**
 * Facts of the regime detector for bar i:
 * `bull_market` / `bear_market` on the close (`entered` the session it crossed, `in` after), with the reference
 * trough or peak and `changePct` = close against it; on entry `detail.previous` names the regime it ended and its
 * reference. An intraday-only crossing adds the opposite type with `basis: "intraday"`, `event: "entered"`,
 * `value` = the session low/high and `changePct` = that extreme against the current leg's peak/trough.
 */
function regimeFacts(v: BarsView, i: number, r: RegimeRow): Fact[] | null {
  if (r.regime === 0) return null;
  const bull = r.regime === 1;
  const type = bull ? 'bull_market' : 'bear_market';
  const facts: Fact[] = [];
  const base: Fact = {
    type,
    basis: 'close',
    event: r.entered ? 'entered' : 'in',
    changePct: pct(v.close(i), v.close(r.refIdx)),
    value: v.close(i),
    reference: ref(v, r.refIdx),
  };
  if (r.entered && r.prevRefIdx >= 0) {
    facts.push({ ...base, detail: { previous: { type: bull ? 'bear_market' : 'bull_market', reference: ref(v, r.prevRefIdx) } } });
  } else facts.push(base);
  if (r.intraday) {
    const x = bull ? v.low(i) : v.high(i);
    facts.push({
      type: bull ? 'bear_market' : 'bull_market',
      basis: 'intraday',
      event: 'entered',
      changePct: pct(x, v.close(r.legIdx)),
      value: x,
      reference: ref(v, r.legIdx),
    });
  }
  return facts;
}

/** Facts of the correction detector: `correction` entered / in (close at least 10% below the bull-leg peak). */
function correctionFacts(v: BarsView, i: number, r: RegimeRow): Fact[] | null {
  if (r.regime === 0) return null;
  if (r.correction === 0) return [];
  return [{
    type: 'correction',
    basis: 'close',
    event: r.correction === 1 ? 'entered' : 'in',
    changePct: pct(v.close(i), v.close(r.legIdx)),
    value: v.close(i),
    reference: ref(v, r.legIdx),
  }];
}

type Materialize = (v: BarsView, i: number, r: RegimeRow) => Fact[] | null;

function rowOf(m: RegimeMachine): RegimeRow {
  return { regime: m.regime, entered: m.entered, intraday: m.intraday, correction: m.correction, refIdx: m.refIdx, prevRefIdx: m.prevRefIdx, legIdx: m.legIdx };
}

/** The state machine over a whole series, once per series (shared by the regime and correction detectors). */
function regimeColumns(cols: BarColumns) {
  return cols.memo('regime', () => runRegime(cols));
}

function batchRegime(cols: BarColumns, toFacts: Materialize): BatchOutput {
  const { regime, flags, refIdx, prevRefIdx, legIdx } = regimeColumns(cols);
  return {
    factsAt: (i) => {
      const f = flags[i] as number;
      return toFacts(cols, i, {
        regime: regime[i] as number,
        entered: (f & 1) !== 0,
        intraday: (f & 2) !== 0,
        correction: f >> 2,
        refIdx: refIdx[i] as number,
        prevRefIdx: prevRefIdx[i] as number,
        legIdx: legIdx[i] as number,
      });
    },
  };
}

/**
 * RegimeMachine.step over a whole series with the state in local variables (the same statements in the same
 * order, thresholds computed the same way; the reference values are not needed, only their indexes; the contract test compares it with the streaming face, which steps
 * the machine itself).
 */
function runRegime(cols: BarColumns) {
  const n = cols.length;
  const regime = new Int8Array(n), flags = new Uint8Array(n);
  const refIdx = new Int32Array(n), prevRefIdx = new Int32Array(n), legIdx = new Int32Array(n);
  const m = new RegimeMachine();
  const bearDrop = m.bearDrop, bullRise = m.bullRise, correctionDrop = m.correctionDrop;
  const { closes, highs, lows } = cols;
  let reg = 0, refI = -1, legI = -1, legV = 0, prevRefI = -1;
  let maxI = -1, maxV = 0, minI = -1, minV = 0, inCorrection = false, intradaySeen = false;
  for (let i = 0; i < n; i++) {
    const c = closes[i] as number;
    let entered = false, intraday = false, correction = 0;
    // flip(regime, ref): the previous reference, the new one, and the leg starting at this close.
    let flipTo = 0, flipRefI = -1;
    if (reg === 0) {
      if (maxI < 0) {
        maxI = minI = i;
        maxV = minV = c;
      } else if (c >= minV * (1 + bullRise)) ((flipTo = 1), (flipRefI = minI));
      else if (c <= maxV * (1 - bearDrop)) ((flipTo = -1), (flipRefI = maxI));
      else {
        if (c > maxV) ((maxV = c), (maxI = i));
        if (c < minV) ((minV = c), (minI = i));
      }
    } else if (reg === 1) {
      if (c > legV) {
        legV = c;
        legI = i;
        inCorrection = false;
        intradaySeen = false;
      }
      if (c <= legV * (1 - bearDrop)) ((flipTo = -1), (flipRefI = legI));
      else {
        if ((lows[i] as number) <= legV * (1 - bearDrop) && !intradaySeen) intraday = intradaySeen = true;
        if (c <= legV * (1 - correctionDrop)) {
          correction = inCorrection ? 2 : 1;
          inCorrection = true;
        }
      }
    } else {
      if (c < legV) {
        legV = c;
        legI = i;
        intradaySeen = false;
      }
      if (c >= legV * (1 + bullRise)) ((flipTo = 1), (flipRefI = legI));
      else if ((highs[i] as number) >= legV * (1 + bullRise) && !intradaySeen) intraday = intradaySeen = true;
    }
    if (flipTo !== 0) {
      prevRefI = reg === 0 ? -1 : refI;
      reg = flipTo;
      refI = flipRefI;
      legI = i;
      legV = c;
      inCorrection = false;
      intradaySeen = false;
      entered = true;
    }
    regime[i] = reg;
    flags[i] = (entered ? 1 : 0) | (intraday ? 2 : 0) | (correction << 2);
    refIdx[i] = refI;
    prevRefIdx[i] = prevRefI;
    legIdx[i] = legI;
  }
  return { regime, flags, refIdx, prevRefIdx, legIdx };
}

class StreamingRegime extends StreamingDetector {
  private readonly committedM = new RegimeMachine();
  private readonly scratch = new RegimeMachine();
  constructor(private readonly toFacts: Materialize) {
    super();
  }
  protected evaluate(i: number): Fact[] | null {
    const b = this.hist.pendingBar!;
    this.scratch.copyFrom(this.committedM);
    this.scratch.step(i, b.close, b.high, b.low);
    return this.toFacts(this.hist, i, rowOf(this.scratch));
  }
  protected commit(): void {
    this.committedM.copyFrom(this.scratch);
  }
}

/** Bull and bear markets on the close, and intraday-only crossings. */
export const regimeDetector: DetectorSpec = {
  id: 'regime',
  summary: 'bull_market / bear_market: entered or in, 20% from the reference trough or peak; intraday-only crossing',
  batch: (cols) => batchRegime(cols, regimeFacts),
  create: () => new StreamingRegime(regimeFacts),
};

/** Corrections: 10% below the peak of the current bull leg, over at the next close above that peak. */
export const correctionDetector: DetectorSpec = {
  id: 'correction',
  summary: 'correction: close 10% or more below the peak of the current bull leg (entered / in)',
  batch: (cols) => batchRegime(cols, correctionFacts),
  create: () => new StreamingRegime(correctionFacts),
};
