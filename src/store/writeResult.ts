import type { WriteResult } from './ports.js';

/** A {@link WriteResult} for a batch that was stored. */
export const stored = (written: number, skipped: number): WriteResult => ({ written, skipped, rejected: 0, issues: [] });

/** A {@link WriteResult} for a batch refused whole: every row counts as rejected, nothing was stored. */
export const refused = (rows: number, issues: readonly string[]): WriteResult => ({ written: 0, skipped: 0, rejected: rows, issues });
