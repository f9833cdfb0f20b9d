import { dayKey, dayKeyOf } from '../../core/dayKey.js';
import { asSecurityId, type SecurityId } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { BarColumns } from '../../domain/barColumns.js';
import { BAR_CSV_HEADER, parseBarsCsv, symbolFromFileName, type ParsedBars, type ParseIssue } from './parseBarsCsv.js';
import { FIRST_BAR_YEAR, JUMP_RATIO, MAX_PRICE, MIN_PRICE } from './screenBars.js';

/** A bar file read as columns; the same verdict, rows and issues as {@link parseBarsCsv}. */
export interface ParsedBarColumns {
  readonly symbol: SecurityId;
  readonly source: string;
  /** Good bars, ascending by date (no rows when the file was rejected). */
  readonly columns: BarColumns;
  readonly issues: ParseIssue[];
  readonly rejected: boolean;
  /** Data rows in the file (non-blank lines after the header), good or bad. */
  readonly rows: number;
  /** True when the file was plain enough for the byte-level fast path (false: read by {@link parseBarsCsv}). */
  readonly fast: boolean;
}

/**
 * The plausibility screen on the columns route (the rules of screenBars.ts). The byte-level parser refuses to take
 * a file with any bar the screen would refuse or warn about (before 1900, after `todayKey`, a Saturday or Sunday,
 * an open/high/low/close outside [1e-6, 1e9], a close 10x or 1/10 the previous one, a weekday in `closedKeys`);
 * such a file goes to the careful parser and then `screen`, so every skip and warning is the screen's own.
 */
export interface ColumnScreen {
  /** {@link dayKey} of the screen's today: a later bar is refused. */
  readonly todayKey: number;
  /** The exchange's closed weekdays (day keys, ascending) in [fromKey, toKey]; omitted: no holiday check. */
  readonly closedKeys?: (fromKey: number, toKey: number) => readonly number[];
  /** The screen of the careful route (screenBars with the same today, holidays and the symbol's ex-dates). */
  readonly screen: (parsed: ParsedBars, text: string) => ParsedBars;
}

/**
 * Parses one bar CSV (the layout and policy of {@link parseBarsCsv}) into columns. A plain file (the exact header,
 * `\n` line ends, no blank line, unquoted unsigned decimals without exponent, valid ascending dates, and rows that
 * need no skip or repair) is read by a byte-level parser that makes no string or object per row; anything else
 * goes to {@link parseBarsCsv}, so every message, skip and repair is the careful parser's own. With `screen`, a
 * plain file must also be plausible ({@link ColumnScreen}); the careful route's result goes through `screen.screen`.
 * @example parseBarsColumns(Buffer.from('date,open,high,low,close,adj_close,volume\n2025-01-02,1,2,1,2,,\n'), 'X.csv').columns.close // Float64Array [2]
 */
