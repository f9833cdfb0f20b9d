import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDemoData } from '../../src/app/demoData.js';
import { importBars } from '../../src/app/importBars.js';
import { main } from '../../src/cli/main.js';
import { asIndexCode, asSecurityId, asSessionDate } from '../../src/core/units.js';
import { DuckDbBarStore } from '../../src/store/duckdb/DuckDbBarStore.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';

const dir = mkdtempSync(join(tmpdir(), 'indexwire-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeWithSharedData('import of the real HK folder', () => {
  it('stores every file, then re-imports with 0 written; memberships too', async () => {
    const db = join(dir, 'hk.duckdb');
    const csvFiles = readdirSync(HK_DATA).filter((n) => n.endsWith('.csv') && !/member/i.test(n));
    let store = await DuckDbBarStore.open(db);
    const first = await importBars(HK_DATA, store);
    expect(first.totals.files).toBe(csvFiles.length);
    expect(first.totals.rejectedFiles).toBe(0);
    expect(first.totals.rejected).toBe(0);
    expect(first.totals.skipped).toBe(0);
    const counts = await store.barCounts();
    expect(counts.reduce((a, c) => a + c.bars, 0)).toBe(first.totals.written);
    const hstech = await store.getBars(asSecurityId('HSTECH'), '2025-02-07' as never, '2025-02-07' as never);
    expect(hstech).toHaveLength(1);
    expect((await store.getMemberships(asIndexCode('HSTECH'))).length).toBeGreaterThanOrEqual(30);
    await store.close();

    store = await DuckDbBarStore.open(db);
    const second = await importBars(HK_DATA, store);
    expect(second.totals).toEqual({ ...first.totals, written: 0, skipped: first.totals.written });
    expect(second.memberships[0]).toMatchObject({ code: 'HSTECH', written: 0 });
    await store.close();
  });

});

describe('indexwire import (CLI)', () => {
  it('`indexwire import DIR --db FILE --json` prints the report', async () => {
    const data = writeDemoData(join(dir, 'demo'), { members: 3, from: asSessionDate('2025-01-02'), to: asSessionDate('2025-06-30') });
    const db = join(dir, 'cli.duckdb');
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await main(['node', 'indexwire', 'import', data.dir, '--db', db, '--json']);
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    const report = JSON.parse(out) as { db: string; totals: { rejectedFiles: number; written: number } };
    expect(report.db).toBe(db);
    expect(report.totals.rejectedFiles).toBe(0);
    expect(report.totals.written).toBe(4 * data.sessions); // 3 members + 1 joiner
    expect(data.sessions).toBe(120); // HKEX 2025-01-02..2025-06-30
  });
});
