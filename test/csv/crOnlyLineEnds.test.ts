import { describe, expect, it } from 'vitest';
import { parseActionsCsv, parseSecuritiesCsv } from '../../src/app/indexReferenceData.js';
import { parseMethodology } from '../../src/engine/methodology/parseMethodology.js';
import { parseMembersCsv } from '../../src/sources/members/parseMembersCsv.js';

/**
 * Issue 15: a file saved with CR-only line ends (classic Mac OS; some spreadsheet exports) read as one long line,
 * so the bar reader said "missing column" and the others refused the header. Every line-based reader now splits at
 * CR, LF and CRLF alike (core/splitLines.ts), and a message names the line an editor shows.
 * (Bar files: test/csv/brokenCsv.test.ts, "CR-only line ends".)
 */
const cr = (lines: readonly string[]) => `${lines.join('\r')}\r`;

describe('CR-only line ends are read as lines (issue 15)', () => {
  it('a membership file: three intervals, the same as with LF', () => {
    const lines = ['symbol,name,from,to', 'AAA,Alpha,2024-01-01,', 'BBB,"Beta, Ltd",2024-01-01,2025-03-10', 'CCC,Gamma,2025-03-10,'];
    const got = parseMembersCsv(cr(lines), 'm.csv');
    expect(got).toEqual(parseMembersCsv(`${lines.join('\n')}\n`, 'm.csv'));
    expect(got.map((m) => [m.symbol, m.name, m.from, m.to])).toEqual([
      ['AAA', 'Alpha', '2024-01-01', null],
      ['BBB', 'Beta, Ltd', '2024-01-01', '2025-03-10'],
      ['CCC', 'Gamma', '2025-03-10', null],
    ]);
  });

  it('a membership file: a bad row is named by its line (4)', () => {
    expect(() => parseMembersCsv(cr(['symbol,name,from,to', 'AAA,Alpha,2024-01-01,', 'BBB,Beta,2024-01-01,', 'CCC,Gamma,2025-13-01,']), 'm.csv')).toThrow(
      'm.csv:4: field "from": value "2025-13-01" not a date (YYYY-MM-DD)',
    );
  });

  it('security master and actions CSVs', () => {
    const sec = parseSecuritiesCsv(cr(['symbol,shares_outstanding,free_float_factor', 'AAA,1000,0.5', 'BBB,2000,']), 's.csv');
    expect([...sec.values()].map((s) => [s.id, s.sharesOutstanding, s.freeFloatFactor])).toEqual([['AAA', 1000, 0.5], ['BBB', 2000, 1]]);
    const act = parseActionsCsv(cr(['symbol,ex_date,kind,amount,ratio,new_shares,old_shares,subscription_price', 'AAA,2025-01-16,split,,2,,,', 'AAA,2025-01-16,cash_dividend,0.5,,,,']), 'a.csv');
    expect(act.actions).toEqual([
      { kind: 'split', symbol: 'AAA', exDate: '2025-01-16', ratio: 2 },
      { kind: 'cash_dividend', symbol: 'AAA', exDate: '2025-01-16', amount: 0.5 },
    ]);
  });

  it('a methodology: the same methodology as with LF; a bad field named by its line (10)', () => {
    const lines = ['code: T3', 'name: Three stocks', 'baseDate: 2025-01-02', 'baseValue: 1000', 'currency: HKD', 'universe:', '  symbols: [A, B, C]', 'weighting:', '  scheme: equal', '  cap: 0.5'];
    expect(parseMethodology(cr(lines), 'm.yaml')).toEqual(parseMethodology(`${lines.join('\n')}\n`, 'm.yaml'));
    expect(parseMethodology(cr(lines), 'm.yaml').weighting.cap).toBe(0.5);
    const bad = lines.map((l) => (l === '  cap: 0.5' ? '  cap: 1.5' : l));
    expect(() => parseMethodology(cr(bad), 'm.yaml')).toThrow('m.yaml:10: field "weighting.cap": value "1.5" must be in (0, 1]');
  });
});
