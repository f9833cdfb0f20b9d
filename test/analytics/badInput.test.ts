import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, OutOfOrderError } from '../../src/core/errors.js';
import type { SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import { buildMilestoneReport } from '../../src/analytics/milestones.js';
import { DETECTORS } from '../../src/analytics/registry.js';
import { BarColumns } from '../../src/analytics/series/BarColumns.js';
import { milestonesFromFiles } from '../../src/app/milestones.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

const bar = (date: string, close: number, extra: Partial<Bar> = {}): Bar => ({
  date: date as SessionDate, open: close, high: close, low: close, close, adjClose: null, volume: null, ...extra,
});
const HEADER = 'date,open,high,low,close,adj_close,volume';

describe('bad input: a clear error or a documented answer, never a wrong fact', () => {
  it('rejects a zero or negative price naming the bar and field', () => {
    expect(() => BarColumns.fromBars([bar('2025-01-02', 10), bar('2025-01-03', 0)], 'X.csv')).toThrow(
      'X.csv:2: field "open": value "0" price must be a positive finite number (bar of 2025-01-03)',
    );
    expect(() => BarColumns.fromBars([bar('2025-01-02', 10, { close: -1, low: -1 })], 'X.csv')).toThrow(InputError);
  });

  it('rejects duplicate and out-of-order dates', () => {
    expect(() => BarColumns.fromBars([bar('2025-01-02', 10), bar('2025-01-02', 11)], 'X.csv')).toThrow(OutOfOrderError);
    expect(() => BarColumns.fromBars([bar('2025-01-03', 10), bar('2025-01-02', 11)], 'X.csv')).toThrow(
      'X.csv: out of order at index=1, time=2025-01-02, prev time=2025-01-03',
    );
  });

  it('leaves a streaming detector untouched when it rejects a bar', () => {
    const a = DETECTORS.map((d) => d.create());
    const b = DETECTORS.map((d) => d.create());
    const good = [bar('2025-01-02', 10), bar('2025-01-03', 11), bar('2025-01-06', 12)];
    a.forEach((d) => d.update(good[0] as Bar));
    b.forEach((d) => d.update(good[0] as Bar));
    for (const d of a) {
      expect(() => d.update(bar('2025-01-02', 10.5))).toThrow(OutOfOrderError); // duplicate date
      expect(() => d.update(bar('2025-01-03', Number.NaN))).toThrow(InputError);
      expect(() => d.update(bar('2025-01-03', 5, { high: 4 }))).toThrow(InputError); // high below low
    }
    const ra = a.map((d) => [d.update(good[1] as Bar), d.update(good[2] as Bar)]);
    const rb = b.map((d) => [d.update(good[1] as Bar), d.update(good[2] as Bar)]);
    expect(ra).toEqual(rb);
  });

  it('answers a single bar with notes, not facts', () => {
    const r = buildMilestoneReport('X', BarColumns.fromBars([bar('2025-01-02', 10)]), '2025-01-02' as SessionDate);
    expect(r.previousClose).toBeNull();
    expect(r.changePct).toBeNull();
    expect(r.facts).toEqual([]);
    expect(r.notes).toContain('first session in the data: no previous close');
    expect(r.notes).toContain('not enough history for 52w_high.close (needs data going back 52 weeks (364 days) before the session)');
  });

  it('says when the previous session is a gap away, and measures across it', () => {
    const r = buildMilestoneReport('X', BarColumns.fromBars([bar('2025-01-02', 10), bar('2025-02-03', 11)]), '2025-02-03' as SessionDate);
    // 11 / 10 - 1 = +10%
    expect(r.changePct).toBeCloseTo(10, 10);
    expect(r.notes).toContain('previous session 2025-01-02 is 32 calendar days earlier: day-on-day figures span the gap');
  });

  it('names the sessions around a date that is not in the data', () => {
    expect(() => buildMilestoneReport('X', BarColumns.fromBars([bar('2025-01-02', 10), bar('2025-01-06', 11)]), '2025-01-04' as SessionDate, 'X.csv')).toThrow(
      'X.csv: field "date": value "2025-01-04" no session on this date in X (previous session 2025-01-02, next session 2025-01-06)',
    );
  });

  it('skips a bad CSV row and says so in the notes; rejects a file with a duplicate date', () => {
    const dir = tmp('iw-analytics-');
    writeFileSync(join(dir, 'AB.csv'), `${HEADER}\n2025-01-02,10,10,10,10,,\n2025-01-03,0,11,0,11,,\n2025-01-06,12,12,12,12,,\n`);
    const r = milestonesFromFiles({ symbol: 'AB', on: '2025-01-06', dataDir: dir });
    expect(r.previousClose).toBe(10); // the zero row was skipped, not used
    expect(r.notes?.some((n) => n.includes('AB.csv:3: field "open": value "0" price must be positive (row skipped)'))).toBe(true);
    writeFileSync(join(dir, 'DUP.csv'), `${HEADER}\n2025-01-02,10,10,10,10,,\n2025-01-02,11,11,11,11,,\n`);
    expect(() => milestonesFromFiles({ symbol: 'DUP', on: '2025-01-02', dataDir: dir })).toThrow(/DUP\.csv:3: field "date": value "2025-01-02" duplicate date/);
  });

  it('rejects a vega-datasets file with a bad row, naming line and field', () => {
    const dir = tmp('iw-vega-');
    writeFileSync(join(dir, 'sp.csv'), 'date,open,high,low,close,adjclose,volume\n2020-01-02,1,2,1,2,2,5\n2020-01-03,1,2,1,abc,2,5\n');
    expect(() => milestonesFromFiles({ csv: join(dir, 'sp.csv'), on: '2020-01-02' })).toThrow('sp.csv:3: field "close": value "abc" price must be a positive number');
  });

  it('reads a close-only vega series (date,price) and says what it cannot know', () => {
    const dir = tmp('iw-vega-');
    writeFileSync(join(dir, 'm.csv'), 'date,price\nJan 1 2000,100\nFeb 1 2000,90\nMar 1 2000,79\n');
    const r = milestonesFromFiles({ csv: join(dir, 'm.csv'), on: '2000-03-01' });
    // 79 <= 0.8 x 100 = 80: bear market entered, 79/100-1 = -21%
    expect(r.facts.find((f) => f.type === 'bear_market')).toMatchObject({ event: 'entered', reference: { date: '2000-01-01', value: 100 } });
    expect(r.notes).toContain('not enough history for volume (needs today\'s volume and volumes for at least 15 of the previous 20 sessions)');
  });
});
