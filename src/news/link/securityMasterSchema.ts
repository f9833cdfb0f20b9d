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
  usTickers: z.array(usTickerSchema).default([]),
});

export const securityMasterSchema = z.strictObject({
  securities: z.array(masterSecuritySchema).min(1),
  blockers: z.array(z.string().min(1)).default([]),
});

export type MasterSecurity = z.infer<typeof masterSecuritySchema>;
/** The security master: every security with its names, and the phrases that must not link. */
export type SecurityMaster = z.infer<typeof securityMasterSchema>;