export function parseBarsColumns(bytes: Uint8Array, source: string, symbol?: string, opts: { closesOnly?: boolean; screen?: ColumnScreen } = {}): ParsedBarColumns {
  const sym = asSecurityId(symbol ?? symbolFromFileName(source));
  const sc = opts.screen;
  const fast = parseBarsColumnsFast(bytes, opts.closesOnly === true, sc?.todayKey);
  if (fast !== null && (sc?.closedKeys === undefined || !tradedOnClosedDay(fast.keys, sc.closedKeys))) {
    return { symbol: sym, source, columns: fast, issues: [], rejected: false, rows: fast.keys.length, fast: true };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const parsed = parseBarsCsv(text, source, sym);
  const p = sc === undefined ? parsed : sc.screen(parsed, text);
  return { symbol: p.symbol, source, columns: barsToColumns(p.bars), issues: p.issues, rejected: p.rejected, rows: p.rows ?? 0, fast: false };
}

/** True when one of `keys` (ascending) is a closed weekday: a binary search per closed day of the range. */
function tradedOnClosedDay(keys: Int32Array, closedKeys: (fromKey: number, toKey: number) => readonly number[]): boolean {
  const n = keys.length;
  if (n === 0) return false;
  for (const k of closedKeys(keys[0] as number, keys[n - 1] as number)) {
    let lo = 0, hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = keys[mid] as number;
      if (v === k) return true;
      if (v < k) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return false;
}

/** Bars as columns (null adjClose / volume become NaN). */
export function barsToColumns(bars: readonly Bar[]): BarColumns {
  const n = bars.length;
  const c = allocate(n);
  for (let i = 0; i < n; i++) {
    const b = bars[i] as Bar;
    c.keys[i] = dayKey(b.date);
    c.open[i] = b.open;
    c.high[i] = b.high;
    c.low[i] = b.low;
    c.close[i] = b.close;
    c.adjClose[i] = b.adjClose ?? NaN;
    c.volume[i] = b.volume ?? NaN;
  }
  return c;
}

/** Columns of n rows (`closesOnly`: keys and closes of n rows, the other columns empty). */
function allocate(n: number, closesOnly = false): { keys: Int32Array; open: Float64Array; high: Float64Array; low: Float64Array; close: Float64Array; adjClose: Float64Array; volume: Float64Array } {
  const m = closesOnly ? 0 : n;
  return {
    keys: new Int32Array(n),
    open: new Float64Array(m),
    high: new Float64Array(m),
    low: new Float64Array(m),
    close: new Float64Array(n),
    adjClose: new Float64Array(m),
    volume: new Float64Array(m),
  };
}

const HEADER = Uint8Array.from(Buffer.from(BAR_CSV_HEADER.join(','), 'latin1'));
/** 10^0..10^22, each exact as a double (the range where m / 10^f is correctly rounded). */
const POW10 = Float64Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const COMMA = 44, NL = 10, DOT = 46, DASH = 45;
/** The key of 1900-01-01: a bar before it is refused by the screen. */
const FIRST_KEY = dayKeyOf(FIRST_BAR_YEAR, 1, 1);
/** Just under {@link JUMP_RATIO}: a close this many times the previous one is left to the careful route's screen. */
const JUMP_EDGE = JUMP_RATIO * (1 - 1e-9);

/** Position after the field just read (module state: no object per number). */
let next = 0;

/**
 * A field of unsigned decimal digits with at most one dot, ended by `,` (or by `\n` / the end for the last field).
 * Returns -1 for an empty field, NaN when the field is anything else (the careful parser then reads the file).
 * The value is exactly `Number(text)`: digits up to 2^53 over 10^f (f <= 22) is one correctly rounded division
 * (Clinger's fast path); longer numbers go through Number().
 */
function readNumber(b: Uint8Array, p: number, n: number, last: boolean): number {
  const start = p;
  let m = 0, digits = 0, frac = 0, dot = false;
  for (; p < n; p++) {
    const c = b[p] as number;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) frac++;
    } else if (c === DOT && !dot) dot = true;
    else break;
  }
  if (last ? p < n && b[p] !== NL : p >= n || b[p] !== COMMA) return NaN;
  next = p + 1;
  if (digits === 0) return dot ? NaN : -1;
  if (m <= 9007199254740991 && frac <= 22) return frac === 0 ? m : m / (POW10[frac] as number);
  const x = Number(Buffer.from(b.buffer, b.byteOffset + start, p - start).toString('latin1'));
  return Number.isFinite(x) ? x : NaN;
}

/** Sakamoto's day-of-week offsets per month. */
const DOW_OFFSET = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
/** Per month (`year x 13 + month`, years 0..9999), the weekday of its day 0 (0 = Sunday), or -1 until first asked. */
const MONTH_DOW = new Int8Array(10_000 * 13).fill(-1);

