import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importBars } from '../../src/app/importBars.js';
import { asSecurityId } from '../../src/core/units.js';
import { parseBarsCsv } from '../../src/sources/csvBars/parseBarsCsv.js';
import { DuckDbBarStore } from '../../src/store/duckdb/DuckDbBarStore.js';
import { MemoryBarStore } from '../../src/store/memory/MemoryBarStore.js';
import type { BarStore } from '../../src/store/ports.js';

const H = 'date,open,high,low,close,adj_close,volume';
const R1 = '2025-01-02,10,11,9,10.5,10.5,1000';
const R2 = '2025-01-03,10.5,12,10,11,11,2000';
const R3 = '2025-01-06,11,11.5,10.5,11.2,11.2,1500';
const EXPECTED_HEADER = `expected header ${H}`;

interface Case {
  readonly name: string;
  readonly text: string;
  /** Whole file refused. */
  readonly rejected: boolean;
  /** Bars that survive parsing (0 when rejected). */
  readonly bars: number;
  /** Exact issue messages; `F` stands for the file path. */
  readonly issues: readonly string[];
}

/** Every broken (and a few tricky but good) input, with the exact message a user sees. */
const CASES: readonly Case[] = [
  { name: 'not a number', text: `${H}\n${R1}\n2025-01-03,10.5,12,10,abc,11,2000\n${R3}\n`, rejected: false, bars: 2,
    issues: ['F:3: field "close": value "abc" not a number (row skipped)'] },
  { name: 'empty price', text: `${H}\n${R1}\n2025-01-03,,12,10,11,11,2000\n`, rejected: false, bars: 1,
    issues: ['F:3: field "open": value "" not a number (row skipped)'] },
  { name: 'hex is not a number', text: `${H}\n2025-01-02,0x10,17,15,16,,\n`, rejected: false, bars: 0,
    issues: ['F:2: field "open": value "0x10" not a number (row skipped)'] },
  { name: 'Infinity is not a number', text: `${H}\n2025-01-02,10,Infinity,9,10,,\n`, rejected: false, bars: 0,
    issues: ['F:2: field "high": value "Infinity" not a number (row skipped)'] },
  { name: 'Yahoo null row', text: `${H}\n2025-01-02,null,null,null,null,null,null\n${R2}\n`, rejected: false, bars: 1,
    issues: ['F:2: field "open": value "null" not a number (row skipped)'] },
  { name: 'negative price', text: `${H}\n2025-01-02,-10,11,9,10.5,10.5,1000\n`, rejected: false, bars: 0,
    issues: ['F:2: field "open": value "-10" price must be positive (row skipped)'] },
  { name: 'zero price', text: `${H}\n${R1}\n2025-01-03,10.5,12,0,11,11,2000\n`, rejected: false, bars: 1,
    issues: ['F:3: field "low": value "0" price must be positive (row skipped)'] },
  { name: 'high below low', text: `${H}\n2025-01-02,10,9,11,10,10,1000\n${R2}\n`, rejected: false, bars: 1,
    issues: ['F:2: field "high": value "9" high below low 11 (row skipped)'] },
  { name: 'high not bracketing (repaired)', text: `${H}\n2025-01-02,10,10.2,9,10.4,10.4,1000\n`, rejected: false, bars: 1,
    issues: ['F:2: field "high": value "10.2" does not bracket open 10 and close 10.4; widened (row repaired)'] },
  { name: 'low not bracketing (repaired)', text: `${H}\n2025-01-02,10,11,9.9,9.8,9.8,1000\n`, rejected: false, bars: 1,
    issues: ['F:2: field "low": value "9.9" does not bracket open 10 and close 9.8; widened (row repaired)'] },
  { name: 'negative volume', text: `${H}\n${R1}\n2025-01-03,10.5,12,10,11,11,-5\n`, rejected: false, bars: 1,
    issues: ['F:3: field "volume": value "-5" not a non-negative number (row skipped)'] },
  { name: 'bad adj_close', text: `${H}\n2025-01-02,10,11,9,10.5,x,1000\n`, rejected: false, bars: 0,
    issues: ['F:2: field "adj_close": value "x" not a positive number (row skipped)'] },
  { name: 'zero adj_close', text: `${H}\n2025-01-02,10,11,9,10.5,0,1000\n${R2}\n`, rejected: false, bars: 1,
    issues: ['F:2: field "adj_close": value "0" not a positive number (row skipped)'] },
  { name: 'duplicate date', text: `${H}\n${R1}\n${R2}\n${R2}\n`, rejected: true, bars: 0,
    issues: ['F:4: field "date": value "2025-01-03" duplicate date (also on line 3) (file rejected)'] },
  { name: 'unordered date', text: `${H}\n${R1}\n${R3}\n${R2}\n`, rejected: true, bars: 0,
    issues: ['F:4: field "date": value "2025-01-03" date out of order: after 2025-01-06 (file rejected)'] },
  { name: 'missing column', text: 'date,open,high,low,close,volume\n2025-01-02,10,11,9,10.5,1000\n', rejected: true, bars: 0,
    issues: [`F:1: field "adj_close": value "volume" missing column "adj_close": ${EXPECTED_HEADER} (file rejected)`] },
  { name: 'wrong header order', text: 'date,high,open,low,close,adj_close,volume\n2025-01-02,11,10,9,10.5,,\n', rejected: true, bars: 0,
    issues: [`F:1: field "open": value "high" wrong header: expected ${H} (file rejected)`] },
  { name: 'extra header column', text: `${H},extra\n${R1},1\n`, rejected: true, bars: 0,
    issues: [`F:1: value "${H},extra" wrong header: expected ${H} (file rejected)`] },
  { name: 'no header at all', text: `${R1}\n${R2}\n`, rejected: true, bars: 0,
    issues: [`F:1: field "date": value "2025-01-02" missing column "date": ${EXPECTED_HEADER} (file rejected)`] },
  { name: 'wrong field count', text: `${H}\n${R1}\n2025-01-03,10.5,12,10\n${R3}\n`, rejected: true, bars: 0,
    issues: ['F:3: value "2025-01-03,10.5,12,10" expected 7 fields, got 4 (file rejected)'] },
  { name: 'bad date (month 13)', text: `${H}\n2025-13-01,10,11,9,10.5,10.5,1000\n`, rejected: true, bars: 0,
    issues: ['F:2: field "date": value "2025-13-01" not a date (YYYY-MM-DD) (file rejected)'] },
  { name: 'bad date (US format)', text: `${H}\n${R1}\n01/03/2025,10.5,12,10,11,11,2000\n`, rejected: true, bars: 0,
    issues: ['F:3: field "date": value "01/03/2025" not a date (YYYY-MM-DD) (file rejected)'] },
  { name: 'bad date (Feb 30)', text: `${H}\n2025-02-30,10,11,9,10.5,10.5,1000\n`, rejected: true, bars: 0,
    issues: ['F:2: field "date": value "2025-02-30" not a date (YYYY-MM-DD) (file rejected)'] },
  { name: 'empty file', text: '', rejected: true, bars: 0, issues: [`F:1: empty file: ${EXPECTED_HEADER} (file rejected)`] },
  { name: 'blank-lines-only file', text: '\n\r\n  \n', rejected: true, bars: 0, issues: [`F:1: empty file: ${EXPECTED_HEADER} (file rejected)`] },
  // Tricky but good inputs: nothing lost, no issue.
  { name: 'header only', text: `${H}\n`, rejected: false, bars: 0, issues: [] },
  { name: 'byte-order mark', text: `\uFEFF${H}\n${R1}\n${R2}\n`, rejected: false, bars: 2, issues: [] },
  { name: 'CRLF line ends', text: `${H}\r\n${R1}\r\n${R2}\r\n`, rejected: false, bars: 2, issues: [] },
  // issue 15: CR-only line ends (classic Mac OS, some spreadsheet exports) were one long line, "missing column"
  { name: 'CR-only line ends', text: `${H}\r${R1}\r${R2}\r${R3}\r`, rejected: false, bars: 3, issues: [] },
  { name: 'CR-only line ends, a bad row named by its line', text: `${H}\r${R1}\r2025-01-03,abc,12,10,11,11,2000\r${R3}\r`, rejected: false, bars: 2,
    issues: ['F:3: field "open": value "abc" not a number (row skipped)'] },
  { name: 'trailing blank lines', text: `${H}\n${R1}\n${R2}\n\n\n\n`, rejected: false, bars: 2, issues: [] },
  { name: 'upper-case header and quoted numbers', text: `DATE,Open,High,Low,Close,Adj_Close,Volume\n2025-01-02,"10","11","9","10.5","",""\n`, rejected: false, bars: 1, issues: [] },
  { name: 'empty adj_close/volume and Yahoo volume 0', text: `${H}\n2025-01-02,10,11,9,10.5,,\n2025-01-03,10.5,12,10,11,11,0\n`, rejected: false, bars: 2, issues: [] },
];

