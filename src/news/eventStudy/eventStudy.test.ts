import { describe, expect, it } from 'vitest';
import { NotEnoughDataError } from '../../core/errors.js';
import { addDays, asSessionDate, type SessionDate } from '../../core/units.js';
import type { PricePoint } from './alignReturns.js';
import { alignReturns } from './alignReturns.js';
import { corradoRankZ, midRanks } from './corradoRank.js';
import { eventStudy } from './eventStudy.js';
import { studentTTwoSidedP } from './studentT.js';

const D0 = asSessionDate('2025-01-01');
/** Prices starting at 100 that produce exactly these returns on consecutive days. */
function pricesFrom(returns: readonly number[]): PricePoint[] {
  const out: PricePoint[] = [{ date: D0, price: 100 }];
  returns.forEach((r, i) => out.push({ date: addDays(D0, i + 1), price: out[i]!.price * (1 + r) }));
  return out;
}

describe('eventStudy (hand-computed, L1 = 4, gap = 0)', () => {
  // Estimation returns: Rm = [.01, -.01, .02, 0], Ri = [.02, -.01, .03, .01]; event days: Rm = [.03, -.01], Ri = [.08, 0].
  // mean Rm = .005, mean Ri = .0125; Sxx = .000025+.000225+.000225+.000025 = .0005
  // Sxy = .005*.0075 + .015*.0225 + .015*.0175 + .005*.0025 = .00065 -> beta = 1.3, alpha = .0125 - 1.3*.005 = .006
  // residuals .001, -.003, -.002, .004 -> SSR = 30e-6 -> sigma^2 = 30e-6 / (4 - 2) = 15e-6
  // tau 0: expected .006 + 1.3*.03 = .045 -> AR = .035; Var = 15e-6 * (1 + 1/4 + .025^2/.0005) = 15e-6 * 2.5 = 37.5e-6
  // tau 1: expected .006 - .013 = -.007 -> AR = .007
  // CAR[0,1] = .042; Var = 15e-6 * (2 + 2^2/4 + (.025 - .015)^2/.0005) = 15e-6 * 3.2 = 48e-6
  const stock = pricesFrom([0.02, -0.01, 0.03, 0.01, 0.08, 0]);
  const market = pricesFrom([0.01, -0.01, 0.02, 0, 0.03, -0.01]);
  const r = eventStudy(stock, market, addDays(D0, 5), { estimationSessions: 4, gapSessions: 0, windows: [[0, 0], [0, 1]] });

  it('fits the market model', () => {
    expect(r.estimation.beta).toBeCloseTo(1.3, 10);
    expect(r.estimation.alpha).toBeCloseTo(0.006, 12);
    expect(r.estimation.residualVariance).toBeCloseTo(15e-6, 14);
    expect(r.estimation.from).toBe('2025-01-02');
    expect(r.estimation.to).toBe('2025-01-05');
    expect(r.eventSession).toBe('2025-01-06');
  });
  it('computes AR, CAR and t-statistics with the prediction-error variance', () => {
    expect(r.days.map((d) => d.tau)).toEqual([0, 1]);
    expect(r.days[0]!.abnormalReturn).toBeCloseTo(0.035, 12);
    expect(r.days[0]!.tStat).toBeCloseTo(0.035 / Math.sqrt(37.5e-6), 8); // 5.7155
    expect(r.days[1]!.abnormalReturn).toBeCloseTo(0.007, 12);
    const [w00, w01] = r.windows;
    expect(w00!.car).toBeCloseTo(0.035, 12);
    expect(w00!.tStat).toBeCloseTo(r.days[0]!.tStat!, 10); // one day: the CAR formula is the single-day formula
    expect(w01!.car).toBeCloseTo(0.042, 12);
    expect(w01!.carStdDev).toBeCloseTo(Math.sqrt(48e-6), 12);
    expect(w01!.tStat).toBeCloseTo(0.042 / Math.sqrt(48e-6), 8); // 6.0622
    // df = 2: P(|T| >= t) = 1 - t / sqrt(t^2 + 2)
    const t = w00!.tStat!;
    expect(w00!.sessionsSpanned).toBe(1);
    expect(w00!.pValue).toBeCloseTo(1 - t / Math.sqrt(t * t + 2), 10);
  });
  it('computes the Corrado rank Z over the estimation returns and the window\'s own days', () => {
    // [0,0]: ranked ARs [.001, -.003, -.002, .004, .035] -> ranks [3, 1, 2, 4, 5], mid 3,
    // s_K = sqrt((0 + 4 + 1 + 1 + 4) / 5) = sqrt(2): Z = (5 - 3) / sqrt(2) = 1.414214
    expect(r.windows[0]!.rankZ).toBeCloseTo(2 / Math.SQRT2, 10);
    // [0,1]: ranked ARs [.001, -.003, -.002, .004, .035, .007] -> ranks [3, 1, 2, 4, 6, 5], mid 3.5
    // s_K = sqrt((.25 + 6.25 + 2.25 + .25 + 6.25 + 2.25) / 6) = sqrt(17.5 / 6) = 1.707825
    const sK = Math.sqrt(17.5 / 6);
    expect(r.windows[1]!.rankZ).toBeCloseTo((2.5 + 1.5) / (Math.SQRT2 * sK), 10);
  });
  it('the rank Z of a window does not depend on the other windows requested (issue 17)', () => {
    // with [0,1] also requested, day 1 used to join the ranked sample of [0,0] (1.7178 vs 1.7198 on Kingdee)
    const alone = eventStudy(stock, market, addDays(D0, 5), { estimationSessions: 4, gapSessions: 0, windows: [[0, 0]] });
    expect(alone.windows[0]!.rankZ).toBe(r.windows[0]!.rankZ);
  });
  it('marks a window incomplete when the data ends first', () => {
    const short = eventStudy(stock, market, addDays(D0, 5), { estimationSessions: 4, gapSessions: 0, windows: [[0, 5]] });
    expect(short.windows[0]).toMatchObject({ complete: false, car: null });
  });
  it('needs L1 + gap returns before the event', () => {
    expect(() => eventStudy(stock, market, addDays(D0, 5), { estimationSessions: 4, gapSessions: 1 })).toThrow(NotEnoughDataError);
  });
});

