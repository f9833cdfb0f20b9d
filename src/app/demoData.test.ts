import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryBarStore } from '../store/memory/MemoryBarStore.js';
import { writeDemoData } from './demoData.js';
import { importBars } from './importBars.js';
import { loadMarketData, loadMembers } from './marketData.js';

const root = mkdtempSync(join(tmpdir(), 'indexwire-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeDemoData', () => {
  const a = writeDemoData(join(root, 'a'));

  it('writes byte-identical files for the same seed, and different ones for another seed', () => {
    const b = writeDemoData(join(root, 'b'));
    expect(readdirSync(b.dir).sort()).toEqual(readdirSync(a.dir).sort());
    for (const f of a.files) expect(readFileSync(join(b.dir, f)).equals(readFileSync(join(a.dir, f))), f).toBe(true);
    const c = writeDemoData(join(root, 'c'), { seed: 8 });
    expect(readFileSync(join(c.dir, '7001.SIM.csv')).equals(readFileSync(join(a.dir, '7001.SIM.csv')))).toBe(false);
  });

  it('is read by the --data loaders and the import job without a single issue', async () => {
    expect(a.files).toEqual([
      ...a.market.securities.map((s) => `${s.id}.csv`).sort(),
      'README.md', 'simtech_actions.json', 'simtech_members.csv', 'simtech_securities.json',
    ].sort());
    const data = loadMarketData(a.dir);
    expect(data.issues).toEqual([]);
    expect(data.series.size).toBe(31);
    expect(loadMembers(a.membersFile)).toEqual(a.market.members);
    const store = new MemoryBarStore();
    const report = await importBars(a.dir, store);
    // 31 securities x 734 sessions (HKEX 2023-07-03..2026-06-30) = 22,754 bars
    expect(a.sessions).toBe(734);
    expect(report.totals).toEqual({ files: 31, rejectedFiles: 0, written: 31 * 734, skipped: 0, rejected: 0 });
    expect(report.memberships).toEqual([{ file: a.membersFile, code: 'SIMTECH', written: 31, skipped: 0 }]);
    expect(readFileSync(join(a.dir, 'README.md'), 'utf8')).toMatch(/^# SIMULATED DATA: Simulated Tech\n/);
  });
});
