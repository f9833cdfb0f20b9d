import type { SessionDate } from '../../core/units.js';

export interface TrackingReport {
  /** Sessions compared (both series have the session and the one before). */
  readonly sessions: number;
  /** Median |daily return error| in basis points (1 bp = 0.01%). */
  readonly medianBp: number;
  /** 95th percentile |daily return error| in bp (linear interpolation between order statistics). */
  readonly p95Bp: number;
  readonly maxBp: number;
  /** The worst session. */
  readonly maxDate: SessionDate | null;
}

/**
 * Out-of-sample tracking of an index against a reference series: |r_index - r_reference| per session in bp, where
 * r is the close-to-close return from the previous session of the index, over sessions in [from, to].
 * @example trackingError([{date:'2025-01-02',level:100},{date:'2025-01-03',level:101}], new Map([['2025-01-02',10],['2025-01-03',10.1]]), '2025-01-01', '2025-12-31').medianBp // 0
 * @throws RangeError when no session can be compared.
 */
export function trackingError(
  index: readonly { readonly date: SessionDate; readonly level: number }[],
  reference: ReadonlyMap<string, number>,
  from: SessionDate,
  to: SessionDate,
): TrackingReport {
  const errs: { bp: number; date: SessionDate }[] = [];
  for (let i = 1; i < index.length; i++) {
    const s = index[i] as { date: SessionDate; level: number };
    const p = index[i - 1] as { date: SessionDate; level: number };
    if (s.date < from || s.date > to) continue;
    const r0 = reference.get(p.date), r1 = reference.get(s.date);
    if (r0 === undefined || r1 === undefined) continue;
    errs.push({ bp: Math.abs(s.level / p.level - r1 / r0) * 1e4, date: s.date });
  }
  if (errs.length === 0) throw new RangeError(`no session to compare between ${from} and ${to}`);
  const xs = errs.map((e) => e.bp).sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (xs.length - 1) * p, lo = Math.floor(h);
    return (xs[lo] as number) + (h - lo) * ((xs[Math.min(lo + 1, xs.length - 1)] as number) - (xs[lo] as number));
  };
  const worst = errs.reduce((a, b) => (b.bp > a.bp ? b : a));
  return { sessions: xs.length, medianBp: q(0.5), p95Bp: q(0.95), maxBp: worst.bp, maxDate: worst.date };
}
