import { factWords, fmtDate, lang, nf } from './i18n.js';

/** Number formats of the dashboard in its language (display only; the API keeps unrounded values). */
export const fmtLevel = (x: number | null): string => (x === null ? '–' : nf(2).format(x));
/** Percent in, e.g. 1.8 -> "+1.80%". */
export const fmtPct = (pct: number | null): string => (pct === null ? '–' : `${pct > 0 ? '+' : ''}${nf(2).format(pct)}%`);
/** Fraction in, e.g. 0.083 -> "8.3%". */
export const fmtWeight = (w: number | null): string => (w === null ? '–' : `${nf(1).format(w * 100)}%`);
export const fmtPts = (x: number | null): string => (x === null ? '–' : `${x > 0 ? '+' : ''}${nf(2).format(x)}`);
/** CSS class for a signed value. */
export const signClass = (x: number | null): string => (x === null || x === 0 ? '' : x > 0 ? 'up' : 'down');

/** A milestone fact in a few words of the dashboard's language, e.g. `bull market entered +21.99%` / `進入牛市 +21.99%`. */
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
  if (lang() !== 'en') {
    const parts = [factWords(f.type, f.event, f.period)];
    if (f.type === 'streak' && f.count !== undefined) parts.push(`${f.count}${f.period === 'week' ? '周' : '日'}`);
    else if (f.since !== undefined && f.type.endsWith('_since')) parts.push(f.since === 'record' ? '紀錄' : `自${fmtDate(f.since)}`);
    if (f.changePct !== undefined && f.type !== 'streak') parts.push(fmtPct(f.changePct));
    if (f.basis === 'intraday') parts.push('（盤中）');
    return parts.join(' ');
  }
  const parts = [f.type.replace(/_/g, ' ')];
  if (f.event !== undefined && f.event !== 'in') parts.push(f.event);
  if (f.period !== undefined && f.type !== 'streak') parts.push(`(${f.period})`);
  if (f.type === 'streak' && f.count !== undefined) parts.push(`${f.count} ${f.period ?? ''}s`.trim());
  else if (f.since !== undefined && f.type.endsWith('_since')) parts.push(f.since);
  if (f.changePct !== undefined && f.type !== 'streak') parts.push(fmtPct(f.changePct));
  if (f.basis === 'intraday') parts.push('intraday');
  return parts.join(' ');
}