describe('event-study edges (issue 17)', () => {
  const d = (n: number): SessionDate => addDays(D0, n);
  it('a return spanning a suspension gets n sessions of alpha and variance, and says so', () => {
    // Same estimation as above (alpha .006, beta 1.3, sigma^2 15e-6, mean Rm .005, Sxx .0005, L = 4).
    // The market trades on days 5, 6 and 7 (+.01 each); the stock is suspended on days 5 and 6, so its first return
    // after day 4 runs from day 4 to day 7: n = 3 sessions. Stock 100 -> 110 (+10%), market 100 -> 1.01^3 = 103.0301.
    const est = pricesFrom([0.02, -0.01, 0.03, 0.01]); // days 0..4
    const mkt = pricesFrom([0.01, -0.01, 0.02, 0, 0.01, 0.01, 0.01]); // days 0..7
    const s4 = est[4]!.price;
    const stockS = [...est, { date: d(7), price: s4 * 1.1 }];
    const r3 = eventStudy(stockS, mkt, d(5), { estimationSessions: 4, gapSessions: 0, windows: [[0, 0]] });
    const day = r3.days[0]!;
    expect(r3.eventSession).toBe(d(7));
    expect(day.sessionsSpanned).toBe(3);
    const Rm = 1.01 ** 3 - 1; // .030301
    // expected = 3 * .006 + 1.3 * .030301 = .0573913; AR = .1 - .0573913 = .0426087
    expect(day.expectedReturn).toBeCloseTo(3 * 0.006 + 1.3 * Rm, 12);
    expect(day.abnormalReturn).toBeCloseTo(0.1 - (0.018 + 1.3 * Rm), 12);
    // Var = 15e-6 * (3 + 9/4 + (.030301 - 3 * .005)^2 / .0005) = 15e-6 * (5.25 + .468181) = 85.774e-6
    // t = .0426087 / sqrt(85.774e-6) = 4.6007. With one day's alpha and variance it was
    // (.1 - .006 - 1.3 * .030301) / sqrt(15e-6 * (1 + 1/4 + (.030301 - .005)^2 / .0005)) = .0546087 / sqrt(37.954e-6) = 8.864
    const v = 15e-6 * (3 + 9 / 4 + (Rm - 0.015) ** 2 / 0.0005);
    expect(day.tStat).toBeCloseTo(day.abnormalReturn / Math.sqrt(v), 8);
    expect(day.tStat).toBeCloseTo(4.6007, 4);
    expect(day.note).toMatch(/spans 3 sessions of the benchmark: the stock did not trade on the 2 before/);
    expect(r3.windows[0]!.sessionsSpanned).toBe(3);
    expect(r3.notes.some((n) => n.startsWith('tau 0: spans 3 sessions'))).toBe(true);
  });
  it('a benchmark with a nearly constant return (0.1% every day) is refused with a clear error, not a beta of 1e12', () => {
    const flat = pricesFrom(Array.from({ length: 8 }, () => 0.001));
    const s = pricesFrom([0.02, -0.01, 0.03, 0.01, 0.02, 0, 0.01, 0.02]);
    expect(() => eventStudy(s, flat, d(6), { estimationSessions: 4, gapSessions: 0, windows: [[0, 0]] }))
      .toThrow(/event study: field "benchmark": returns are constant over the estimation window .* no beta can be estimated/);
  });
  it('a perfect fit gives null t and p with complete: true and a note saying why', () => {
    const m = pricesFrom([0.01, -0.01, 0.02, 0, 0.03, -0.01]);
    const p = eventStudy(m, m, d(5), { estimationSessions: 4, gapSessions: 0, windows: [[0, 0], [0, 1]] });
    // stock = benchmark: alpha 0, beta 1, residuals 0 -> t = AR / 0 is undefined, not an incomplete window
    expect(p.estimation.residualVariance).toBe(0);
    for (const w of p.windows) {
      expect(w).toMatchObject({ complete: true, tStat: null, pValue: null });
      expect(w.car).toBeCloseTo(0, 12);
      expect(w.note).toBe('perfect fit: the benchmark explains every estimation return (residual variance 0), so t and p are undefined');
    }
    expect(p.days[0]!.tStat).toBeNull();
  });
});

