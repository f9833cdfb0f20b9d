import type { FactLine } from '../select/planTypes.js';

export type SinceLine = Extract<FactLine, { t: 'since' }>;

/**
 * Groups consecutive "since" facts whose dates read the same (`label`: "October 2024" for 2024-10-04 and
 * 2024-10-07), so they make one sentence ("its best week and its highest close since October 2024");
 * other lines pass through.
 * @example mergeSince([best, highest], (l) => label(l.since)) // [[best, highest]]
 */
export function mergeSince(lines: readonly FactLine[], label: (l: SinceLine) => string): (FactLine | SinceLine[])[] {
  const out: (FactLine | SinceLine[])[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (l.t === 'since' && Array.isArray(last) && last[0] && label(last[0]) === label(l)) last.push(l);
    else out.push(l.t === 'since' ? [l] : l);
  }
  return out;
}
