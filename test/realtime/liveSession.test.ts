import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHkexCalendar } from '../../src/calendar/hkexCalendar.js';
import { asIndexCode, asSecurityId, asSessionDate, type SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { loadMarketData, loadMembers } from '../../src/app/marketData.js';
import { generateSessionTicks, generateTickPath } from '../../src/realtime/generateTickPath.js';
import { LiveIndexSession, runLiveSession } from '../../src/realtime/LiveIndexSession.js';
import { equalWeightLiveState } from '../../src/realtime/liveIndexState.js';
import { serializePublication } from '../../src/realtime/levelPublication.js';
import { sessionPhase } from '../../src/realtime/sessionPhase.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';
import { join } from 'node:path';

const cal = createHkexCalendar();

describe('generateTickPath', () => {
  const hours = cal.sessionHours(asSessionDate('2025-02-07'));
  const day = { open: 412.2, high: 421.4, low: 405.6, close: 418.8 };
  const path = generateTickPath(asSecurityId('0700.HK'), day, hours, { seed: 7, ticksPerMember: 500 });
  it('opens at the open, closes at the close, touches the high and the low and stays inside them', () => {
    expect(path).toHaveLength(500);
    expect(path[0]!.price).toBe(412.2);
    expect(path[0]!.timeMs).toBe(hours[0]!.startMs); // 09:30 HKT
    expect(path.at(-1)!.price).toBe(418.8);
    expect(path.at(-1)!.timeMs).toBe(hours[1]!.endMs - 1000); // 15:59:59 HKT
    expect(Math.max(...path.map((x) => x.price))).toBe(421.4);
    expect(Math.min(...path.map((x) => x.price))).toBe(405.6);
  });
  it('trades only in session hours (never in the lunch break), in time and seq order', () => {
    for (const x of path) expect(sessionPhase(hours, x.timeMs)).toBe('open');
    for (let i = 1; i < path.length; i++) {
      expect(path[i]!.timeMs).toBeGreaterThanOrEqual(path[i - 1]!.timeMs);
      expect(path[i]!.seq).toBe(i + 1);
    }
  });
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateTickPath(asSecurityId('0700.HK'), day, hours, { seed: 7, ticksPerMember: 500 })).toEqual(path);
    expect(generateTickPath(asSecurityId('0700.HK'), day, hours, { seed: 8, ticksPerMember: 500 })).not.toEqual(path);
  });
  it('keeps a half day to the morning', () => {
    const half = cal.sessionHours(asSessionDate('2024-12-24'));
    expect(half).toHaveLength(1);
    const p = generateTickPath(asSecurityId('X'), day, half, { seed: 1, ticksPerMember: 50 });
    expect(p.at(-1)!.timeMs).toBe(half[0]!.endMs - 1000); // 11:59:59 HKT
  });
  it('refuses a range where the close is above the high', () => {
    expect(() => generateTickPath(asSecurityId('X'), { ...day, close: 500 }, hours, { seed: 1 })).toThrow(/low <= open, close <= high/);
  });
});

/** The session's bars, previous closes and an equal-weight state from the real HSTECH members. */
function realSession(date: SessionDate) {
  const data = loadMarketData(HK_DATA);
  const members = loadMembers(join(HK_DATA, 'hstech_members.csv'));
  const prev = cal.previousSession(date);
  const rows: { symbol: ReturnType<typeof asSecurityId>; today: Bar; prevClose: number }[] = [];
  for (const m of members) {
    const bars = data.series.get(m.symbol) ?? [];
    const today = bars.find((b) => b.date === date);
    const before = bars.find((b) => b.date === prev);
    if (today && before) rows.push({ symbol: m.symbol, today, prevClose: before.close });
  }
  const idxPrev = data.series.get(asSecurityId('HSTECH'))!.find((b) => b.date === prev)!.close;
  const state = equalWeightLiveState(asIndexCode('HSTECH'), date, rows.map((r) => ({ symbol: r.symbol, previousClose: r.prevClose })), idxPrev);
  return { rows, state };
}

describeWithSharedData('live session on the real HSTECH members (2025-02-07)', () => {
  const date = asSessionDate('2025-02-07');
  const hours = cal.sessionHours(date);
  const { rows, state } = realSession(date);
  const ticks = generateSessionTicks(rows.map((r) => ({ symbol: r.symbol, day: r.today })), hours, { seed: 42, ticksPerMember: 300 });
  const run = () => runLiveSession(new LiveIndexSession(state, { intervals: hours }), ticks);
  const pubs = run();

  it('publishes every 2 s in session hours, at lunch and at the close', () => {
    // 09:30-12:00 = 9000 s -> 4499 slots + lunch; 13:00-16:00 = 10800 s -> 5399 slots + close: 9900
    expect(pubs).toHaveLength(9900);
    expect(pubs.filter((p) => p.phase === 'lunch')).toHaveLength(1);
    expect(pubs.at(-1)).toMatchObject({ phase: 'close', final: true, seq: 9900 });
    expect(pubs.at(-1)!.ticks.applied).toBe(rows.length * 300);
  });

  it('closes at the end-of-day level for the same prices, to 1e-9', () => {
    // EOD by hand: Σ indexShares × close / divisor, summed in member order.
    let eod = 0;
    state.members.forEach((m, i) => (eod += m.indexShares * rows[i]!.today.close));
    eod /= state.divisor;
    const close = pubs.at(-1)!.level;
    expect(Math.abs(close - eod) / eod).toBeLessThan(1e-9);
    expect(pubs.at(-1)!.members.every((m) => !m.stale)).toBe(true);
  });

  it('gives byte-identical publications when the same tick log is replayed', () => {
    const a = pubs.map(serializePublication).join('\n');
    const b = run().map(serializePublication).join('\n');
    expect(b).toBe(a);
    expect(a.length).toBeGreaterThan(1e6);
  });

  it('reports live facts: the index as much as up and members beyond ±8%', () => {
    const facts = pubs.flatMap((p) => p.facts);
    const up = facts.filter((f) => f.symbol === null && f.key.includes('as_much_as:up'));
    expect(up.length).toBeGreaterThan(0);
    // each key once
    expect(new Set(facts.map((f) => f.key)).size).toBe(facts.length);
    for (const f of facts.filter((x) => x.symbol !== null)) expect(Math.abs(f.fact.changePct!)).toBeGreaterThanOrEqual(8);
  });
});

describe('generateTickPath (property)', () => {
  it('for any consistent day: opens at the open, closes at the close, touches high and low, stays inside, trades in hours', () => {
    const hours = cal.sessionHours(asSessionDate('2025-02-07'));
    const dayArb = fc
      .tuple(fc.double({ min: 0.2, max: 2000, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([low, spread, o, c]) => {
        const high = low * (1 + spread);
        return { low, high, open: low + (high - low) * o, close: low + (high - low) * c };
      });
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 4, max: 120 }), fc.integer(), (day, n, seed) => {
        const p = generateTickPath(asSecurityId('X'), day, hours, { seed, ticksPerMember: n });
        expect(p).toHaveLength(n);
        expect(p[0]!.price).toBe(day.open);
        expect(p.at(-1)!.price).toBe(day.close);
        const prices = p.map((x) => x.price);
        expect(Math.max(...prices)).toBe(day.high);
        expect(Math.min(...prices)).toBe(day.low);
        for (const x of p) expect(sessionPhase(hours, x.timeMs)).toBe('open');
      }),
      { numRuns: 200 },
    );
  });
});
