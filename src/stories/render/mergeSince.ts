import type { FactLine } from '../select/planTypes.js';

export type SinceLine = Extract<FactLine, { t: 'since' }>;

/**
 * Groups consecutive "since" facts that share a date, so two facts read as one sentence
 * ("its best week and its highest close since October 2024"); other lines pass through.
 * @example mergeSince([best, highest]) // [[best, highest]] when both are since 2024-10-07
 */
export function mergeSince(lines: readonly FactLine[]): (FactLine | SinceLine[])[] {
  const out: (FactLine | SinceLine[])[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (l.t === 'since' && Array.isArray(last) && last[0]?.since.value === l.since.value) last.push(l);
    else out.push(l.t === 'since' ? [l] : l);
  }
  return out;
}
