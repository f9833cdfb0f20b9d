import { z } from 'zod';
import type { SessionDate, SecurityId } from '../core/units.js';

/** One daily session of a security or an index. Prices in the security's currency (index points for an index). */
export interface Bar {
  readonly date: SessionDate;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Dividend/split adjusted close when the source gives one. */
  readonly adjClose: number | null;
  /** Shares traded; null when unknown (Yahoo's 0 on half days is stored as null by the CSV source). */
  readonly volume: number | null;
}

/** The bars of one symbol in ascending date order, no duplicates. */
export interface BarSeries {
  readonly symbol: SecurityId;
  readonly bars: readonly Bar[];
}

export const barSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  open: z.number().positive(),
  high: z.number().positive(),
  low: z.number().positive(),
  close: z.number().positive(),
  adjClose: z.number().positive().nullable(),
  volume: z.number().nonnegative().nullable(),
});
