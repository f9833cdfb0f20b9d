import type { SessionDate } from '../../core/units.js';

/**
 * The sorted union of the dates of several ascending series. Fast path: when every series' dates are a subset
 * of the longest one (the usual case), that one is returned without hashing.
 * @example unionSessions([[{date:'2025-01-02'}], [{date:'2025-01-03'}]]) // ['2025-01-02', '2025-01-03']
 */
export function unionSessions(series: readonly (readonly { readonly date: SessionDate }[])[]): SessionDate[] {
  let longest: readonly { readonly date: SessionDate }[] = [];
  for (const s of series) if (s.length > longest.length) longest = s;
  const base = longest.map((b) => b.date);
  let subset = true;
  for (const s of series) {
    if (s === longest) continue;
    let t = 0;
    for (const b of s) {
      while (t < base.length && (base[t] as SessionDate) < b.date) t++;
      if (t >= base.length || base[t] !== b.date) {
        subset = false;
        break;
      }
    }
    if (!subset) break;
  }
  if (subset) return base;
  const all = new Set<SessionDate>();
  for (const s of series) for (const b of s) all.add(b.date);
  return [...all].sort();
}
