import type { SecurityId, SessionDate } from '../../src/core/units.js';
import type { Bar } from '../../src/domain/bar.js';
import type { Methodology } from '../../src/domain/methodology.js';
import { parseMethodology } from '../../src/engine/methodology/parseMethodology.js';

/** A methodology from YAML lines appended to a minimal header (equal weights over A, B, C unless overridden). */
export function methodology(extra: string, header = HEADER): Methodology {
  return parseMethodology(`${header}${extra}`, 'test.yaml');
}

export const HEADER = `code: T3
name: Three stocks
baseDate: 2025-01-02
baseValue: 1000
currency: HKD
`;

/** Bars from a table of closes: `{ A: [10, 11, NaN], ... }` over `dates` (NaN = no bar that day). */
export function barsFrom(dates: readonly string[], closes: Record<string, readonly number[]>): Map<SecurityId, Bar[]> {
  const out = new Map<SecurityId, Bar[]>();
  for (const [s, xs] of Object.entries(closes)) {
    const bars: Bar[] = [];
    xs.forEach((c, i) => {
      if (Number.isNaN(c)) return;
      bars.push({ date: dates[i] as SessionDate, open: c, high: c, low: c, close: c, adjClose: c, volume: null });
    });
    out.set(s as SecurityId, bars);
  }
  return out;
}

export const D = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'] as SessionDate[];
export const sym = (s: string) => s as SecurityId;
