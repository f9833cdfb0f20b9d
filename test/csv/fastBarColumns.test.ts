import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayKey, dayKey } from '../../src/core/dayKey.js';
import { barsToColumns, parseBarsColumns, parseBarsColumnsFast } from '../../src/sources/csvBars/parseBarsColumns.js';
import { parseBarsCsv } from '../../src/sources/csvBars/parseBarsCsv.js';
import { lineIndex, screenBars } from '../../src/sources/csvBars/screenBars.js';

const H = 'date,open,high,low,close,adj_close,volume';

/** The careful parser's verdict as columns: what the fast parser must give, bit for bit. */
function careful(text: string) {
  const p = parseBarsCsv(text, 'F.csv');
  return { rejected: p.rejected, rows: p.rows, issues: p.issues.map((i) => i.message), columns: barsToColumns(p.bars) };
}

function fastOf(text: string) {
  const p = parseBarsColumns(Buffer.from(text, 'utf8'), 'F.csv');
  return { parsed: p, view: { rejected: p.rejected, rows: p.rows, issues: p.issues.map((i) => i.message), columns: p.columns } };
}

/** A price as a vendor prints it: up to 6 significant digits, sometimes many decimals. */
const price = fc.oneof(
  fc.double({ min: 0.001, max: 1e5, noNaN: true }).map((x) => String(Number(x.toPrecision(6)))),
  fc.integer({ min: 1, max: 99999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 999_999_999 })).map(([a, b]) => `${a}.${String(b).padStart(9, '0')}`),
);

/** A plain, valid file: ascending weekday-or-not dates, bracketing high/low, optional adj_close and volume. */
const validFile = fc
  .record({
    start: fc.integer({ min: 0, max: 20_000 }),
    rows: fc.array(
      fc.record({ gap: fc.integer({ min: 1, max: 5 }), open: price, close: price, up: fc.double({ min: 0, max: 0.1, noNaN: true }), down: fc.double({ min: 0, max: 0.1, noNaN: true }), adj: fc.option(price), vol: fc.option(fc.integer({ min: 0, max: 2e9 })) }),
      { minLength: 1, maxLength: 40 },
    ),
    finalNewline: fc.boolean(),
  })
  .map(({ start, rows, finalNewline }) => {
    let t = Date.UTC(1990, 0, 1) + start * 86_400_000;
    const lines = rows.map((r) => {
      t += r.gap * 86_400_000;
      const o = Number(r.open), c = Number(r.close);
      const hi = String(Number((Math.max(o, c) * (1 + r.up)).toPrecision(7)));
      const lo = String(Number((Math.min(o, c) * (1 - r.down)).toPrecision(7)));
      // String() writes tiny numbers with an exponent, which is not plain: then high/low are the open or close as written
      const high = Number(hi) >= Math.max(o, c) && !hi.includes('e') ? hi : o >= c ? r.open : r.close;
      const low = Number(lo) <= Math.min(o, c) && Number(lo) > 0 && !lo.includes('e') ? lo : o <= c ? r.open : r.close;
      return `${new Date(t).toISOString().slice(0, 10)},${r.open},${high},${low},${r.close},${r.adj ?? ''},${r.vol ?? ''}`;
    });
    return `${[H, ...lines].join('\n')}${finalNewline ? '\n' : ''}`;
  });

/** Damage of every kind the careful parser handles: bad numbers, quotes, spaces, CRLF, BOM, blank lines, ... */
const mutation = fc.oneof(
  fc.constantFrom('', ' ', 'abc', '0', '-1', '1e3', '1E-2', '+5', '0x10', 'NaN', 'Infinity', '"5"', ' 7 ', '.5', '5.', '.', '1.2.3', 'null', '1,5', '\r', '2025-02-30', '2025-01-02', '1'.repeat(400), '123456789012345678901234.5', '0.0000000000000000000000001', 'é'),
  fc.double({ min: -10, max: 1e4, noNaN: true }).map(String),
  price, // plain but wrong where it lands: high below low, high/low not bracketing open/close (repaired)
  price,
);

function mutate(text: string, picks: readonly [number, number, string][], crlf: boolean, bom: boolean, blank: number | null): string {
  const lines = text.split('\n');
  for (const [li, fi, v] of picks) {
    const i = li % lines.length;
    const f = (lines[i] as string).split(',');
    f[fi % Math.max(f.length, 1)] = v;
    lines[i] = f.join(',');
  }
  if (blank !== null) lines.splice(1 + (blank % lines.length), 0, blank % 2 === 0 ? '' : '  ');
  return (bom ? '\uFEFF' : '') + lines.join(crlf ? '\r\n' : '\n');
}

