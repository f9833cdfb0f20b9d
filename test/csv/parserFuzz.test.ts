import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBarsCsv } from '../../src/sources/csvBars/parseBarsCsv.js';

const H = 'date,open,high,low,close,adj_close,volume';
/** Lines that look like bar rows, with a fair chance of every kind of damage. */
const field = fc.oneof(
  fc.constantFrom('', ' ', 'abc', '0', '-1', '1e3', '0x10', 'NaN', 'Infinity', '"5"', '12.5', '7', '100.25', 'null'),
  fc.double({ min: -10, max: 1e4, noNaN: true }).map(String),
);
const date = fc.oneof(
  fc.constantFrom('2025-01-02', '2025-01-03', '2025-02-30', '2025/01/04', '', '2025-13-01'),
  fc.integer({ min: 0, max: 60 }).map((i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)),
);
const row = fc.tuple(date, fc.array(field, { minLength: 4, maxLength: 8 })).map(([d, fs]) => [d, ...fs].join(','));

describe('parseBarsCsv on damaged input (property)', () => {
  it('never throws; every issue names the file and a line; kept bars are valid and ascending', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.boolean(), (rows, crlf) => {
        const text = [H, ...rows].join(crlf ? '\r\n' : '\n');
        const p = parseBarsCsv(text, 'F.csv');
        for (const i of p.issues) expect(i.message).toMatch(/^F\.csv:\d+: .+ \((file rejected|row skipped|row repaired)\)$/);
        if (p.rejected) expect(p.bars).toEqual([]);
        expect(p.issues.filter((i) => i.action === 'file rejected').length).toBe(p.rejected ? 1 : 0);
        let prev = '';
        for (const b of p.bars) {
          expect(b.date > prev).toBe(true);
          prev = b.date;
          for (const x of [b.open, b.high, b.low, b.close]) expect(Number.isFinite(x) && x > 0).toBe(true);
          expect(b.low <= Math.min(b.open, b.close) && b.high >= Math.max(b.open, b.close)).toBe(true);
        }
        // every data row is either kept or named by exactly one row-level issue (unless the file was rejected)
        if (!p.rejected) {
          const lost = p.issues.filter((i) => i.action === 'row skipped').length;
          expect(p.bars.length + lost).toBe(rows.filter((r) => r.trim() !== '').length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
