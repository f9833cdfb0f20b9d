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
