import { ConfigError } from '../core/errors.js';
import { createHkexCalendar } from './hkexCalendar.js';
import { createNyseCalendar } from './nyseCalendar.js';
import type { TradingCalendar } from './TradingCalendar.js';

/**
 * The calendar of an exchange by code: `XHKG` (aliases `HKEX`, `HK`) or `XNYS` (`NYSE`, `US`), any case.
 * @throws ConfigError for an unknown exchange.
 * @example calendarFor('hkex').zone // 'Asia/Hong_Kong'
 */
export function calendarFor(exchange: string): TradingCalendar {
  const code = exchange.trim().toUpperCase();
  if (code === 'XHKG' || code === 'HKEX' || code === 'HK') return createHkexCalendar();
  if (code === 'XNYS' || code === 'NYSE' || code === 'US') return createNyseCalendar();
  throw new ConfigError({ source: 'calendar', field: 'exchange', value: exchange, reason: 'unknown exchange (known: XHKG, XNYS)' });
}
