import type { SessionDate } from '../core/units.js';
import { createHkexCalendar } from './hkexCalendar.js';
import { createNyseCalendar } from './nyseCalendar.js';
import { NYSE_FIRST_YEAR } from './nyseHolidays.js';
import type { TradingCalendar } from './TradingCalendar.js';

/** The calendar a symbol's bars are checked against for holidays, and the first date it is complete for. */
export interface HolidayCalendar {
  readonly calendar: TradingCalendar;
  /** Bars before this date are not checked (the calendar's history starts there). */
  readonly from: SessionDate;
}

/** Yahoo codes of US indexes that follow the NYSE calendar. */
const US_INDEXES = new Set(['^GSPC', '^SPX', 'SPX', '^DJI', '^IXIC', '^NYA', '^RUT']);

/**
 * The exchange calendar of a symbol, from its name: Hong Kong (`*.HK`, HSI, HSTECH, HSCEI) -> HKEX; US (`*.US`,
 * and the US index codes ^GSPC, ^SPX, SPX, ^DJI, ^IXIC, ^NYA, ^RUT) -> NYSE, from 1953 (Saturday sessions ended in
 * 1952); anything else -> null: the exchange is unknown, so holidays are not checked (weekends still are).
 * @example holidayCalendarFor('0700.HK')?.calendar.exchange // 'XHKG'
 */
export function holidayCalendarFor(symbol: string): HolidayCalendar | null {
  const s = symbol.toUpperCase();
  if (s.endsWith('.HK') || s === 'HSI' || s === 'HSTECH' || s === 'HSCEI') return { calendar: createHkexCalendar(), from: '1900-01-01' as SessionDate };
  if (s.endsWith('.US') || US_INDEXES.has(s)) return { calendar: createNyseCalendar(), from: `${NYSE_FIRST_YEAR}-01-01` as SessionDate };
  return null;
}
