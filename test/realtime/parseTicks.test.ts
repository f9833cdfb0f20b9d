import { describe, expect, it } from 'vitest';
import { parseTicksCsv, parseTicksNdjson } from '../../src/sources/ticks/parseTicks.js';

describe('tick files', () => {
  it('reads NDJSON ticks and halts, skipping bad records with file, line and field', () => {
    const text = [
      '{"symbol":"0700.HK","timeMs":1738891800000,"price":412.2,"size":100,"seq":1}',
      '',
      '{"symbol":"0700.HK","time":"2025-02-07T09:30:01+08:00","price":"412.4"}',
      '{"symbol":"0700.HK","timeMs":1738891802000,"price":-1}',
      'not json',
      '{"type":"halt","symbol":"9988.HK","time":"2025-02-07T10:00:00Z"}',
      '{"symbol":"0700.HK","time":"2025-02-07T09:30:01","price":1}',
    ].join('\n');
    const r = parseTicksNdjson(text, 'ticks.ndjson');
    expect(r.events).toEqual([
      { symbol: '0700.HK', timeMs: 1738891800000, price: 412.2, size: 100, seq: 1 },
      { symbol: '0700.HK', timeMs: 1738891801000, price: 412.4 }, // 09:30:01 HKT = 01:30:01Z
      { type: 'halt', symbol: '9988.HK', timeMs: Date.UTC(2025, 1, 7, 10) },
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([
      'ticks.ndjson:4: field "price": value "-1" price must be positive (record skipped)',
      expect.stringMatching(/^ticks\.ndjson:5: value "not json" not JSON/),
      'ticks.ndjson:7: field "time": value "2025-02-07T09:30:01" not epoch ms or ISO 8601 with an offset (record skipped)',
    ]);
  });

  it('refuses an ISO time on a day the calendar does not have instead of rolling it into the next month', () => {
    // Date.parse alone reads 2025-02-30 as 2025-03-02 and 09:30 HKT on 2025-02-31 as 2025-03-03.
    const text = [
      '{"symbol":"0700.HK","time":"2025-02-30T09:30:00+08:00","price":1}',
      '{"symbol":"0700.HK","time":"2025-04-31T09:30:00Z","price":1}',
      '{"symbol":"0700.HK","time":"2024-02-29T09:30:00+08:00","price":1}', // a leap day: 01:30Z
    ].join('\n');
    const r = parseTicksNdjson(text, 'd.ndjson');
    expect(r.events).toEqual([{ symbol: '0700.HK', timeMs: Date.UTC(2024, 1, 29, 1, 30), price: 1 }]);
    expect(r.issues.map((i) => `${i.line} ${i.field}`)).toEqual(['1 time', '2 time']);
  });

  it('reads CSV ticks with a correction and rejects a file with a wrong header', () => {
    const csv = 'symbol,time,price,size,seq,corrects\n0700.HK,1738891800000,412.2,100,1,\n0700.HK,1738891800500,412.0,,2,1\n0700.HK,1738891801000,abc,,3,\n';
    const r = parseTicksCsv(csv, 't.csv');
    expect(r.events).toEqual([
      { symbol: '0700.HK', timeMs: 1738891800000, price: 412.2, size: 100, seq: 1 },
      { symbol: '0700.HK', timeMs: 1738891800500, price: 412, seq: 2, corrects: 1 },
    ]);
    expect(r.issues[0]!.message).toBe('t.csv:4: field "price": value "abc" not a number (record skipped)');
    const bad = parseTicksCsv('sym,t,p\nA,1,2\n', 'b.csv');
    expect(bad.rejected).toBe(true);
    expect(bad.events).toEqual([]);
    expect(bad.issues[0]!.message).toMatch(/^b\.csv:1: .*wrong header/);
  });
});
