import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHkexCalendar } from '../../calendar/hkexCalendar.js';
import { asSessionDate, type SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import { membersOn } from '../../domain/membership.js';
import { validateBars } from '../../store/validateBars.js';
import { formatBarsCsv } from '../csvBars/formatBarsCsv.js';
import { parseBarsCsv } from '../csvBars/parseBarsCsv.js';
import { Garch11 } from './Garch11.js';
import { roundToHkTick } from './hkTickSize.js';
import { simulateMarket } from './simulateMarket.js';

const FROM = asSessionDate('2023-07-03');
const TO = asSessionDate('2026-06-30');
const m = simulateMarket({ seed: 7, from: FROM, to: TO });
const series = [...m.series.values()];

/** Equal-weight index of adjusted-close returns (a stand-in for the engine, enough to see regimes). */
function equalWeightReturns(): number[] {
  const out: number[] = [];
  for (let t = 1; t < m.sessions.length; t++) {
    let s = 0;
    for (const bars of series) s += ((bars[t] as Bar).adjClose as number) / ((bars[t - 1] as Bar).adjClose as number) - 1;
    out.push(s / series.length);
  }
  return out;
}

describe('simulateMarket', () => {
  it('has 31 securities (30 members + 1 joiner), all labelled simulated, on every HKEX session', () => {
    expect(m.securities).toHaveLength(31);
    expect(m.securities.every((s) => s.id.endsWith('.SIM') && s.attributes?.simulated === true)).toBe(true);
    expect(m.indexName).toBe('Simulated Tech (simulated data)');
    const sessions = createHkexCalendar().sessionsBetween(FROM, TO);
    expect(m.sessions).toEqual(sessions);
    for (const bars of series) expect(bars.map((b) => b.date)).toEqual(sessions);
  });

  it('produces valid bars: positive, bracketing, on HKEX ticks', () => {
    for (const [id, bars] of m.series) {
      expect(validateBars(bars, id, 'sim')).toEqual([]);
      for (const b of bars) for (const p of [b.open, b.high, b.low, b.close]) expect(roundToHkTick(p)).toBe(p);
    }
  });

  it('keeps 30 members on every session, with one constituent change at a quarterly review', () => {
    const changes = m.members.filter((x) => x.from !== null || x.to !== null);
    expect(changes).toHaveLength(2);
    const review = changes[0]?.to as SessionDate;
    expect(changes[1]?.from).toBe(review);
    // first session after the first Friday of a quarter month
    expect(['03', '06', '09', '12']).toContain(review.slice(5, 7));
    for (const d of m.sessions) expect(membersOn(m.members, d)).toHaveLength(30);
  });

  it('has a 2:1 split, a special dividend, a rights issue and cash dividends, visible in raw prices only', () => {
    const kinds = new Set(m.actions.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['cash_dividend', 'rights_issue', 'special_dividend', 'split']);
    const split = m.actions.find((a) => a.kind === 'split');
    if (split?.kind !== 'split') throw new Error('no split');
    expect(split.ratio).toBe(2);
    const bars = m.series.get(split.symbol) as readonly Bar[];
    const t = bars.findIndex((b) => b.date === split.exDate);
    const raw = (bars[t] as Bar).close / (bars[t - 1] as Bar).close; // about 1/2 x one day's move
    const adj = ((bars[t] as Bar).adjClose as number) / ((bars[t - 1] as Bar).adjClose as number);
    expect(raw).toBeGreaterThan(0.4);
    expect(raw).toBeLessThan(0.6);
    expect(Math.abs(Math.log(adj))).toBeLessThan(0.15); // adjusted series shows only the day's move
    // the last bar of every series is its own adjusted close
    for (const b of series) expect((b[b.length - 1] as Bar).adjClose).toBe((b[b.length - 1] as Bar).close);
  });

  it('follows the regime path: a bear market (> 20% fall), then a rally of more than 20% off the low', () => {
    expect(m.regimes.map((r) => r.kind)).toEqual(['bull', 'bear', 'rally', 'calm']);
    const rets = equalWeightReturns();
    const path = [1];
    for (const r of rets) path.push((path[path.length - 1] as number) * (1 + r));
    let peak = 1, maxDd = 0, troughAt = 0;
    path.forEach((p, t) => {
      peak = Math.max(peak, p);
      if (p / peak - 1 < maxDd) [maxDd, troughAt] = [p / peak - 1, t];
    });
    const rally = Math.max(...path.slice(troughAt).map((p) => p / (path[troughAt] as number) - 1));
    expect(maxDd).toBeLessThan(-0.2);
    expect(rally).toBeGreaterThan(0.2);
  });

  it('has fat tails and volatility clustering', () => {
    const rets = equalWeightReturns();
    const mean = rets.reduce((a, b) => a + b, 0) / rets.length;
    const dev = rets.map((r) => r - mean);
    const v = dev.reduce((a, b) => a + b * b, 0) / dev.length;
    const kurtosis = dev.reduce((a, b) => a + b ** 4, 0) / dev.length / (v * v);
    expect(kurtosis).toBeGreaterThan(3.5); // a normal distribution has 3
    const sq = dev.map((x) => x * x);
    const sqMean = v;
    let num = 0, den = 0;
    for (let i = 0; i < sq.length; i++) {
      den += ((sq[i] as number) - sqMean) ** 2;
      if (i > 0) num += ((sq[i] as number) - sqMean) * ((sq[i - 1] as number) - sqMean);
    }
    expect(num / den).toBeGreaterThan(0.05); // lag-1 autocorrelation of squared returns
  });

  it('is deterministic: same seed, same market; another seed, another market', () => {
    const again = simulateMarket({ seed: 7, from: FROM, to: TO });
    expect(again).toEqual(m);
    const other = simulateMarket({ seed: 8, from: FROM, to: TO });
    expect(other.series.get(m.securities[0]?.id as never)).not.toEqual(m.series.get(m.securities[0]?.id as never));
  });

  it('rejects impossible options with clear errors', () => {
    expect(() => simulateMarket({ seed: 1, from: FROM, to: TO, members: 2 })).toThrow('members must be 3..33: 2');
    expect(() => simulateMarket({ seed: 1, from: FROM, to: asSessionDate('2023-07-31') })).toThrow(
      'need at least 60 sessions between 2023-07-03 and 2023-07-31, got 20',
    );
  });
});

describe('simMarket helpers', () => {
  it('rounds to the HKEX spread table', () => {
    // 0.2137 -> tick 0.001 -> 0.214; 7.456 -> tick 0.01 -> 7.46; 15.33 -> tick 0.02 -> 15.34;
    // 123.456 -> tick 0.1 -> 123.5; 480.3 -> tick 0.2 -> 480.4; 0.0001 -> at least one tick 0.001
    expect([0.2137, 7.456, 15.33, 123.456, 480.3, 0.0001].map(roundToHkTick)).toEqual([0.214, 7.46, 15.34, 123.5, 480.4, 0.001]);
    expect(() => roundToHkTick(0)).toThrow('price must be positive and finite: 0');
  });

  it('GARCH(1,1) raises variance after a shock and returns to the long-run level', () => {
    const g = new Garch11(0.01, 0.1, 0.85);
    g.update(0.05); // var = 1e-4 * 0.05 + 0.1 * 0.0025 + 0.85 * 1e-4 = 5e-6 + 2.5e-4 + 8.5e-5 = 3.4e-4
    expect(g.volatility()).toBeCloseTo(Math.sqrt(3.4e-4), 15);
    for (let i = 0; i < 2000; i++) g.update(0.01); // shocks at the long-run size keep it there
    expect(g.volatility()).toBeCloseTo(0.01, 10);
    expect(() => new Garch11(0.01, 0.2, 0.8)).toThrow('alpha + beta < 1');
  });

  it('formatBarsCsv round-trips through parseBarsCsv (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ c: fc.double({ min: 0.001, max: 1e6, noNaN: true }), v: fc.option(fc.nat(), { nil: null }) }), { maxLength: 30 }), (rows) => {
        const bars: Bar[] = rows.map((r, i) => ({
          date: asSessionDate(new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)),
          open: r.c, high: r.c * 1.5, low: r.c / 1.5, close: r.c, adjClose: r.c, volume: r.v === 0 ? null : r.v,
        }));
        const p = parseBarsCsv(formatBarsCsv(bars), 'X.csv');
        expect(p.issues).toEqual([]);
        expect(p.bars).toEqual(bars);
      }),
    );
  });
});
