import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { Fact, MilestoneReport } from '../../src/domain/fact.js';
import { milestonesFromFiles } from '../../src/app/milestones.js';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';
import { describe } from 'vitest';

const find = (r: MilestoneReport, type: string, pred: (f: Fact) => boolean = () => true): Fact => {
  const f = r.facts.find((x) => x.type === type && pred(x));
  if (!f) throw new Error(`no ${type} fact in ${JSON.stringify(r.facts.map((x) => x.type))}`);
  return f;
};
/** Asserts to the basis point: |actual - expected| < 0.005 percentage points. */
const bp = (actual: number | undefined | null, expected: number) => expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(0.005);

describeWithSharedData('milestones acceptance: HSTECH 2025-02-07 (../shared/data/hk)', () => {
  const r = milestonesFromFiles({ symbol: 'HSTECH', on: '2025-02-07', dataDir: HK_DATA });

  it('rose as much as 2.86% and closed up 1.80% at 5,150.35', () => {
    // as much as: 5203.93 / 5059.38 - 1 = 144.55 / 5059.38 = 0.028571 -> +2.86%
    const up = find(r, 'as_much_as', (f) => f.detail?.['direction'] === 'up');
    bp(up.changePct, 2.86);
    expect(up.value).toBe(5203.93);
    expect(up.reference).toEqual({ date: '2025-02-06', value: 5059.38 });
    // close: 5150.35 / 5059.38 - 1 = 90.97 / 5059.38 = 0.017980 -> +1.80%
    expect(r.close).toBe(5150.35);
    expect(r.previousClose).toBe(5059.38);
    bp(r.changePct, 1.8);
  });

  it('entered a technical bull market on the close, 21.99% above the 2025-01-13 low, after a bear market from 2024-10-07', () => {
    // 5150.35 / 4221.92 - 1 = 928.43 / 4221.92 = 0.219907 -> 21.99%
    const bull = find(r, 'bull_market');
    expect(bull.basis).toBe('close');
    expect(bull.event).toBe('entered');
    bp(bull.changePct, 21.99);
    expect(bull.reference).toEqual({ date: '2025-01-13', value: 4221.92 });
    expect(bull.detail?.['previous']).toEqual({ type: 'bear_market', reference: { date: '2024-10-07', value: 5386.48 } });
  });

  it('closed 4.38% below the 2024 high and 52.94% below the all-time high', () => {
    // 5150.35 / 5386.48 - 1 = -236.13 / 5386.48 = -0.043838 -> 4.38% below
    const y2024 = find(r, 'period_high', (f) => f.period === '2024');
    bp(y2024.changePct, -4.38);
    expect(y2024.reference).toEqual({ date: '2024-10-07', value: 5386.48 });
    // 5150.35 / 10945.22 - 1 = -5794.87 / 10945.22 = -0.529443 -> 52.94% below
    const ath = find(r, 'all_time_high', (f) => f.basis === 'close');
    bp(ath.changePct, -52.94);
    expect(ath.reference).toEqual({ date: '2021-02-17', value: 10945.22 });
    // within 5% of the 2024 high: closing in on it
    expect(find(r, 'closing_in', (f) => f.period === '2024').reference?.date).toBe('2024-10-07');
  });

  it('says plainly that HSTECH has no volume instead of guessing', () => {
    expect(r.notes?.some((n) => n.startsWith('not enough history for volume'))).toBe(true);
    expect(r.facts.some((f) => f.type === 'volume')).toBe(false);
  });
});

describe('milestones acceptance: S&P 500 2020-03-12 (vega-datasets data/sp500-2000.csv)', () => {
  const csv = resolve(REPO_ROOT, 'node_modules/vega-datasets/data/sp500-2000.csv');
  const r = milestonesFromFiles({ on: '2020-03-12', csv });

  it('entered a bear market on the close, 26.7% below the 2020-02-19 record close 3,386.15', () => {
    // 2480.639893 / 3386.149902 - 1 = -905.510009 / 3386.149902 = -0.267416 -> 26.74% below
    const bear = find(r, 'bear_market', (f) => f.basis === 'close');
    expect(bear.event).toBe('entered');
    bp(bear.changePct, -26.74);
    expect(bear.reference).toEqual({ date: '2020-02-19', value: 3386.149902 });
    const ath = find(r, 'all_time_high', (f) => f.basis === 'close');
    expect(ath.reference).toEqual({ date: '2020-02-19', value: 3386.149902 });
  });

  it('crossed the bear line only intraday the session before (2020-03-11)', () => {
    // low 2707.219971 <= 0.8 x 3386.149902 = 2708.919922, close 2741.379883 above it
    const prev = milestonesFromFiles({ on: '2020-03-11', csv });
    const intraday = find(prev, 'bear_market', (f) => f.basis === 'intraday');
    expect(intraday.event).toBe('entered');
    expect(intraday.value).toBe(2707.219971);
    expect(prev.facts.some((f) => f.type === 'bear_market' && f.basis === 'close')).toBe(false);
    expect(find(prev, 'bull_market').event).toBe('in');
  });

  it('was the biggest one-session loss in the data (since 2000): -9.51%', () => {
    // 2480.639893 / 2741.379883 - 1 = -260.73999 / 2741.379883 = -0.095113
    const loss = find(r, 'biggest_loss_since');
    bp(loss.changePct, -9.51);
    expect(loss.since).toBe('record');
  });
});
