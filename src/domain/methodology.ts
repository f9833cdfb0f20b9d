import { z } from 'zod';
import { isSessionDate, type IndexCode, type SecurityId, type SessionDate } from '../core/units.js';

/**
 * An index methodology, as written in a `methodologies/*.yaml` file (engine issue).
 * Schema and type live here so every layer can read a methodology; the YAML parser lives in the engine.
 * Weights and caps are fractions (0.08 = 8%).
 */
const date = z
  .string({ message: 'must be a date (YYYY-MM-DD)' })
  .refine((s) => isSessionDate(s), { message: 'must be a date (YYYY-MM-DD)' })
  .transform((s) => s as SessionDate);
const symbol = z
  .string({ message: 'must be a symbol' })
  .min(1, { message: 'must not be empty' })
  .transform((s) => s as SecurityId);
const fraction = z
  .number({ message: 'must be a number' })
  .gt(0, { message: 'must be in (0, 1]' })
  .lte(1, { message: 'must be in (0, 1]' });
const positiveInt = z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).positive({ message: 'must be > 0' });
const attrValue = z.union([z.string(), z.number(), z.boolean()]);

export const universeSchema = z
  .strictObject({
    /** Explicit list of symbols. */
    symbols: z.array(symbol, { message: 'must be a list of symbols' }).min(1, { message: 'must list at least one symbol' }).optional(),
    /** Membership file `symbol,name,from,to`, relative to the methodology file (or `--members FILE`). */
    membership: z.string({ message: 'must be a file path' }).min(1, { message: 'must not be empty' }).optional(),
    /** Keep securities whose attribute equals the value (or one of the values). */
    filters: z.record(z.string(), z.union([attrValue, z.array(attrValue)]), { message: 'must be a map of attribute: value' }).optional(),
  })
  .refine((u) => u.symbols !== undefined || u.membership !== undefined || u.filters !== undefined, {
    message: 'needs one of symbols, membership or filters',
  });

export const selectionSchema = z.strictObject({
  /** `ffmcap`: rank by free-float market cap (price x shares x free-float factor); `none`: take every eligible member. */
  rankBy: z.enum(['ffmcap', 'none'], { message: 'must be one of ffmcap, none' }).default('none'),
  /** Number of constituents selected (top N). */
  count: positiveInt.optional(),
  /** Buffer zone: a non-member enters only if ranked <= addRank; a member stays while ranked <= keepRank. */
  buffer: z
    .strictObject({ addRank: positiveInt, keepRank: positiveInt })
    .refine((b) => b.addRank <= b.keepRank, { message: 'addRank must be <= keepRank', path: ['addRank'] })
    .optional(),
});

export const givenWeightsSchema = z.strictObject({
  /** Review effective date these weights apply from. */
  effective: date,
  weights: z.record(z.string(), z.number({ message: 'must be a number' }).nonnegative({ message: 'must be >= 0' }), {
    message: 'must be a map of symbol: weight',
  }),
});

export const fitSchema = z.strictObject({
  /** Symbol of the series to replicate (for example `HSTECH`). */
  target: symbol,
  /** Calibration: number of sessions before the review used (returns regression). */
  windowSessions: positiveInt.default(60),
  /**
   * Research calibration: sessions after a review and before this date (and before the next review) may refine
   * that review's weights. Without it only sessions before each review are used (what is known at the review).
   */
  postReviewUntil: date.optional(),
  /** `returns`: NNLS on daily returns; `levels`: NNLS on levels since the review. */
  method: z.enum(['returns', 'levels', 'blend'], { message: 'must be one of returns, levels, blend' }).default('levels'),
  /**
   * Weight λ of the prior (previous period's weights) against the level rows after the review, in [0, 1e6]: above
   * that the prior rows swamp the level rows anyway, and near 1e308 their squares overflow the solver.
   */
  priorWeight: z
    .number({ message: 'must be a number' })
    .min(0, { message: 'must be between 0 and 1000000' })
    .max(1e6, { message: 'must be between 0 and 1000000' })
    .default(1),
});

export const weightingSchema = z
  .strictObject({
    scheme: z.enum(['ffmcap', 'equal', 'given', 'fit'], { message: 'must be one of ffmcap, equal, given, fit' }),
    /** Cap per constituent (fraction), applied at each review with iterative redistribution. */
    cap: fraction.optional(),
    given: z.array(givenWeightsSchema, { message: 'must be a list of {effective, weights}' }).min(1, { message: 'must not be empty' }).optional(),
    fit: fitSchema.optional(),
  })
  .refine((w) => w.scheme !== 'given' || w.given !== undefined, { message: 'scheme "given" needs weighting.given', path: ['scheme'] })
  .refine((w) => w.scheme !== 'fit' || w.fit !== undefined, { message: 'scheme "fit" needs weighting.fit', path: ['scheme'] });

export const reviewsSchema = z
  .strictObject({
    /** `hsil-quarterly`: effective the first session after the first Friday of each month in `months`. */
    rule: z.enum(['hsil-quarterly', 'none'], { message: 'must be one of hsil-quarterly, none' }).default('none'),
    months: z
      .array(z.number().int({ message: 'must be a month 1..12' }).min(1, { message: 'must be a month 1..12' }).max(12, { message: 'must be a month 1..12' }))
      .default([3, 6, 9, 12]),
    /** Explicit review dates: effective at the first session on or after each date. */
    dates: z.array(date).default([]),
  })
  .default({ rule: 'none', months: [3, 6, 9, 12], dates: [] });

export const methodologySchema = z.strictObject({
  code: z.string({ message: 'must be a string' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'must be letters, digits, ".", "_" or "-"' }).transform((s) => s as IndexCode),
  name: z.string({ message: 'must be a string' }).min(1, { message: 'must not be empty' }),
  description: z.string().optional(),
  baseDate: date,
  baseValue: z.number({ message: 'must be a number' }).positive({ message: 'must be > 0' }),
  currency: z.string({ message: 'must be a string' }).regex(/^[A-Z]{3}$/, { message: 'must be an ISO currency code such as HKD' }),
  universe: universeSchema,
  selection: selectionSchema.default({ rankBy: 'none' }),
  weighting: weightingSchema,
  reviews: reviewsSchema,
  /** Security master CSV `symbol,shares_outstanding,free_float_factor[,attribute...]`, relative to this file. */
  securitiesFile: z.string({ message: 'must be a file path' }).min(1, { message: 'must not be empty' }).optional(),
  /**
   * Corporate actions CSV `symbol,ex_date,kind,amount,ratio,new_shares,old_shares,subscription_price`
   * (kind: split, cash_dividend, special_dividend, rights_issue, share_change), relative to this file.
   */
  actionsFile: z.string({ message: 'must be a file path' }).min(1, { message: 'must not be empty' }).optional(),
  /** Return variants computed and published; both are always computed. */
  variants: z.array(z.enum(['price', 'gross'], { message: 'must be one of price, gross' })).default(['price', 'gross']),
});

export type Methodology = z.infer<typeof methodologySchema>;
export type WeightingScheme = Methodology['weighting']['scheme'];
