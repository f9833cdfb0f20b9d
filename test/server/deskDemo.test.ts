import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData } from '../../src/app/demoData.js';
import { createDesk } from '../../src/app/desk/createDesk.js';
import type { DeskService } from '../../src/app/desk/deskService.js';
import { findMembersFile, findMethodology, membersCodeOf } from '../../src/app/desk/findDeskFiles.js';
import { buildServer } from '../../src/server/buildServer.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

describe('the desk and API on the embedded demo market (no shared data needed)', () => {
  let desk: DeskService;
  beforeAll(async () => {
    const dir = tmp('indexwire-demo-desk-');
    writeDemoData(dir);
    const membersPath = findMembersFile(dir);
    expect(membersPath).toBe(join(dir, 'simtech_members.csv'));
    const methodologyPath = findMethodology(membersCodeOf(membersPath as string)) as string;
    desk = createDesk({ dataDir: dir, membersPath: membersPath as string, methodologyPath });
    await desk.indexes();
  });

  it('serves the SIMTECH engine index: levels, constituents whose contributions add up, movers, markers', async () => {
    const app = await buildServer({ desk, dashboard: false, rateLimit: false });
    const latest = (await app.inject('/api/indexes/SIMTECH/latest')).json();
    expect(latest).toMatchObject({ code: 'SIMTECH', date: '2026-06-30' });
    const t = (await app.inject(`/api/indexes/SIMTECH/constituents?date=${latest.date}`)).json();
    expect(t.source).toBe('engine');
    expect(t.rows).toHaveLength(30);
    const sum = t.rows.reduce((a: number, r: { contributionPoints: number }) => a + r.contributionPoints, 0);
    expect(sum).toBeCloseTo(latest.level - latest.previousLevel, 9);
    const mv = (await app.inject(`/api/symbols/SIMTECH/movers?date=${latest.date}`)).json();
    expect(mv.gainers.length + mv.losers.length).toBeGreaterThan(0);
    const tl = (await app.inject('/api/symbols/SIMTECH/milestone-timeline?from=2023-07-03&to=2026-06-30')).json();
    expect(Array.isArray(tl.sessions)).toBe(true);
    await app.close();
  });
});