/** True on a Saturday or Sunday (proleptic Gregorian; month 1..12): one table read per row. */
function isWeekend(y: number, m: number, d: number): boolean {
  const ym = y * 13 + m;
  let w = MONTH_DOW[ym] as number;
  if (w < 0) {
    const yy = m < 3 ? y - 1 : y;
    w = (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + (DOW_OFFSET[m - 1] as number)) % 7;
    MONTH_DOW[ym] = w;
  }
  return WEEKEND[w + d] === 1;
}
/** `WEEKEND[w + d]`: 1 when weekday (w + d) mod 7 is Saturday (6) or Sunday (0); w + d <= 6 + 31. */
const WEEKEND = Uint8Array.from({ length: 38 }, (_, i) => (i % 7 === 0 || i % 7 === 6 ? 1 : 0));

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digit(b: Uint8Array, p: number): number {
  const c = (b[p] as number) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/**
 * The byte-level fast path of {@link parseBarsColumns}: the columns of a plain file, or null when the file is not
 * plain (then only the careful parser may judge it). `closesOnly`: every field is still read and checked, but only
 * keys and closes are kept (the other columns are empty), for a reader of closes (the index engine). `todayKey`
 * given: a file is plain only when every bar also passes the plausibility screen ({@link ColumnScreen}, holidays
 * aside): a few integer compares per row.
 */
export function parseBarsColumnsFast(b: Uint8Array, closesOnly = false, todayKey?: number): BarColumns | null {
  const screen = todayKey !== undefined;
  const lastKey = todayKey ?? 0x7fffffff; // an int: keys compare as small integers
  const n = b.length;
  const h = HEADER.length;
  if (n <= h) return null;
  for (let i = 0; i < h; i++) if (b[i] !== HEADER[i]) return null;
  if (b[h] !== NL) return null;
  let pos = h + 1;
  let rows = 0;
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let j = buf.indexOf(NL, pos); j !== -1; j = buf.indexOf(NL, j + 1)) rows++; // memchr
  if (b[n - 1] !== NL) rows++;
  if (rows === 0) return null;
  const c = allocate(rows, closesOnly);
  const all = !closesOnly;
  let r = 0, prevKey = -1, minLow = Infinity, maxHigh = 0;
  while (pos < n) {
    if (r >= rows || pos + 11 > n) return null;
    const y = digit(b, pos) * 1000 + digit(b, pos + 1) * 100 + digit(b, pos + 2) * 10 + digit(b, pos + 3);
    const mo = digit(b, pos + 5) * 10 + digit(b, pos + 6);
    const d = digit(b, pos + 8) * 10 + digit(b, pos + 9);
    if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    if (b[pos + 4] !== DASH || b[pos + 7] !== DASH || b[pos + 10] !== COMMA) return null;
    const key = dayKeyOf(y, mo, d);
    if (key <= prevKey) return null;
    if (screen && isWeekend(y, mo, d)) return null;
    const open = readNumber(b, pos + 11, n, false);
    if (!(open > 0)) return null;
    const high = readNumber(b, next, n, false);
    if (!(high > 0)) return null;
    const low = readNumber(b, next, n, false);
    if (!(low > 0)) return null;
    const close = readNumber(b, next, n, false);
    if (!(close > 0)) return null;
    const adj = readNumber(b, next, n, false);
    if (adj !== adj || adj === 0) return null;
    const vol = readNumber(b, next, n, true);
    if (vol !== vol) return null;
    if (high < low || high < Math.max(open, close) || low > Math.min(open, close)) return null;
    // low is the smallest and high the largest of the four (checked above)
    if (low < minLow) minLow = low;
    if (high > maxHigh) maxHigh = high;
    prevKey = key;
    c.keys[r] = key;
    c.close[r] = close;
    if (all) {
      c.open[r] = open;
      c.high[r] = high;
      c.low[r] = low;
      c.adjClose[r] = adj < 0 ? NaN : adj;
      c.volume[r] = vol <= 0 ? NaN : vol;
    }
    r++;
    pos = next;
  }
  if (r !== rows) return null;
  // the rest of the screen, once per file: keys ascend, so only the first can be before 1900 and the last after today
  if (screen && ((c.keys[0] as number) < FIRST_KEY || (c.keys[r - 1] as number) > lastKey || minLow < MIN_PRICE || maxHigh > MAX_PRICE)) return null;
  if (screen && hasJump(c.close, r)) return null;
  return c;
}

/**
 * True when a close is 10x or 1/10 of the one before. screenBars warns at close / previous >= 10 or <= 1/10; this is
 * a little stricter (no division): a file at the edge goes to the careful route, which decides exactly.
 */
function hasJump(close: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) {
    const c = close[i] as number, p = close[i - 1] as number;
    if (c >= JUMP_EDGE * p || c * JUMP_EDGE <= p) return true;
  }
  return false;
}
