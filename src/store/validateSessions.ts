import type { IndexSession } from '../domain/indexLevel.js';

/**
 * One line per (code, date) that appears more than once in a batch of engine sessions (such a batch is refused).
 * Pure.
 * @example duplicateSessionKeys([s, s]) // ['index sessions: SIMTECH 2025-01-02: duplicate session in one batch']
 */
export function duplicateSessionKeys(sessions: readonly IndexSession[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of sessions) {
    const k = `${s.code} ${s.date}`;
    if (seen.has(k)) out.push(`index sessions: ${k}: duplicate session in one batch`);
    seen.add(k);
  }
  return out;
}
