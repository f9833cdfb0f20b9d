import { afterEach, expect, it, vi } from 'vitest';
import { runCli } from '../support/runCli.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';

const run = runCli;

afterEach(() => vi.restoreAllMocks());

describeWithSharedData('indexwire index (real data)', () => {
  it('show: constituents of the replica on 2025-02-07, biggest contributor first, points adding up', async () => {
    const [code, out] = await run(['index', 'show', 'HSTECH-R', '--on', '2025-02-07', '--data', HK_DATA, '--json']);
    expect(code).toBe(0);
    const s = JSON.parse(out) as { level: number; previousLevel: number; constituents: { symbol: string; contributionPoints: number; weight: number }[] };
    expect(s.constituents).toHaveLength(30);
    const pts = s.constituents.reduce((a, c) => a + c.contributionPoints, 0);
    expect(Math.abs(pts - (s.level - s.previousLevel))).toBeLessThan(1e-9);
    expect(s.level / s.previousLevel - 1).toBeCloseTo(0.0178, 3); // official HSTECH: +1.80% that day
  });

  it('show: readable table with a header line', async () => {
    const [code, out] = await run(['index', 'show', 'HSTECH-R', '--on', '2025-02-07', '--data', HK_DATA]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^HSTECH-R 2025-02-07: [\d.]+ \(\+[\d.]+ pts, \+1\.78%\) TR [\d.]+$/);
    expect(out).toContain('symbol   weight %');
  });

  it('build --csv prints one row per session', async () => {
    const [code, out] = await run(['index', 'build', 'methodologies/hstech-replica.yaml', '--data', HK_DATA, '--from', '2025-02-03', '--to', '2025-02-07', '--csv']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('date,level,level_tr,divisor,divisor_tr,change_pct,events');
    expect(lines.slice(1).map((l) => l.slice(0, 10))).toEqual(['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07']);
  });

  it('fails with one line for a date that is not a session', async () => {
    const [code, , err] = await run(['index', 'show', 'HSTECH-R', '--on', '2025-02-08', '--data', HK_DATA]);
    expect(code).toBe(1);
    expect(err).toBe('indexwire: error: --on: value "2025-02-08" is not a session of HSTECH-R (last session before: 2025-02-07)\n');
  });
});
