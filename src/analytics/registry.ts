import type { DetectorSpec } from './detector.js';
import { asMuchAsDetector } from './extremes/asMuchAs.js';
import { closingInDetector } from './extremes/closingIn.js';
import { roundNumberDetector } from './extremes/roundNumber.js';
import { volumeDetector } from './extremes/volumeVsAverage.js';
import { extremeDetector } from './extremes/windowExtreme.js';
import { correctionDetector, regimeDetector } from './regime/regimeDetectors.js';
import { sinceDetector } from './since/sinceDetector.js';
import { streakDetector } from './streaks/streakDetector.js';

/**
 * Every per-series detector, in the order their Facts appear in a milestone report. Each has a batch and a
 * streaming face and is registered in the shared contract test (test/analytics/detectorContract.test.ts).
 */
export const DETECTORS: readonly DetectorSpec[] = [
  regimeDetector,
  correctionDetector,
  asMuchAsDetector,
  sinceDetector({ id: 'highest_since.close', type: 'highest_since', unit: 'session', value: 'close', mode: 'max' }),
  sinceDetector({ id: 'lowest_since.close', type: 'lowest_since', unit: 'session', value: 'close', mode: 'min' }),
  sinceDetector({ id: 'highest_since.intraday', type: 'highest_since', unit: 'session', value: 'high', mode: 'max' }),
  sinceDetector({ id: 'lowest_since.intraday', type: 'lowest_since', unit: 'session', value: 'low', mode: 'min' }),
  sinceDetector({ id: 'biggest_gain_since', type: 'biggest_gain_since', unit: 'session', value: 'change', mode: 'max' }),
  sinceDetector({ id: 'biggest_loss_since', type: 'biggest_loss_since', unit: 'session', value: 'change', mode: 'min' }),
  sinceDetector({ id: 'best_week_since', type: 'best_week_since', unit: 'week', value: 'change', mode: 'max' }),
  sinceDetector({ id: 'worst_week_since', type: 'worst_week_since', unit: 'week', value: 'change', mode: 'min' }),
  extremeDetector({ window: 'all', side: 'high', basis: 'close' }),
  extremeDetector({ window: 'all', side: 'low', basis: 'close' }),
  extremeDetector({ window: 'all', side: 'high', basis: 'intraday' }),
  extremeDetector({ window: '52w', side: 'high', basis: 'close' }),
  extremeDetector({ window: '52w', side: 'low', basis: 'close' }),
  extremeDetector({ window: 'year', side: 'high', basis: 'close' }),
  extremeDetector({ window: 'year', side: 'low', basis: 'close' }),
  extremeDetector({ window: 'prevYear', side: 'high', basis: 'close' }),
  extremeDetector({ window: 'prevYear', side: 'low', basis: 'close' }),
  closingInDetector(),
  streakDetector('session'),
  streakDetector('week'),
  roundNumberDetector,
  volumeDetector,
];
