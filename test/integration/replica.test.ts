import { join, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import { buildIndexFromFiles, type IndexRun } from '../../src/app/buildIndex.js';
import { loadMarketData, loadMembers } from '../../src/app/marketData.js';
import { readMethodology } from '../../src/app/buildIndex.js';
import { buildIndex } from '../../src/engine/buildIndex.js';
import { trackingError } from '../../src/engine/replica/trackingError.js';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';

const METHODOLOGY = resolve(REPO_ROOT, 'methodologies/hstech-replica.yaml');
const FROM = '2025-01-02' as SessionDate;
const TO = '2025-03-07' as SessionDate;

describeWithSharedData('HSTECH research replica vs HSTECH.csv (out of sample 2025-01-02..2025-03-07)', () => {
  let run: IndexRun;
  let hstech: Map<string, number>;
  beforeAll(async () => {
    run = await buildIndexFromFiles({ methodologyPath: METHODOLOGY, dataDir: HK_DATA });
    hstech = new Map(loadMarketData(HK_DATA).series.get('HSTECH' as never)!.map((b) => [b.date, b.close]));
  });

  it('tracks the official index: median |daily return error| <= 3.5 bp, 95th percentile <= 10.5 bp', () => {
    const t = trackingError(run.sessions, hstech, FROM, TO);
    // Measured 2026-11-25: 44 sessions, median 3.37 bp, p95 10.32 bp, worst 38.2 bp on 2025-01-02.
    expect(t.sessions).toBe(44);
    expect(t.medianBp).toBeLessThanOrEqual(3.5);
    expect(t.p95Bp).toBeLessThanOrEqual(10.5);
  });

  it('keeps tracking after 2025-03-07 with weights fitted only on data before each review', () => {
    // Reviews 2025-03-10, 06-09, 09-08 use only sessions before their effective date (no post-review refinement).
    // Measured 2026-11-25: 160 sessions 2025-03-10..2025-10-30, median 6.61 bp, p95 29.45 bp.
    const t = trackingError(run.sessions, hstech, '2025-03-10' as SessionDate, '2025-10-30' as SessionDate);
    expect(t.sessions).toBe(160);
    expect(t.medianBp).toBeLessThanOrEqual(6.7);
    expect(t.p95Bp).toBeLessThanOrEqual(30);
  });

  it('holds 30 members from the 2024-12-09 review, none above the 8% cap at the review', () => {
    const s = run.sessions.find((x) => x.date === '2024-12-09')!;
    expect(s.events).toEqual(['review: 30 constituents, fit weights capped at 0.08']);
    expect(s.constituents).toHaveLength(30);
    expect(s.constituents.map((c) => c.symbol)).toContain('0300.HK'); // Midea joined
    expect(s.constituents.map((c) => c.symbol)).not.toContain('9898.HK'); // Weibo left
    for (const c of s.constituents) expect(c.weight).toBeLessThanOrEqual(0.08 + 1e-12);
    // shares are held (no event) until the next review
    const feb = run.sessions.find((x) => x.date === '2025-02-07')!;
    expect(feb.events).toEqual([]);
    expect(feb.constituents.map((c) => c.indexShares)).toEqual(s.constituents.map((c) => c.indexShares));
  });

  it('uses no data on or after 2025-01-01 to set the 2024-12-09 weights', () => {
    // Scramble HSTECH from 2025-01-01 on: the index shares of the review must not change.
    const md = loadMarketData(HK_DATA);
    const members = loadMembers(join(HK_DATA, 'hstech_members.csv'));
    const m = readMethodology(METHODOLOGY);
    const bars = new Map(md.series);
    bars.set('HSTECH' as never, md.series.get('HSTECH' as never)!.map((b) => (b.date >= '2025-01-01' ? { ...b, close: b.close * 1.5 } : b)));
    const scrambled = buildIndex(m, { bars, members, to: '2025-03-07' as SessionDate });
    const a = run.sessions.find((x) => x.date === '2025-03-07')!;
    const b = scrambled.sessions.find((x) => x.date === '2025-03-07')!;
    expect(b.constituents.map((c) => c.indexShares)).toEqual(a.constituents.map((c) => c.indexShares));
    expect(b.level).toBe(a.level);
  });
});
