import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';

const cli = (...args: string[]) => spawnSync(process.execPath, [resolve(REPO_ROOT, 'bin/indexwire.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

describeWithSharedData('indexwire milestones / movers (end to end, --json contracts)', () => {
  it('milestones prints the documented JSON shape', () => {
    const r = cli('milestones', 'HSTECH', '--on', '2025-02-07', '--data', HK_DATA, '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['symbol', 'date', 'close', 'previousClose', 'changePct', 'high', 'low', 'facts']));
    const facts = j['facts'] as { type: string; basis: string }[];
    expect(facts.every((f) => f.basis === 'close' || f.basis === 'intraday')).toBe(true);
    expect(facts.map((f) => f.type)).toEqual(expect.arrayContaining(['bull_market', 'as_much_as', 'all_time_high', 'period_high', 'highest_since', 'streak']));
  }, 30_000);

  it('movers prints the documented JSON shape with --top', () => {
    const r = cli('movers', 'HSTECH', '--on', '2025-02-07', '--data', HK_DATA, '--members', resolve(HK_DATA, 'hstech_members.csv'), '--top', '2', '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { members: number; gainers: Record<string, unknown>[]; losers: unknown[]; breadth: Record<string, unknown> };
    expect(j.members).toBe(30);
    expect(j.gainers).toHaveLength(2);
    expect(Object.keys(j.gainers[0] ?? {})).toEqual(expect.arrayContaining(['symbol', 'name', 'close', 'changePct', 'asMuchAsPct', 'contributionPoints']));
    expect(Object.keys(j.breadth)).toEqual(expect.arrayContaining(['advancers', 'decliners', 'at52WeekHigh']));
  }, 60_000);

  it('prints one clear line for a date with no session', () => {
    const r = cli('milestones', 'HSTECH', '--on', '2025-02-08', '--data', HK_DATA);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^indexwire: error: .*HSTECH\.csv: field "date": value "2025-02-08" no session on this date in HSTECH \(previous session 2025-02-07, next session 2025-02-10\)$/);
  }, 30_000);
});
