import { z } from 'zod';

/** A US (or other foreign) listing ticker of a security. `plain` links the bare symbol (BABA); otherwise only `NYSE: LI`. */
export const usTickerSchema = z.strictObject({
  symbol: z.string().regex(/^[A-Z]{1,6}$/, 'expected 1-6 capital letters'),
  plain: z.boolean().default(false),
});

/** One entry of `data/securities.yaml`. */
export const masterSecuritySchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['stock', 'index']),
  name: z.string().min(1),
  zhHant: z.string().min(1).optional(),
  zhHans: z.string().min(1).optional(),
  /** HKEX stock code, 1-5 digits (leading zeros allowed); ticker forms are generated from it. */
  code: z.string().regex(/^\d{1,5}$/, 'expected 1-5 digits (quote it in YAML)').optional(),
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * The first session the series existed: a stock's listing day, an index's first session after its base date.
   * Price data that starts on or before it covers the whole history, so a story may say "record", "all-time" and
   * "ever"; otherwise it says "since at least <first month in the data>". Absent: not known (never "record").
   */
  firstSession: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD (quote it in YAML)').optional(),
  usTickers: z.array(usTickerSchema).default([]),
});

export const securityMasterSchema = z.strictObject({
  securities: z.array(masterSecuritySchema).min(1),
  blockers: z.array(z.string().min(1)).default([]),
});

export type MasterSecurity = z.infer<typeof masterSecuritySchema>;
/** The security master: every security with its names, and the phrases that must not link. */
export type SecurityMaster = z.infer<typeof securityMasterSchema>;
