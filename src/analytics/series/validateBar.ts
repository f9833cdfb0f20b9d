import { InputError, OutOfOrderError } from '../../core/errors.js';
import { isSessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';

/**
 * Checks one bar before any detector sees it: a real `YYYY-MM-DD` date after `previousDate`, finite positive
 * prices, `low <= close, open <= high`. Corrupt data is worse than no data, so nothing is repaired here.
 * `index` is the 0-based position of the bar in its series (reported as `line` = index + 1 of the bar list).
 * @throws InputError naming source, bar number and field (zero, negative or non-finite price, high below low, bad date)
 * @throws OutOfOrderError on a duplicate date or a date before the previous one
 */
export function validateBar(bar: Bar, source: string, index: number, previousDate: string | null): void {
  if (previousDate !== null && bar.date <= previousDate && isSessionDate(bar.date)) {
    throw new OutOfOrderError(source, index, bar.date, previousDate);
  }
  if (checked.has(bar)) return; // the same (readonly) bar object fed to several detectors is checked once
  const at = { source, line: index + 1 };
  if (!isSessionDate(bar.date)) throw new InputError({ ...at, field: 'date', value: String(bar.date), reason: 'not a date (YYYY-MM-DD)' });
  if (previousDate !== null && bar.date <= previousDate) {
    throw new OutOfOrderError(source, index, bar.date, previousDate);
  }
  for (const field of ['open', 'high', 'low', 'close'] as const) {
    const x = bar[field];
    if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) {
      throw new InputError({ ...at, field, value: String(x), reason: `price must be a positive finite number (bar of ${bar.date})` });
    }
  }
  if (bar.high < bar.low) {
    throw new InputError({ ...at, field: 'high', value: String(bar.high), reason: `high below low ${bar.low} (bar of ${bar.date})` });
  }
  if (bar.close > bar.high || bar.close < bar.low) {
    throw new InputError({ ...at, field: 'close', value: String(bar.close), reason: `close outside the session range ${bar.low}..${bar.high} (bar of ${bar.date})` });
  }
  checked.add(bar);
}

/** Bars already found valid on their own (date format, prices); order is still checked every time. */
const checked = new WeakSet<Bar>();
