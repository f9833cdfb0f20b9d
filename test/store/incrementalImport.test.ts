import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIndexFromFiles } from '../../src/app/buildIndex.js';
import { importBars } from '../../src/app/importBars.js';
import { updateStoredIndex } from '../../src/app/index/storedIndex.js';
import { asIndexCode, type SessionDate } from '../../src/core/units.js';
import { DuckDbBarStore } from '../../src/store/duckdb/DuckDbBarStore.js';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';

const METHODOLOGY = join(REPO_ROOT, 'methodologies/hstech-replica.yaml');
const MEMBERS = join(HK_DATA, 'hstech_members.csv');
const LAST = '2025-02-07';

/** A copy of the HK folder with every bar up to `to` (membership file included). */
function folderUpTo(dir: string, to: string): void {
  mkdirSync(dir, { recursive: true });
  for (const n of readdirSync(HK_DATA)) {
    if (!n.endsWith('.csv')) continue;
    const lines = readFileSync(join(HK_DATA, n), 'utf8').split('\n');
    const keep = /member/i.test(n) ? lines : lines.filter((l, i) => i === 0 || (l !== '' && l.slice(0, 10) <= to));
    writeFileSync(join(dir, n), `${keep.join('\n')}\n`);
  }
}

// Issue 11: "Daily updates are incremental: importing one new session's bars touches only the new rows, and what
// depends on them (index sessions, facts) is recomputed from the last stored state, not from the base date."
describeWithSharedData('importing one more session into an existing store (real HK data, DuckDB file)', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'iw-incremental-'));
    folderUpTo(join(root, 'day1'), '2025-02-06');
    folderUpTo(join(root, 'day2'), LAST);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes only the new session: its bars, one index session continued from the stored state, equal to a full build', async () => {
    const store = await DuckDbBarStore.open(join(root, 'desk.duckdb'));
    try {
      await importBars(join(root, 'day1'), store);
      const first = await updateStoredIndex(store, { methodologyPath: METHODOLOGY, membersPath: MEMBERS });
      expect(first).toMatchObject({ code: 'HSTECH-R', from: 'base', reason: 'no stored state', last: '2025-02-06' });
      const before = await store.getIndexSessions(asIndexCode('HSTECH-R'));
      const revision = await store.barRevision();

      // the folder with one more session: every file is read again, only the new rows are written
      const report = await importBars(join(root, 'day2'), store);
      const withNewBar = report.files.filter((f) => f.written > 0).map((f) => f.symbol);
      const traded = readdirSync(HK_DATA).filter((n) => n.endsWith('.csv') && !/member/.test(n) && readFileSync(join(HK_DATA, n), 'utf8').includes(`\n${LAST},`));
      expect(withNewBar.sort()).toEqual(traded.map((n) => n.replace(/\.csv$/, '')).sort());
      expect(report.files.every((f) => f.written <= 1)).toBe(true); // one row per file at most: the new session's
      expect(report.totals.written).toBe(traded.length);
      const changed = await store.barChangesSince(revision);
      expect(new Set(changed.values())).toEqual(new Set([LAST])); // nothing before the new session was touched
      expect(report.memberships[0]).toMatchObject({ code: 'HSTECH', written: 0 });

      const second = await updateStoredIndex(store, { methodologyPath: METHODOLOGY, membersPath: MEMBERS });
      expect(second).toMatchObject({ from: 'state', sessions: 1, written: 1, last: LAST });
      const after = await store.getIndexSessions(asIndexCode('HSTECH-R'));
      expect(after.slice(0, -1)).toEqual(before); // the stored sessions before it are untouched
      // continuing from the stored state equals building from the base date, to the last bit
      const full = await buildIndexFromFiles({ methodologyPath: METHODOLOGY, dataDir: join(root, 'day2'), membersPath: MEMBERS, to: LAST as SessionDate });
      expect(after.at(-1)).toEqual(JSON.parse(JSON.stringify(full.sessions.at(-1))));
      expect(after.map((s) => s.level)).toEqual(full.sessions.map((s) => s.level));

      // nothing new: nothing computed; a corrected past bar: a full rebuild, and it says why
      expect(await updateStoredIndex(store, { methodologyPath: METHODOLOGY, membersPath: MEMBERS })).toMatchObject({ from: 'current', sessions: 0 });
      const tencent = await store.getBars('0700.HK' as never, '2025-01-02' as SessionDate, '2025-01-02' as SessionDate);
      await store.putBars('0700.HK' as never, tencent.map((b) => ({ ...b, close: b.close + 0.2, high: Math.max(b.high, b.close + 0.2) })), 'fix.csv');
      const third = await updateStoredIndex(store, { methodologyPath: METHODOLOGY, membersPath: MEMBERS });
      expect(third).toMatchObject({ from: 'base', reason: 'bars on or before 2025-02-07 changed (0700.HK)' });
    } finally {
      await store.close();
    }
  }, 120_000);
});
