/**
 * What the live calculator did with one tick. Codes are small integers (fast to count in a typed array);
 * `TICK_OUTCOME_NAMES[code]` is the reason printed and published.
 */
export const TickOutcome = {
  applied: 0,
  corrected: 1,
  correctionSuperseded: 2,
  unknownSymbol: 3,
  badPrice: 4,
  beforeOpen: 5,
  lunchBreak: 6,
  afterClose: 7,
  halted: 8,
  duplicate: 9,
  outOfOrder: 10,
  correctionUnknown: 11,
} as const;
export type TickOutcomeCode = (typeof TickOutcome)[keyof typeof TickOutcome];

export const TICK_OUTCOME_NAMES = [
  'applied',
  'corrected',
  'correction_superseded',
  'unknown_symbol',
  'bad_price',
  'before_open',
  'lunch_break',
  'after_close',
  'halted',
  'duplicate',
  'out_of_order',
  'correction_unknown',
] as const;
export type TickOutcomeName = (typeof TICK_OUTCOME_NAMES)[number];

/** True when the tick changed (or was allowed to change) the calculator's state. */
export const isAccepted = (code: TickOutcomeCode): boolean => code <= TickOutcome.correctionSuperseded;
