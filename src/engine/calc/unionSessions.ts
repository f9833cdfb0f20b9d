import { dayKey } from '../../core/dayKey.js';
import type { SessionDate } from '../../core/units.js';

export { dayKey };

/** Day keys of an ascending series of dated items. */
export function dayKeys(xs: readonly { readonly date: string }[]): Int32Array {
  const out = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = dayKey((xs[i] as { date: string }).date);
  return out;
}

/**
 * The sorted union of the dates of several ascending series, by linear merges on day keys (each series that is
 * already a subset of the union so far costs one pass, with no hashing). `keys` are the series' day keys when the
 * caller already has them.
 * @example unionSessions([[{date:'2025-01-02'}], [{date:'2025-01-03'}]]) // ['2025-01-02', '2025-01-03']
 */
export function unionSessions(series: readonly (readonly { readonly date: SessionDate }[])[], keys?: readonly Int32Array[]): SessionDate[] {
  const k = keys ?? series.map(dayKeys);
  let longest = -1;
  for (let j = 0; j < series.length; j++) if (longest < 0 || (series[j] as unknown[]).length > (series[longest] as unknown[]).length) longest = j;
  if (longest < 0) return [];
  let uKeys = k[longest] as Int32Array;
  let uDates: SessionDate[] = (series[longest] as readonly { date: SessionDate }[]).map((b) => b.date);
  for (let j = 0; j < series.length; j++) {
    if (j === longest) continue;
    const ks = k[j] as Int32Array;
    if (isSubset(ks, uKeys)) continue;
    const xs = series[j] as readonly { date: SessionDate }[];
    const mk = new Int32Array(uKeys.length + ks.length);
    const md: SessionDate[] = [];
    let a = 0, b = 0, n = 0;
    while (a < uKeys.length || b < ks.length) {
      const ka = a < uKeys.length ? (uKeys[a] as number) : Infinity;
      const kb = b < ks.length ? (ks[b] as number) : Infinity;
      if (ka <= kb) {
        mk[n++] = ka;
        md.push(uDates[a] as SessionDate);
        a++;
        if (ka === kb) b++;
      } else {
        mk[n++] = kb;
        md.push((xs[b] as { date: SessionDate }).date);
        b++;
      }
    }
    uKeys = mk.slice(0, n);
    uDates = md;
  }
  return uDates;
}

function isSubset(ks: Int32Array, base: Int32Array): boolean {
  let t = 0;
  for (let i = 0; i < ks.length; i++) {
    const x = ks[i] as number;
    while (t < base.length && (base[t] as number) < x) t++;
    if (t >= base.length || base[t] !== x) return false;
  }
  return true;
}

/**
 * The sorted union of several ascending day-key series (linear merges; a series already inside the union so far
 * costs one pass).
 * @example unionKeys([Int32Array.of(1, 3), Int32Array.of(2, 3)]) // Int32Array [1, 2, 3]
 */
export function unionKeys(keys: readonly Int32Array[]): Int32Array {
  let longest = -1;
  for (let j = 0; j < keys.length; j++) if (longest < 0 || (keys[j] as Int32Array).length > (keys[longest] as Int32Array).length) longest = j;
  if (longest < 0) return new Int32Array(0);
  let u = keys[longest] as Int32Array;
  for (let j = 0; j < keys.length; j++) {
    if (j === longest) continue;
    const ks = keys[j] as Int32Array;
    if (isSubset(ks, u)) continue;
    const mk = new Int32Array(u.length + ks.length);
    let a = 0, b = 0, n = 0;
    while (a < u.length || b < ks.length) {
      const ka = a < u.length ? (u[a] as number) : Infinity;
      const kb = b < ks.length ? (ks[b] as number) : Infinity;
      if (ka <= kb) {
        mk[n++] = ka;
        a++;
        if (ka === kb) b++;
      } else {
        mk[n++] = kb;
        b++;
      }
    }
    u = mk.slice(0, n);
  }
  return u;
}
