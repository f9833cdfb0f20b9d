/**
 * The analytics detectors whose Facts can make a live headline (`headlineKey`): regimes entered (regime,
 * correction), records (the four "since" extremes with `since: record`, the all-time extremes), moves rarer than once a
 * year (biggest gain or loss since). The live story desk runs only these at each moment; the others (weeks,
 * 52-week and calendar-year extremes, streaks, round numbers, volume, closing in, "as much as", which the desk
 * computes itself in whole-percent steps) can never make a headline, so they run only when a version is written, for
 * its report. test/realtime/headlineDetectors.test.ts checks on the whole HSTECH and HSI histories that no other
 * detector gives a Fact with a headline key.
 */
export const HEADLINE_DETECTORS: ReadonlySet<string> = new Set([
  'regime',
  'correction',
  'highest_since.close',
  'lowest_since.close',
  'highest_since.intraday',
  'lowest_since.intraday',
  'biggest_gain_since',
  'biggest_loss_since',
  'all_time_high.close',
  'all_time_low.close',
  'all_time_high.intraday',
]);
