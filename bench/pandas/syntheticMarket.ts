/**
 * The anchor market of the pandas benchmark (issue 11, part 4): a seeded synthetic market of 500 symbols x 5,000
 * weekday sessions written as one bar CSV per symbol plus `bench_securities.json`, in the layout `--data DIR`
 * reads. Deterministic: the same options give the same bytes.
 *
 * Model: simple daily return of stock i on session t is `clip(beta_i * m_t + e_it, -50%, +50%)`, where the market
 * return m_t is Student-t (df 4, unit variance) x 1.1% + 0.03% drift, the idiosyncratic return e_it is Student-t
 * (df 5) x sigma_i (1.0%-2.5%), and beta_i is uniform in 0.6-1.6. Closes are rounded to 6 significant digits (the
 * rounded close is the next day's base), open/high/low are drawn around it so they bracket it, volume is a whole
 * number. Shares outstanding are log-uniform in 1e8-2e10 (whole shares), the free-float factor uniform in 0.3-1.0
 * (4 decimals). Every symbol has a bar on every session (no gaps), so the two implementations see one grid.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom } from '../../src/core/random.js';
import { addDays, isoWeekday, type SessionDate } from '../../src/core/units.js';

export interface SyntheticMarketOptions {
  readonly symbols?: number;
  readonly sessions?: number;
  readonly seed?: number;
  /** First session (a weekday). 2005-11-01 + 5,000 weekdays gives 77 quarterly reviews (Dec 2005..Dec 2024). */
  readonly from?: SessionDate;
}

export interface SyntheticMarket {
  readonly dir: string;
  readonly symbols: number;
  readonly sessions: number;
  readonly first: SessionDate;
  readonly last: SessionDate;
  readonly rows: number;
  readonly bytes: number;
}

/** `Number(x.toPrecision(6))`: a price as a quote vendor would print it. */
function round6(x: number): number {
  return Number(x.toPrecision(6));
}

/** Writes the market into `dir` (created if needed) and says what was written. */
export function writeSyntheticMarket(dir: string, opts: SyntheticMarketOptions = {}): SyntheticMarket {
  const nSym = opts.symbols ?? 500;
  const nSes = opts.sessions ?? 5000;
  const r = new SeededRandom(opts.seed ?? 20_250_207);
  const dates: SessionDate[] = [];
  for (let d = opts.from ?? ('2005-11-01' as SessionDate); dates.length < nSes; d = addDays(d, 1)) if (isoWeekday(d) <= 5) dates.push(d);
  const market = new Float64Array(nSes);
  for (let t = 0; t < nSes; t++) market[t] = 0.0003 + 0.011 * r.studentT(4);
  mkdirSync(dir, { recursive: true });
  const securities: object[] = [];
  let bytes = 0;
  for (let i = 0; i < nSym; i++) {
    const id = `S${String(i + 1).padStart(4, '0')}.SYN`;
    const beta = 0.6 + r.next();
    const sigma = 0.01 + 0.015 * r.next();
    let close = round6(Math.exp(Math.log(2) + r.next() * Math.log(100))); // 2..200
    const lines: string[] = ['date,open,high,low,close,adj_close,volume'];
    for (let t = 0; t < nSes; t++) {
      const ret = Math.min(0.5, Math.max(-0.5, beta * (market[t] as number) + sigma * r.studentT(5)));
      const prev = close;
      close = round6(prev * (1 + ret));
      const open = round6(prev * (1 + 0.3 * ret * r.next()));
      const high = round6(Math.max(open, close) * (1 + 0.01 * r.next()));
      const low = round6(Math.min(open, close) * (1 - 0.01 * r.next()));
      const volume = Math.round(1e5 + 1e7 * r.next());
      lines.push(`${dates[t]},${open},${high},${low},${close},${close},${volume}`);
    }
    const text = `${lines.join('\n')}\n`;
    bytes += text.length;
    writeFileSync(join(dir, `${id}.csv`), text);
    const shares = Math.round(Math.exp(Math.log(1e8) + r.next() * Math.log(200)));
    const freeFloat = Math.round((0.3 + 0.7 * r.next()) * 1e4) / 1e4;
    securities.push({
      id, kind: 'stock', name: `Synthetic ${i + 1}`, currency: 'USD', exchange: 'SYN',
      sharesOutstanding: shares, freeFloatFactor: freeFloat, attributes: { market: 'synthetic' },
    });
  }
  writeFileSync(join(dir, 'bench_securities.json'), `${JSON.stringify(securities, null, 1)}\n`);
  return { dir, symbols: nSym, sessions: nSes, first: dates[0] as SessionDate, last: dates[nSes - 1] as SessionDate, rows: nSym * nSes, bytes };
}

/**
 * The methodology of the anchor index: every synthetic security, top 100 by free-float market cap, weighted by it
 * and capped at 5% with redistribution, HSIL quarterly reviews (the first session after the first Friday of Mar,
 * Jun, Sep, Dec), base 1000 on the first session.
 */
export function syntheticMethodologyYaml(first: SessionDate, count = 100, cap = 0.05): string {
  return [
    'code: SYN100',
    'name: Synthetic 100 (pandas benchmark)',
    `baseDate: ${first}`,
    'baseValue: 1000',
    'currency: USD',
    'universe:',
    '  filters: {market: synthetic}',
    'selection:',
    '  rankBy: ffmcap',
    `  count: ${count}`,
    'weighting:',
    '  scheme: ffmcap',
    `  cap: ${cap}`,
    'reviews:',
    '  rule: hsil-quarterly',
    '  months: [3, 6, 9, 12]',
    'variants: [price]',
    '',
  ].join('\n');
}
