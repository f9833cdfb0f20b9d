import { describe, expect, it } from 'vitest';
import { loadLiveSetup } from '../../src/app/live/loadLiveSetup.js';
import { hkexClosingAuction } from '../../src/calendar/hkexClosingAuction.js';
import { createHkexCalendar } from '../../src/calendar/hkexCalendar.js';
import { withClosingAuction } from '../../src/calendar/withClosingAuction.js';
import { asIndexCode, asSecurityId, asSessionDate, asTimeMs, type SessionDate, type TimeMs } from '../../src/core/units.js';
import { LiveIndexSession, runLiveSession } from '../../src/realtime/LiveIndexSession.js';
import { equalWeightLiveState } from '../../src/realtime/liveIndexState.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';

const A = asSecurityId('0700.HK');
const B = asSecurityId('9988.HK');
/** HKT wall time on `date` as UTC ms (HKT = UTC+8, no DST). */
const hkt = (date: string, hhmmss: string): TimeMs => asTimeMs(Date.parse(`${date}T${hhmmss}+08:00`));

/** A two-member equal-weight index at 1000 (previous closes 100 and 50) on the HKEX hours with the closing auction. */
function session(date: string): LiveIndexSession {
  const d = asSessionDate(date) as SessionDate;
  const state = equalWeightLiveState(asIndexCode('TEST'), d, [{ symbol: A, previousClose: 100 }, { symbol: B, previousClose: 50 }], 1000);
  const intervals = withClosingAuction(createHkexCalendar().sessionHours(d), hkexClosingAuction(d));
  return new LiveIndexSession(state, { intervals, publishEveryMs: 60_000 });
}

describe('the closing auction session in the live calculator', () => {
  it('applies a trade at 16:05 HKT on a full day: it sets the close, published at 16:10', () => {
    const s = session('2025-02-07');
    const pubs = runLiveSession(s, [
      { symbol: A, timeMs: hkt('2025-02-07', '15:59:00'), price: 105, seq: 1 },
      { symbol: A, timeMs: hkt('2025-02-07', '16:05:00'), price: 110, seq: 2 }, // the auction's matching price
    ]);
    expect(s.calculator.outcomeCounts()).toMatchObject({ applied: 2, after_close: 0 });
    const close = pubs.at(-1)!;
    // equal weights: each member is half of 1000; A at 110/100 → 500 × 1.1 + 500 = 1050 (105 before the auction: 1025)
    expect(close).toMatchObject({ phase: 'close', final: true, time: '2025-02-07T08:10:00.000Z' });
    expect(close.level).toBeCloseTo(1050, 9);
    const at1600 = pubs.find((p) => p.time === '2025-02-07T08:00:00.000Z')!;
    expect(at1600.phase).toBe('open'); // 16:00 is no longer the close
    expect(at1600.level).toBeCloseTo(1025, 9);
  });

  it('rejects a trade at 16:11 HKT as after the close and keeps the auction price', () => {
    const s = session('2025-02-07');
    const pubs = runLiveSession(s, [
      { symbol: A, timeMs: hkt('2025-02-07', '16:05:00'), price: 110, seq: 1 },
      { symbol: A, timeMs: hkt('2025-02-07', '16:11:00'), price: 120, seq: 2 },
    ]);
    expect(s.calculator.outcomeCounts()).toMatchObject({ applied: 1, after_close: 1 });
    expect(pubs.at(-1)!.level).toBeCloseTo(1050, 9); // 500 × 110/100 + 500, not 500 × 1.2 + 500 = 1100
  });

  it("applies a trade at 12:05 HKT on a half day (Lunar New Year's Eve 2025-01-28); the close is at 12:10", () => {
    const s = session('2025-01-28');
    const pubs = runLiveSession(s, [
      { symbol: B, timeMs: hkt('2025-01-28', '12:05:00'), price: 40, seq: 1 },
      { symbol: B, timeMs: hkt('2025-01-28', '12:10:00'), price: 30, seq: 2 }, // end exclusive: after the close
    ]);
    expect(s.calculator.outcomeCounts()).toMatchObject({ applied: 1, after_close: 1, lunch_break: 0 });
    // B at 40/50 → 500 + 500 × 0.8 = 900
    expect(pubs.at(-1)).toMatchObject({ phase: 'close', time: '2025-01-28T04:10:00.000Z' });
    expect(pubs.at(-1)!.level).toBeCloseTo(900, 9);
    expect(pubs.some((p) => p.phase === 'lunch')).toBe(false);
  });

  it('keeps continuous trading and the lunch break as they were', () => {
    const s = session('2025-02-07');
    const pubs = runLiveSession(s, [
      { symbol: A, timeMs: hkt('2025-02-07', '09:29:59'), price: 101, seq: 1 },
      { symbol: A, timeMs: hkt('2025-02-07', '09:30:00'), price: 102, seq: 2 },
      { symbol: A, timeMs: hkt('2025-02-07', '12:00:00'), price: 103, seq: 3 },
      { symbol: A, timeMs: hkt('2025-02-07', '12:59:59'), price: 104, seq: 4 },
      { symbol: A, timeMs: hkt('2025-02-07', '13:00:00'), price: 105, seq: 5 },
    ]);
    expect(s.calculator.outcomeCounts()).toMatchObject({ applied: 2, before_open: 1, lunch_break: 2 });
    expect(pubs.filter((p) => p.phase === 'lunch').map((p) => p.time)).toEqual(['2025-02-07T04:00:00.000Z']);
  });
});

describeWithSharedData('the live setup', () => {
  it('gives the calculator the auction and the generator continuous trading only', async () => {
    const setup = await loadLiveSetup({ dataDir: HK_DATA, date: asSessionDate('2025-02-07') });
    const iso = (ivs: readonly { startMs: number; endMs: number }[]): string[][] => ivs.map((i) => [new Date(i.startMs).toISOString(), new Date(i.endMs).toISOString()]);
    expect(iso(setup.intervals)).toEqual([
      ['2025-02-07T01:30:00.000Z', '2025-02-07T04:00:00.000Z'],
      ['2025-02-07T05:00:00.000Z', '2025-02-07T08:00:00.000Z'],
    ]);
    expect(iso(setup.intervalsWithAuction)).toEqual([
      ['2025-02-07T01:30:00.000Z', '2025-02-07T04:00:00.000Z'],
      ['2025-02-07T05:00:00.000Z', '2025-02-07T08:10:00.000Z'], // 13:00-16:10 HKT
    ]);
  });
});
