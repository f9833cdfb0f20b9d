import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { parseMethodology } from '../../src/engine/methodology/parseMethodology.js';

/** A valid methodology; each broken case edits one line. Line numbers below refer to this text. */
const GOOD = `code: T3
name: Three stocks
baseDate: 2025-01-02
baseValue: 1000
currency: HKD
universe:
  symbols: [A, B, C]
weighting:
  scheme: equal
  cap: 0.5
reviews:
  rule: hsil-quarterly
`;

const edit = (from: string, to: string) => {
  if (!GOOD.includes(from)) throw new Error(`test bug: ${from}`);
  return GOOD.replace(from, to);
};

const broken: [name: string, text: string, message: string][] = [
  ['cap above 1', edit('cap: 0.5', 'cap: 1.5'), 'm.yaml:10: field "weighting.cap": value "1.5" must be in (0, 1]'],
  ['cap zero', edit('cap: 0.5', 'cap: 0'), 'm.yaml:10: field "weighting.cap": value "0" must be in (0, 1]'],
  ['cap not a number', edit('cap: 0.5', 'cap: eight'), 'm.yaml:10: field "weighting.cap": value "eight" must be a number'],
  ['unknown scheme', edit('scheme: equal', 'scheme: cubic'), 'm.yaml:9: field "weighting.scheme": value "cubic" must be one of ffmcap, equal, given, fit'],
  ['bad base date', edit('baseDate: 2025-01-02', 'baseDate: 2025-13-02'), 'm.yaml:3: field "baseDate": value "2025-13-02" must be a date (YYYY-MM-DD)'],
  ['negative base value', edit('baseValue: 1000', 'baseValue: -5'), 'm.yaml:4: field "baseValue": value "-5" must be > 0'],
  ['lower-case currency', edit('currency: HKD', 'currency: hkd'), 'm.yaml:5: field "currency": value "hkd" must be an ISO currency code such as HKD'],
  ['missing code', edit('code: T3\n', ''), 'm.yaml:1: field "code": is required'],
  ['missing weighting scheme', edit('  scheme: equal\n', ''), 'm.yaml:8: field "weighting.scheme": is required'],
  ['unknown top-level field', edit('currency: HKD', 'currency: HKD\ncurrencyy: HKD'), 'm.yaml:6: field "currencyy": unknown field'],
  ['unknown nested field', edit('  cap: 0.5', '  cap: 0.5\n  capp: 0.4'), 'm.yaml:11: field "weighting.capp": unknown field'],
  ['empty universe', edit('  symbols: [A, B, C]', '  {}'), 'm.yaml:6: field "universe": needs one of symbols, membership or filters'],
  ['empty symbol list', edit('symbols: [A, B, C]', 'symbols: []'), 'm.yaml:7: field "universe.symbols": must list at least one symbol'],
  ['review rule unknown', edit('rule: hsil-quarterly', 'rule: monthly'), 'm.yaml:12: field "reviews.rule": value "monthly" must be one of hsil-quarterly, none'],
  ['review month 13', edit('rule: hsil-quarterly', 'rule: hsil-quarterly\n  months: [3, 13]'), 'm.yaml:13: field "reviews.months[1]": value "13" must be a month 1..12'],
  ['review date not a date', edit('rule: hsil-quarterly', 'rule: hsil-quarterly\n  dates: [2025-02-30]'), 'm.yaml:13: field "reviews.dates[0]": value "2025-02-30" must be a date (YYYY-MM-DD)'],
  ['given scheme without weights', edit('scheme: equal', 'scheme: given'), 'm.yaml:9: field "weighting.scheme": value "given" scheme "given" needs weighting.given'],
  ['negative given weight', edit('scheme: equal', 'scheme: given\n  given:\n    - effective: 2025-01-02\n      weights: {A: 0.5, B: -0.1}'), 'm.yaml:12: field "weighting.given[0].weights.B": value "-0.1" must be >= 0'],
  ['selection count zero', edit('reviews:', 'selection:\n  count: 0\nreviews:'), 'm.yaml:12: field "selection.count": value "0" must be > 0'],
  ['buffer inverted', edit('reviews:', 'selection:\n  count: 2\n  buffer: {addRank: 5, keepRank: 3}\nreviews:'), 'm.yaml:13: field "selection.buffer.addRank": value "5" addRank must be <= keepRank'],
  ['variant unknown', edit('reviews:', 'variants: [price, net]\nreviews:'), 'm.yaml:11: field "variants[1]": value "net" must be one of price, gross'],
  ['code with spaces', edit('code: T3', 'code: T 3'), 'm.yaml:1: field "code": value "T 3" must be letters, digits, ".", "_" or "-"'],
  ['YAML syntax error', edit('  cap: 0.5', '  cap: [0.5'), 'm.yaml:11: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ['duplicate key', edit('  cap: 0.5', '  cap: 0.5\n  cap: 0.6'), 'm.yaml:11: YAML syntax: Map keys must be unique'],
  ['not a mapping', '- just\n- a list\n', 'm.yaml:1: a methodology must be a YAML mapping of fields'],
  ['fit without target', edit('scheme: equal', 'scheme: fit\n  fit:\n    windowSessions: 60'), 'm.yaml:10: field "weighting.fit.target": is required'],
];

describe('parseMethodology: broken inputs name file, line, field and value', () => {
  it('parses the good methodology with defaults filled in', () => {
    const m = parseMethodology(GOOD, 'm.yaml');
    expect(m.weighting).toEqual({ scheme: 'equal', cap: 0.5 });
    expect(m.reviews).toEqual({ rule: 'hsil-quarterly', months: [3, 6, 9, 12], dates: [] });
    expect(m.variants).toEqual(['price', 'gross']);
    expect(m.selection).toEqual({ rankBy: 'none' });
  });

  it.each(broken)('%s', (_name, text, message) => {
    let err: unknown;
    try {
      parseMethodology(text, 'm.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe(message);
  });

  it('has at least 15 broken cases', () => expect(broken.length).toBeGreaterThanOrEqual(15));
});
