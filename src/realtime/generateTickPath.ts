import type { SessionInterval } from '../calendar/TradingCalendar.js';
import { ConfigError } from '../core/errors.js';
import { SeededRandom } from '../core/random.js';
import { asTimeMs, type SecurityId } from '../core/units.js';
import type { Tick } from '../domain/tick.js';
import { roundToHkexTick } from './hkexTickSize.js';

/** The daily prices a path must honour. */
export interface DayRange {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

export interface TickPathOptions {
  /** Same seed, same paths. */
  readonly seed: number;
  /** Trades per member per session (at least 4; default 400). */
  readonly ticksPerMember?: number;
  /** Round the in-between prices to the HKEX spread table (default true). O/H/L/C are kept exact. */
  readonly hkexTicks?: boolean;
}

/** FNV-1a 32-bit hash: a stable per-symbol seed. */
function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A deterministic intraday trade path for one security's day: the first trade at the open price at the
 * session's open, the last at the close price one second before the close, one trade exactly at the high and
 * one exactly at the low (in a seeded order), and Brownian bridges between them clamped inside [low, high].
 * Trade times are seeded, strictly inside the trading intervals (never in the lunch break), ascending;
 * `seq` runs 1..n. Prices in the security's currency, times in UTC ms.
 * @throws ConfigError when the range is inconsistent (high < low, open/close outside it, a non-positive price)
 *   or there are no intervals.
 * @example generateTickPath(asSecurityId('0700.HK'), {open: 410, high: 420, low: 405, close: 418}, hours, {seed: 1}).length // 400
 */
export function generateTickPath(
  symbol: SecurityId,
  day: DayRange,
  intervals: readonly SessionInterval[],
  options: TickPathOptions,
): Tick[] {
  const { open, high, low, close } = day;
  const src = `tick path ${symbol}`;
  if (!(low > 0 && high >= low && open >= low && open <= high && close >= low && close <= high)) {
    throw new ConfigError({ source: src, field: 'high/low', value: `${open}/${high}/${low}/${close}`, reason: 'needs 0 < low <= open, close <= high' });
  }
  if (intervals.length === 0) throw new ConfigError({ source: src, field: 'intervals', reason: 'no trading hours: a closed day' });
  const n = Math.max(4, Math.floor(options.ticksPerMember ?? 400));
  const rnd = new SeededRandom(hash32(symbol, options.seed));
  const times = tradeTimes(intervals, n, rnd);
  // Anchors: 0 = open, n-1 = close, two distinct inner points for the high and the low.
  const a = 1 + Math.floor(rnd.next() * (n - 2));
  let b = 1 + Math.floor(rnd.next() * (n - 3));
  if (b >= a) b++;
  const highFirst = rnd.next() < 0.5;
  const iHigh = highFirst ? Math.min(a, b) : Math.max(a, b);
  const iLow = a + b - iHigh;
  const anchors = [[0, open], [iHigh, high], [iLow, low], [n - 1, close]].sort((x, y) => (x[0] as number) - (y[0] as number)) as [number, number][];
  const px = new Float64Array(n);
  const sigma = (high - low) / Math.sqrt(n) || 0;
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [i0, p0] = anchors[k] as [number, number];
    const [i1, p1] = anchors[k + 1] as [number, number];
    bridge(px, i0, p0, i1, p1, sigma, rnd);
  }
  const round = options.hkexTicks !== false;
  const out: Tick[] = [];
  for (let i = 0; i < n; i++) {
    let p = px[i] as number;
    const isAnchor = i === 0 || i === n - 1 || i === iHigh || i === iLow;
    if (!isAnchor) {
      if (round) p = roundToHkexTick(p);
      p = Math.min(high, Math.max(low, p));
    }
    out.push({ symbol, timeMs: asTimeMs(times[i] as number), price: p, size: 100 * (1 + Math.floor(rnd.next() * 20)), seq: i + 1 });
  }
  return out;
}

/** Brownian bridge from (i0, p0) to (i1, p1) written into px[i0..i1]. */
function bridge(px: Float64Array, i0: number, p0: number, i1: number, p1: number, sigma: number, rnd: SeededRandom): void {
  const len = i1 - i0;
  const w = new Float64Array(len + 1);
  for (let j = 1; j <= len; j++) w[j] = (w[j - 1] as number) + sigma * rnd.normal();
  const wEnd = w[len] as number;
  for (let j = 0; j <= len; j++) {
    const f = len === 0 ? 1 : j / len;
    px[i0 + j] = p0 + (p1 - p0) * f + ((w[j] as number) - f * wEnd);
  }
}

/** n ascending trade times: the open, the close minus 1 s, and n-2 seeded times in trading hours between them. */
function tradeTimes(intervals: readonly SessionInterval[], n: number, rnd: SeededRandom): number[] {
  const first = (intervals[0] as SessionInterval).startMs;
  const lastEnd = (intervals[intervals.length - 1] as SessionInterval).endMs;
  const closeTick = Math.max(first, lastEnd - 1000);
  const total = intervals.reduce((s, iv) => s + (iv.endMs - iv.startMs), 0);
  const inner: number[] = [];
  for (let i = 0; i < n - 2; i++) {
    let u = Math.floor(rnd.next() * total);
    let t = closeTick;
    for (const iv of intervals) {
      const len = iv.endMs - iv.startMs;
      if (u < len) {
        t = iv.startMs + u;
        break;
      }
      u -= len;
    }
    inner.push(Math.min(Math.max(t, first), closeTick));
  }
  inner.sort((x, y) => x - y);
  return [first, ...inner, closeTick];
}

/**
 * Paths for many members merged into one stream, ordered by time then by symbol (the order a replay applies).
 * @throws ConfigError as {@link generateTickPath}.
 */
export function generateSessionTicks(
  days: readonly { readonly symbol: SecurityId; readonly day: DayRange }[],
  intervals: readonly SessionInterval[],
  options: TickPathOptions,
): Tick[] {
  const all = days.flatMap((d) => generateTickPath(d.symbol, d.day, intervals, options));
  return all.sort((x, y) => x.timeMs - y.timeMs || (x.symbol < y.symbol ? -1 : x.symbol > y.symbol ? 1 : (x.seq ?? 0) - (y.seq ?? 0)));
}
