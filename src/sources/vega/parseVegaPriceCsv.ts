import { splitLines } from '../../core/splitLines.js';
import { InputError } from '../../core/errors.js';
import { asSecurityId, isSessionDate, type SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { ParsedBars } from '../csvBars/parseBarsCsv.js';
import { symbolFromFileName } from '../csvBars/parseBarsCsv.js';

/** The vega-datasets price layouts this reader knows. */
const OHLC_HEADER = 'date,open,high,low,close,adjclose,volume';
const PRICE_HEADER = 'date,price';
const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** True when the first line is a vega-datasets price header (`sp500-2000.csv` or `sp500.csv` / `stocks.csv` style). */
export function isVegaPriceHeader(firstLine: string): boolean {
  const h = firstLine.replace(/^\uFEFF/, '').trim().toLowerCase();
  return h === OHLC_HEADER || h === PRICE_HEADER;
}

/**
 * Parses a vega-datasets price file into bars:
 * - `date,open,high,low,close,adjclose,volume` (data/sp500-2000.csv: ISO dates, daily OHLCV);
 * - `date,price` (data/sp500.csv: `Jan 1 2000` dates, monthly closes): a close-only series, open = high = low = close.
 * All or nothing: any bad row rejects the file with its line and field (these files are reference data).
 * @throws InputError naming file, line and field
 */
export function parseVegaPriceCsv(text: string, source: string, symbol?: string): ParsedBars {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const header = (lines[0] ?? '').trim().toLowerCase();
  if (!isVegaPriceHeader(header)) {
    throw new InputError({ source, line: 1, value: lines[0] ?? '', reason: `not a vega-datasets price file: expected "${OHLC_HEADER}" or "${PRICE_HEADER}"` });
  }
  const ohlc = header === OHLC_HEADER;
  const bars: Bar[] = [];
  let prev: string | null = null;
  for (let li = 1; li < lines.length; li++) {
    const raw = (lines[li] as string).trim();
    if (raw === '') continue;
    const line = li + 1;
    const f = raw.split(',');
    if (f.length !== (ohlc ? 7 : 2)) throw new InputError({ source, line, value: raw, reason: `expected ${ohlc ? 7 : 2} fields, got ${f.length}` });
    const date = ohlc ? (f[0] as string) : vegaDate(f[0] as string);
    if (date === null || !isSessionDate(date)) throw new InputError({ source, line, field: 'date', value: f[0] as string, reason: 'not a date' });
    if (prev !== null && date <= prev) throw new InputError({ source, line, field: 'date', value: date, reason: `duplicate or out of order: after ${prev}` });
    prev = date;
    const num = (k: number, field: string): number => {
      const x = Number(f[k]);
      if (f[k] === '' || !Number.isFinite(x) || x <= 0) throw new InputError({ source, line, field, value: f[k] as string, reason: 'price must be a positive number' });
      return x;
    };
    if (ohlc) {
      const open = num(1, 'open'), high = num(2, 'high'), low = num(3, 'low'), close = num(4, 'close');
      const vol = Number(f[6]);
      bars.push({ date: date as SessionDate, open, high, low, close, adjClose: num(5, 'adjclose'), volume: Number.isFinite(vol) && vol > 0 ? vol : null });
    } else {
      const close = num(1, 'price');
      bars.push({ date: date as SessionDate, open: close, high: close, low: close, close, adjClose: null, volume: null });
    }
  }
  return { symbol: asSecurityId(symbol ?? symbolFromFileName(source)), source, bars, issues: [], rejected: false };
}

/** `Jan 1 2000` -> `2000-01-01`; null when not in that form. */
function vegaDate(s: string): string | null {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/.exec(s.trim());
  const mo = m ? MONTHS[m[1] as string] : undefined;
  if (!m || !mo) return null;
  return `${m[3]}-${mo}-${(m[2] as string).padStart(2, '0')}`;
}
