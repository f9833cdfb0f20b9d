import { dayKey, dayKeyOf } from '../../core/dayKey.js';
import { asSecurityId, type SecurityId } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { BarColumns } from '../../domain/barColumns.js';
import { BAR_CSV_HEADER, parseBarsCsv, symbolFromFileName, type ParseIssue } from './parseBarsCsv.js';

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
 * Parses one bar CSV (the layout and policy of {@link parseBarsCsv}) into columns. A plain file (the exact header,
 * `\n` line ends, no blank line, unquoted unsigned decimals without exponent, valid ascending dates, and rows that
 * need no skip or repair) is read by a byte-level parser that makes no string or object per row; anything else
 * goes to {@link parseBarsCsv}, so every message, skip and repair is the careful parser's own.
 * @example parseBarsColumns(Buffer.from('date,open,high,low,close,adj_close,volume\n2025-01-02,1,2,1,2,,\n'), 'X.csv').columns.close // Float64Array [2]
 */
export function parseBarsColumns(bytes: Uint8Array, source: string, symbol?: string, opts: { closesOnly?: boolean } = {}): ParsedBarColumns {
  const sym = asSecurityId(symbol ?? symbolFromFileName(source));
  const fast = parseBarsColumnsFast(bytes, opts.closesOnly === true);
  if (fast !== null) return { symbol: sym, source, columns: fast, issues: [], rejected: false, rows: fast.keys.length, fast: true };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const p = parseBarsCsv(text, source, sym);
  return { symbol: p.symbol, source, columns: barsToColumns(p.bars), issues: p.issues, rejected: p.rejected, rows: p.rows ?? 0, fast: false };
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
 * keys and closes are kept (the other columns are empty), for a reader of closes (the index engine).
 */
export function parseBarsColumnsFast(b: Uint8Array, closesOnly = false): BarColumns | null {
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
  let r = 0, prevKey = -1;
  while (pos < n) {
    if (r >= rows || pos + 11 > n) return null;
    const y = digit(b, pos) * 1000 + digit(b, pos + 1) * 100 + digit(b, pos + 2) * 10 + digit(b, pos + 3);
    const mo = digit(b, pos + 5) * 10 + digit(b, pos + 6);
    const d = digit(b, pos + 8) * 10 + digit(b, pos + 9);
    if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    if (b[pos + 4] !== DASH || b[pos + 7] !== DASH || b[pos + 10] !== COMMA) return null;
    const key = dayKeyOf(y, mo, d);
    if (key <= prevKey) return null;
    prevKey = key;
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
  return r === rows ? c : null;
}