const root = mkdtempSync(join(tmpdir(), 'indexwire-csv-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sym = asSecurityId('TEST.HK');

/** Writes one case as `<dir>/TEST.HK.csv` in a fresh folder; returns the folder and the file path. */
function writeCase(i: number, text: string, tag: string): { dir: string; file: string } {
  const dir = join(root, `${tag}-${i}`);
  mkdirSync(dir);
  const file = join(dir, 'TEST.HK.csv');
  writeFileSync(file, text);
  return { dir, file };
}

describe('broken CSV bar files: exact messages', () => {
  it(`has at least 20 broken cases (${CASES.filter((c) => c.issues.some((m) => !m.endsWith('(row repaired)'))).length})`, () => {
    expect(CASES.filter((c) => c.issues.some((m) => !m.endsWith('(row repaired)'))).length).toBeGreaterThanOrEqual(20);
  });
  for (const c of CASES) {
    it(`parser: ${c.name}`, () => {
      const p = parseBarsCsv(c.text, 'F');
      expect(p.issues.map((x) => x.message)).toEqual(c.issues);
      expect(p.rejected).toBe(c.rejected);
      expect(p.bars).toHaveLength(c.bars);
    });
  }
});

const stores: ReadonlyArray<readonly [string, (dir: string) => Promise<BarStore>]> = [
  ['memory', async () => new MemoryBarStore()],
  ['duckdb file', async (dir) => DuckDbBarStore.open(join(dir, 'test.duckdb'))],
];

for (const [storeName, open] of stores) {
  describe(`broken CSV bar files through the import job (${storeName})`, () => {
    it('stores exactly the surviving bars of each case, nothing of a rejected file, and reports the same lines', async () => {
      for (const [i, c] of CASES.entries()) {
        const { dir, file } = writeCase(i, c.text, storeName.replace(' ', '-'));
        const store = await open(dir);
        try {
          const report = await importBars(dir, store);
          const f = report.files[0];
          expect(report.files, c.name).toHaveLength(1);
          expect(f?.issues, c.name).toEqual(c.issues.map((m) => m.replace(/^F:/, `${file}:`)));
          expect(f?.status, c.name).toBe(c.rejected ? 'rejected' : 'stored');
          expect(f?.written, c.name).toBe(c.bars);
          const stored = await store.getBars(sym);
          expect(stored, c.name).toHaveLength(c.bars);
          if (c.rejected) expect(await store.symbols(), c.name).toEqual([]);
          // Every data row is accounted for: written + rejected (+ nothing else on a first import).
          const dataRows = c.text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).slice(1).filter((l) => l.trim() !== '').length;
          expect((f?.written ?? 0) + (f?.rejected ?? 0), c.name).toBe(dataRows);
          // A second import of the same file changes nothing.
          const again = await importBars(dir, store);
          expect(again.totals.written, c.name).toBe(0);
          expect(await store.getBars(sym), c.name).toEqual(stored);
        } finally {
          await store.close();
        }
      }
    });

    it('a broken new version of a file loses nothing already stored', async () => {
      const { dir, file } = writeCase(999, `${H}\n${R1}\n${R2}\n`, `${storeName.replace(' ', '-')}-keep`);
      const store = await open(dir);
      try {
        expect((await importBars(dir, store)).totals).toEqual({ files: 1, rejectedFiles: 0, written: 2, skipped: 0, rejected: 0 });
        writeFileSync(file, `${H}\n${R1}\n${R2}\n${R2}\n2025-01-07,1,1,1,1,,\n`); // duplicate date: rejected
        const r = await importBars(dir, store);
        expect(r.totals).toEqual({ files: 1, rejectedFiles: 1, written: 0, skipped: 0, rejected: 4 });
        expect((await store.getBars(sym)).map((b) => b.date)).toEqual(['2025-01-02', '2025-01-03']);
      } finally {
        await store.close();
      }
    });
  });
}