describe('parseBarsColumns (byte-level fast path) against parseBarsCsv', () => {
  it('property: a plain valid file takes the fast path and gives the careful parser\'s columns, bit for bit', () => {
    fc.assert(
      fc.property(validFile, (text) => {
        const { parsed, view } = fastOf(text);
        expect(parsed.fast).toBe(true);
        expect(view).toEqual(careful(text));
        // closes only (what the index engine reads): the same keys and closes, the other columns left empty
        const closes = parseBarsColumns(Buffer.from(text), 'F.csv', undefined, { closesOnly: true }).columns;
        expect([closes.keys, closes.close, closes.open.length]).toEqual([view.columns.keys, view.columns.close, 0]);
      }),
      { numRuns: 400 },
    );
  });

  it('property: a mutated file gives the same verdict, rows, messages and columns as the careful parser', () => {
    fc.assert(
      fc.property(
        validFile,
        fc.array(fc.tuple(fc.nat(), fc.nat(), mutation), { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.nat()),
        (text, picks, crlf, bom, blank) => {
          const damaged = mutate(text, picks, crlf, bom, blank);
          expect(fastOf(damaged).view).toEqual(careful(damaged));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('property: with the plausibility screen, the same verdict, rows, messages and columns as the careful parser + screenBars', () => {
    // today 2000-06-30 (the files run from 1990 to about 2045), holidays: every 1st of a month that is a weekday;
    // prices 0.001..1e5 with random closes: weekends, the future, jumps of 10x and holidays are all common
    const todayKey = dayKey('2000-06-30');
    const closedKeys = (from: number, to: number) => {
      const out: number[] = [];
      for (let k = from; k <= to; k++) if (k % 32 === 1 && isWeekday(dateOfDayKey(k))) out.push(k);
      return out;
    };
    const isWeekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    const screenOpts = (text: string) => ({
      today: '2000-06-30' as never,
      closedReason: (d: string) => (d.endsWith('-01') ? 'first of the month' : null),
      lineOf: lineIndex(text),
    });
    const screen = { todayKey, closedKeys, screen: (p: ReturnType<typeof parseBarsCsv>, text: string) => screenBars(p, screenOpts(text)) };
    let fast = 0;
    fc.assert(
      fc.property(validFile, fc.array(fc.tuple(fc.nat(), fc.nat(), mutation), { maxLength: 2 }), fc.boolean(), (text, picks, damage) => {
        const t = damage ? mutate(text, picks, false, false, null) : text;
        const want = screenBars(parseBarsCsv(t, 'F.csv'), screenOpts(t));
        const got = parseBarsColumns(Buffer.from(t), 'F.csv', undefined, { screen });
        if (got.fast) fast++;
        expect({ rejected: got.rejected, rows: got.rows, issues: got.issues.map((i) => i.message), columns: got.columns }).toEqual({
          rejected: want.rejected, rows: want.rows, issues: want.issues.map((i) => i.message), columns: barsToColumns(want.bars),
        });
      }),
      { numRuns: 1500 },
    );
    expect(fast).toBeGreaterThan(0); // some files are plain and plausible: both branches are exercised
  });

  it('reads numbers exactly as Number() does (hand cases around the exact-division fast path)', () => {
    // 0.1 + 0.2 style decimals, 15-17 significant digits, 22 and 23 decimals, beyond 2^53
    const xs = ['0.1', '0.3', '1.005', '9.43828', '123456.789012345', '9007199254740991', '9007199254740993', '0.1234567890123456789012', '0.12345678901234567890123', '98765432109876543210.5', '5.', '.5', '007.50'];
    const text = `${H}\n${xs.map((x, i) => `${dateOfDayKey(dayKey('2025-01-01') + i)},${x},${x},${x},${x},${x},${x}`).join('\n')}\n`;
    const { parsed } = fastOf(text);
    expect(parsed.fast).toBe(true);
    expect(Array.from(parsed.columns.close)).toEqual(xs.map(Number));
    expect(Array.from(parsed.columns.volume)).toEqual(xs.map(Number));
  });

  it('leaves irregular files to the careful parser (null), and keeps its messages', () => {
    const ok = `${H}\n2025-01-02,1,2,1,2,,\n`;
    expect(parseBarsColumnsFast(Buffer.from(ok))).not.toBeNull();
    for (const bad of [`\uFEFF${ok}`, ok.replace('\n', '\r\n'), `${ok}\n`, ok.replace(',2,,', ',2," ",'), ok.replace('2025-01-02', '2025-02-30'), ok.replace(',1,2,1,2', ',1,2,3,2'), `${H}\n`, H, '']) {
      expect(parseBarsColumnsFast(Buffer.from(bad))).toBeNull();
    }
    // high below low: the careful parser skips the row and says so
    const p = parseBarsColumns(Buffer.from(`${H}\n2025-01-02,1,2,3,2,,\n2025-01-03,1,2,1,2,,5\n`), 'F.csv');
    expect(p.fast).toBe(false);
    expect(p.issues.map((i) => i.message)).toEqual(['F.csv:2: field "high": value "2" high below low 3 (row skipped)']);
    expect(Array.from(p.columns.keys, dateOfDayKey)).toEqual(['2025-01-03']);
    expect(Array.from(p.columns.volume)).toEqual([5]);
  });

  it('a day key round-trips through its date', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1) / 864e5, max: Date.UTC(9999, 11, 31) / 864e5 }), (d) => {
        const s = new Date(d * 864e5).toISOString().slice(0, 10);
        expect(dateOfDayKey(dayKey(s))).toBe(s);
      }),
    );
  });
});
