import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndexFromFiles, buildIndexFromFilesThroughStore, type IndexRun } from '../../src/app/buildIndex.js';
import { readBarColumnsFile } from '../../src/sources/csvBars/readBarsFolder.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();
const plain = (r: IndexRun) => JSON.parse(JSON.stringify(r)) as unknown;
const H = 'date,open,high,low,close,adj_close,volume';

/** HKEX sessions of January-February 2025 (weekdays; 01-01 and 01-29..31 closed). */
const SESSIONS = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10', '2025-01-13', '2025-01-14', '2025-01-15', '2025-01-16', '2025-01-17', '2025-01-20', '2025-01-21', '2025-01-22', '2025-01-23', '2025-01-24', '2025-01-27', '2025-01-28', '2025-02-03', '2025-02-04', '2025-02-05'];
const row = (d: string, c: number) => `${d},${c},${c},${c},${c},,1000`;
/** A plain file: every session, closes 10, 10.1, 10.2 ... (plausible: the fast path takes it). */
const plainFile = (start: number) => `${[H, ...SESSIONS.map((d, i) => row(d, Math.round((start + i * 0.1) * 100) / 100))].join('\n')}\n`;
/** `plainFile` with one more row inserted in date order, or one row's close replaced. */
function withRow(start: number, date: string, close: number): string {
  const lines = plainFile(start).trimEnd().split('\n');
  const i = lines.findIndex((l, k) => k > 0 && l.slice(0, 10) >= date);
  if (i > 0 && (lines[i] as string).startsWith(date)) lines[i] = row(date, close);
  else lines.splice(i < 0 ? lines.length : i, 0, row(date, close));
  return `${lines.join('\n')}\n`;
}

/*
 * Issue 15: `index build --data` reads bar files through the byte-level column parser, which skipped the
 * impossible-bar screen (screenBars.ts). Now a file with a bar the screen refuses or warns about is not "plain":
 * it goes to the careful parser and the screen, so the run equals the import route's, message for message.
 */
describe('index build --data screens impossible bars like import (issue 15)', () => {
  const dir = tmp('iw-colscreen-');
  const files: Record<string, string> = {
    'A.HK.csv': plainFile(10), // plain: fast path
    'B.HK.csv': withRow(20, '2025-01-04', 20.2), // a Saturday: refused
    'C.HK.csv': withRow(30, '2025-01-29', 31.8), // Lunar New Year: kept with a warning
    'D.HK.csv': withRow(40, '2025-01-06', 2e9), // above 1e9: refused
    'E.HK.csv': withRow(50, '2025-01-07', 503), // 10x the previous close 50.2 (no action): kept with a warning
    'F.HK.csv': withRow(60, '2099-01-02', 61), // the future: refused
    'G.HK.csv': `${H}\n${row('1899-12-29', 70)}\n${plainFile(70).split('\n').slice(1).join('\n')}`, // before 1900: refused
    // 10x from 2025-01-08 on (80.3 -> 804 = 10.01x), when H consolidates 10 into 1 (actions file): no warning
    'H.HK.csv': `${[H, ...SESSIONS.map((d, i) => row(d, Math.round((80 + i * 0.1) * 100) / 100 * (d >= '2025-01-08' ? 10 : 1)))].join('\n')}\n`,
    'x_actions.json': JSON.stringify([{ kind: 'split', symbol: 'H.HK', exDate: '2025-01-08', ratio: 0.1 }]),
    'm_members.csv': `symbol,name,from,to\n${'ABCDEFGH'.split('').map((c) => `${c}.HK,${c},2024-01-01,`).join('\n')}\n`,
  };
  for (const [n, t] of Object.entries(files)) writeFileSync(join(dir, n), t);
  const yaml = join(dir, 'm.yaml');
  writeFileSync(yaml, 'code: M\nname: M\nbaseDate: 2025-01-02\nbaseValue: 1000\ncurrency: HKD\nuniverse:\n  membership: m_members.csv\nweighting:\n  scheme: equal\nreviews:\n  rule: none\n');

  it('the plain file takes the fast path; each implausible one the careful path, with the screen\'s message', () => {
    expect(readBarColumnsFile(join(dir, 'A.HK.csv'), undefined, { closesOnly: true }).fast).toBe(true);
    const msg = (f: string, actionDates?: Set<string>) => {
      const r = readBarColumnsFile(join(dir, f), undefined, { closesOnly: true, ...(actionDates ? { actionDates } : {}) });
      expect(r.fast, f).toBe(false);
      return r.issues.map((i) => i.message);
    };
    const at = (f: string) => join(dir, f);
    expect(msg('B.HK.csv')).toEqual([`${at('B.HK.csv')}:4: field "date": value "2025-01-04" a Saturday: no exchange trades then (row skipped)`]);
    expect(msg('C.HK.csv')).toEqual([`${at('C.HK.csv')}:21: field "date": value "2025-01-29" the exchange was closed (Lunar New Year’s Day): kept, check the data (row kept)`]);
    expect(msg('D.HK.csv')).toEqual([`${at('D.HK.csv')}:4: field "open": value "2000000000" outside the plausible price range [0.000001, 1000000000] (row skipped)`]);
    // E: rows 2025-01-02 50, 01-03 50.1, 01-06 50.2, 01-07 503: 503 / 50.2 = 10.02x; then 50.4 / 503 = 1/9.98: no warning
    expect(msg('E.HK.csv')).toEqual([`${at('E.HK.csv')}:5: field "close": value "503" close on 2025-01-07 is 10x the previous close 50.2 (2025-01-06) with no corporate action: kept, check the data (row kept)`]);
    expect(msg('F.HK.csv')).toEqual([`${at('F.HK.csv')}:24: field "date": value "2099-01-02" in the future: after today (row skipped)`]);
    expect(msg('G.HK.csv')).toEqual([`${at('G.HK.csv')}:2: field "date": value "1899-12-29" before 1900: not a market session (row skipped)`]);
    // H: the jump is explained by the ex-date: the careful route, and no message; without the ex-date, a warning
    expect(msg('H.HK.csv', new Set(['2025-01-08']))).toEqual([]);
    expect(msg('H.HK.csv')).toEqual([`${at('H.HK.csv')}:6: field "close": value "804" close on 2025-01-08 is 10x the previous close 80.3 (2025-01-07) with no corporate action: kept, check the data (row kept)`]);
  });

  it('the whole run (sessions, constituents, issues) equals the import-into-the-store route', async () => {
    const opts = { methodologyPath: yaml, dataDir: dir };
    const fast = await buildIndexFromFiles(opts);
    const slow = await buildIndexFromFilesThroughStore(opts);
    expect(fast.sessions.length).toBe(SESSIONS.length + 1); // + the kept holiday of C
    for (const f of ['B', 'C', 'D', 'E', 'F', 'G']) expect(fast.issues.some((i) => i.startsWith(join(dir, `${f}.HK.csv`))), f).toBe(true);
    expect(fast.issues.some((i) => i.includes('H.HK.csv'))).toBe(false);
    expect(plain(fast)).toEqual(plain(slow));
  });
});
