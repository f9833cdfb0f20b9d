import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runReplay } from '../../src/app/live/runReplay.js';
import { ManualClock } from '../../src/core/clock.js';
import { asSessionDate } from '../../src/core/units.js';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';

describeWithSharedData('replay job on real data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iw-replay-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const date = asSessionDate('2025-02-07');
  const methodologyPath = join(REPO_ROOT, 'methodologies/hstech-replica.yaml');

  it('starts from the engine state and closes at the engine\'s own EOD level to 1e-9', async () => {
    const s = await runReplay({ dataDir: HK_DATA, date, methodologyPath, ticksPerMember: 50, everyMs: 60_000 });
    expect(s.stateSource).toBe('engine');
    expect(s.engineEvents).toEqual([]); // no review or action on the day: same shares as the day before
    expect(s.engineEodLevel).not.toBeNull();
    expect(s.closeVsEodRelDiff!).toBeLessThan(1e-9);
    expect(s.close!.ticks.applied).toBe(s.events);
  });

  it('publishes the same bytes at any replay speed, and from its own written tick log', async () => {
    const fast = join(dir, 'fast.ndjson'), paced = join(dir, 'paced.ndjson'), again = join(dir, 'again.ndjson'), log = join(dir, 'ticks.ndjson');
    await runReplay({ dataDir: HK_DATA, date, ticksPerMember: 40, seed: 5, everyMs: 10_000, outPath: fast, writeTicksPath: log });
    const clock = new ManualClock(0);
    let sleeps = 0;
    await runReplay({
      dataDir: HK_DATA, date, ticksPerMember: 40, seed: 5, everyMs: 10_000, outPath: paced, speed: 600, clock,
      sleep: async (ms) => {
        sleeps++;
        clock.advance(ms);
      },
    });
    await runReplay({ dataDir: HK_DATA, date, ticksPath: log, everyMs: 10_000, outPath: again });
    const a = readFileSync(fast, 'utf8');
    // 09:30-12:00: 899 + lunch; 13:00-16:10 (continuous trading + the closing auction, 11,400 s): 1139 + close
    // = 2040 publications, + the final newline (was 1980 with the close at 16:00, before the auction was traded)
    expect(a.split('\n').length).toBe(2041);
    expect(readFileSync(paced, 'utf8')).toBe(a);
    expect(readFileSync(again, 'utf8')).toBe(a);
    expect(sleeps).toBeGreaterThan(2040); // it did wait, on the injected clock
    // 09:30-16:10 (the close is published at the end of the closing auction) is 6 h 40 min = 24,000,000 ms of
    // market time; at 600x that is 40,000 ms of (fake) wall time
    expect(clock.nowMs()).toBe(40_000);
  });

  it('runs the analytics detectors on the live level: HSTECH enters bull territory during trading', async () => {
    const s = await runReplay({ dataDir: HK_DATA, date, ticksPerMember: 100, seed: 1, everyMs: 10_000 });
    const bull = s.facts.filter((f) => f.key.includes(':regime:bull_market:'));
    expect(bull.map((f) => f.key)).toContain('HSTECH:2025-02-07:regime:bull_market:close:entered:::');
    // entered when the live level first stood 20% above the trough close
    expect(bull.every((f) => f.changePct! >= 20)).toBe(true);
  });

  it('keeps a half day (Christmas Eve) to the morning: the close is published at 12:10 HKT, after the closing auction', async () => {
    const out = join(dir, 'half.ndjson');
    const s = await runReplay({ dataDir: HK_DATA, date: asSessionDate('2024-12-24'), ticksPerMember: 20, everyMs: 60_000, outPath: out });
    const pubs = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { time: string; phase: string });
    // 09:30-12:10 (continuous trading + the 12:00-12:10 closing auction) = 160 min: 159 minute marks + the close
    expect(pubs).toHaveLength(160);
    // 12:10 HKT = 04:10Z: the end of the half day's closing auction (was 04:00Z, the end of continuous trading)
    expect(pubs.at(-1)).toMatchObject({ time: '2024-12-24T04:10:00.000Z', phase: 'close' });
    expect(pubs.some((p) => p.phase === 'lunch')).toBe(false);
    expect(s.closeVsEodRelDiff!).toBeLessThan(1e-9);
  });

  it('reports bad tick rows with file, line and field and keeps the good ones', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'symbol,time,price,size,seq,corrects\n0700.HK,2025-02-07T09:30:05+08:00,420,100,1,\n0700.HK,2025-02-07T09:30:06+08:00,x,100,2,\n0700.HK,2025-02-07T12:30:00+08:00,421,100,3,\n');
    const s = await runReplay({ dataDir: HK_DATA, date, ticksPath: bad });
    expect(s.issues).toEqual([`${bad}:3: field "price": value "x" not a number (record skipped)`]);
    expect(s.close!.ticks).toMatchObject({ applied: 1, lunch_break: 1 });
  });
});
