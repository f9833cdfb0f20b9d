import type { SessionDate } from '../../core/units.js';

/**
 * An integer that orders like the `YYYY-MM-DD` string (year x 416 + month x 32 + day), read from char codes:
 * comparing ints is much cheaper than comparing strings in the hot merge loops.
 * @example dayKey('2025-02-07') < dayKey('2025-02-10') // true
 */
export function dayKey(d: string): number {
  // No inner closure here: tsx/esbuild wraps closures with a naming helper, which is slow in a hot loop.
  const y = (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48);
  const m = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  return (y * 13 + m) * 32 + (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
}

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
