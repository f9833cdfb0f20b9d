import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { Mover } from '../../src/domain/fact.js';
import { moversFromFiles } from '../../src/app/movers.js';
import type { MoversReport } from '../../src/analytics/members/rankMovers.js';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';

const all = (r: MoversReport): Mover[] => [...r.gainers, ...r.losers, ...r.intraday.gainers, ...r.intraday.losers];
const bp = (actual: number | undefined, expected: number) => expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(0.005);

describeWithSharedData('movers acceptance: HSTECH members 2025-02-07', () => {
  const members = resolve(HK_DATA, 'hstech_members.csv');
  const run = (top: number) =>
    moversFromFiles({ symbol: 'HSTECH', on: '2025-02-07', dataDir: HK_DATA, membersPath: members, top, methodologyPath: resolve(REPO_ROOT, 'methodologies/hstech-replica.yaml') });

  it('ranks the 30 members of that day, with Lenovo, Xiaomi and Kingdee among the top gainers', async () => {
    const r = await run(30);
    expect(r.members).toBe(30);
    const by = (s: string) => all(r).find((m) => m.symbol === s);
    // Lenovo: high 12.1959 / previous close 11.1666 - 1 = 1.0293 / 11.1666 = 0.092177 -> +9.22%
    bp(r.intraday.gainers.find((m) => m.symbol === '0992.HK')?.asMuchAsPct, 9.22);
    // Xiaomi: 43.05 / 40.55 - 1 = 2.5 / 40.55 = 0.061652 -> +6.17%
    bp(r.intraday.gainers.find((m) => m.symbol === '1810.HK')?.asMuchAsPct, 6.17);
    // Kingdee: close 12.38 / 10.78 - 1 = 1.6 / 10.78 = 0.148423 -> +14.84%, the day's top gainer
    expect(r.gainers[0]?.symbol).toBe('0268.HK');
    bp(by('0268.HK')?.changePct, 14.84);
    expect(r.breadth.advancers + r.breadth.decliners + r.breadth.unchanged).toBe(30);
  });

  it('takes contributions from the index engine, and they add up to the replica move', async () => {
    const r = await run(30);
    expect(r.contributionSource).toMatch(/^engine HSTECH-R/);
    const [from, to] = (/ ([\d.]+) -> ([\d.]+)$/.exec(r.contributionSource ?? '') ?? []).slice(1).map(Number);
    const everyone = new Map(all(r).map((m) => [m.symbol, m.contributionPoints ?? 0]));
    // every member with a non-zero move appears in a gainers or losers list of 30, so the map holds all of them
    const sum = [...everyone.values()].reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - ((to as number) - (from as number)))).toBeLessThan(1e-6);
  });

  it('keeps the top-N lists to N', async () => {
    const r = await run(3);
    expect(r.gainers).toHaveLength(3);
    expect(r.losers).toHaveLength(3);
  });
});
