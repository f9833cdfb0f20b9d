/** Small, valid inputs the hostile cases damage one thing at a time. */

export const BAR_HEADER = 'date,open,high,low,close,adj_close,volume';

/** HKEX weekdays that are not sessions in early 2025 (New Year, Lunar New Year). */
const HK_CLOSED_2025 = new Set(['2025-01-01', '2025-01-29', '2025-01-30', '2025-01-31']);

/** The first `n` Hong Kong sessions from 2025-01-02 (weekdays, holidays left out). */
export function sessions(n: number, from = '2025-01-02'): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  while (out.length < n) {
    const s = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && !HK_CLOSED_2025.has(s)) out.push(s);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** A bar CSV with flat bars (open = high = low = close) at `closes` on consecutive sessions. */
export function barsCsv(closes: readonly number[], dates: readonly string[] = sessions(closes.length), eol = '\n'): string {
  return [BAR_HEADER, ...closes.map((c, i) => `${dates[i]},${c},${c},${c},${c},,1000`)].join(eol) + eol;
}

/** A gently rising series: 10, 10.1, 10.2 ... */
export const rising = (n: number, start = 10): number[] => Array.from({ length: n }, (_, i) => Math.round((start + i * 0.1) * 100) / 100);

/** A market of three stocks and a target index over 40 sessions, with a membership file: enough for `index build`. */
export function market(): Record<string, string> {
  const n = 40;
  const a = rising(n, 10), b = rising(n, 20), c = rising(n, 30);
  const t = a.map((x, i) => Math.round((x + (b[i] as number) + (c[i] as number)) * 100) / 100);
  return {
    'data/AAA.csv': barsCsv(a),
    'data/BBB.csv': barsCsv(b),
    'data/CCC.csv': barsCsv(c),
    'data/TGT.csv': barsCsv(t),
    'data/tgt_members.csv': 'symbol,name,from,to\nAAA,Alpha,2024-01-01,\nBBB,Beta,2024-01-01,\nCCC,Gamma,2024-01-01,\n',
  };
}

/** A methodology over {@link market} (equal weights by default); `patch` replaces whole lines `key: value`. */
export function methodology(patch: Record<string, string> = {}, extra = ''): string {
  const lines: Record<string, string> = {
    code: 'code: TRI',
    name: 'name: Test Index',
    baseDate: 'baseDate: 2025-01-02',
    baseValue: 'baseValue: 1000',
    currency: 'currency: HKD',
    universe: 'universe:\n  membership: members.csv',
    weighting: 'weighting:\n  scheme: equal',
    reviews: 'reviews:\n  rule: none',
    ...patch,
  };
  return `${Object.values(lines).join('\n')}\n${extra}`;
}

/** The fit methodology of {@link market}, replicating TGT. */
export function fitMethodology(priorWeight: string): string {
  return methodology({
    weighting: `weighting:\n  scheme: fit\n  fit:\n    target: TGT\n    method: levels\n    windowSessions: 10\n    priorWeight: ${priorWeight}`,
    reviews: 'reviews:\n  rule: none\n  dates: [2025-01-20]',
  });
}
