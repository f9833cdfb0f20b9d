/** Number formats of the dashboard (display only; the API keeps unrounded values). */
const nf = (dp: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp });
const f2 = nf(2);
const f1 = nf(1);

export const fmtLevel = (x: number | null): string => (x === null ? '–' : f2.format(x));
/** Percent in, e.g. 1.8 -> "+1.80%". */
export const fmtPct = (pct: number | null): string => (pct === null ? '–' : `${pct > 0 ? '+' : ''}${f2.format(pct)}%`);
/** Fraction in, e.g. 0.083 -> "8.3%". */
export const fmtWeight = (w: number | null): string => (w === null ? '–' : `${f1.format(w * 100)}%`);
export const fmtPts = (x: number | null): string => (x === null ? '–' : `${x > 0 ? '+' : ''}${f2.format(x)}`);
/** CSS class for a signed value. */
export const signClass = (x: number | null): string => (x === null || x === 0 ? '' : x > 0 ? 'up' : 'down');

/** A milestone fact in a few words, e.g. `bull market entered +21.99% (vs 2025-01-13)`, `highest since 2024-10-07`. */
export function factLabel(f: {
  type: string;
  basis?: string;
  event?: string;
  changePct?: number;
  period?: string;
  since?: string;
  count?: number;
  reference?: { date: string };
}): string {
  const parts = [f.type.replace(/_/g, ' ')];
  if (f.event !== undefined && f.event !== 'in') parts.push(f.event);
  if (f.period !== undefined && f.type !== 'streak') parts.push(`(${f.period})`);
  if (f.type === 'streak' && f.count !== undefined) parts.push(`${f.count} ${f.period ?? ''}s`.trim());
  else if (f.since !== undefined && f.type.endsWith('_since')) parts.push(f.since);
  if (f.changePct !== undefined && f.type !== 'streak') parts.push(fmtPct(f.changePct));
  if (f.basis === 'intraday') parts.push('intraday');
  return parts.join(' ');
}