describe('alignReturns', () => {
  it('uses the intersection of dates; a gap becomes one longer return', () => {
    const d = (n: number): SessionDate => addDays(D0, n);
    const s = [{ date: d(0), price: 10 }, { date: d(1), price: 11 }, { date: d(2), price: 12.1 }];
    const m = [{ date: d(0), price: 100 }, { date: d(2), price: 102 }, { date: d(3), price: 103 }];
    const r = alignReturns(s, m);
    expect(r.dates).toEqual([d(2)]);
    expect(r.stock[0]).toBeCloseTo(0.21, 12); // 12.1 / 10 - 1 across the missing market day
    expect(r.market[0]).toBeCloseTo(0.02, 12);
    // d1 is missing from the market inside the common range d0..d2; d3 (after the stock ends) is not a gap
    expect(r).toMatchObject({ droppedStockOnly: 1, droppedMarketOnly: 0 });
    expect(r.spans).toEqual([1]); // the market has no session between d0 and d2: one market session spanned
  });
  it('rejects unordered dates and non-positive prices', () => {
    expect(() => alignReturns([{ date: addDays(D0, 1), price: 1 }, { date: D0, price: 1 }], [])).toThrow(/not after/);
    expect(() => alignReturns([{ date: D0, price: 0 }], [])).toThrow(/positive/);
  });
});

describe('statistics helpers', () => {
  it('Student-t two-sided p-values', () => {
    expect(studentTTwoSidedP(1, 1)).toBeCloseTo(0.5, 10); // Cauchy: 1 - (2/pi) atan(1) = 0.5
    expect(studentTTwoSidedP(0, 10)).toBeCloseTo(1, 12);
    expect(studentTTwoSidedP(1.959964, 1e7)).toBeCloseTo(0.05, 5);
    expect(studentTTwoSidedP(2.228139, 10)).toBeCloseTo(0.05, 5); // t table, df 10, 97.5%
  });
  it('mid-ranks share ties and the rank Z is zero-centred', () => {
    expect(midRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(corradoRankZ([1, 2, 3], [1])).toBe(0);
  });
});
