import type { Bar } from '../../domain/bar.js';
import type { LedgerBuilder } from '../ledger/LedgerBuilder.js';
import type { YearToDateLine } from './planTypes.js';

/**
 * The smallest year-to-date gain (loss), in percent, whose wiping out (restoring) in one session is news: 2 for an
 * index, 5 for a stock. Below it the series is only crossing its last year's close back and forth (HSI in January
 * 2025: +0.23%, -1.40%, +0.03% within four sessions), which no desk would write up.
 */
export const YTD_MIN_PCT: Readonly<Record<'index' | 'stock', number>> = { index: 2, stock: 5 };

/**
 * A session that wipes out the year's gains (year-to-date change from at least `YTD_MIN_PCT` up to zero or below)
 * or restores its losses (from at least that far down to above zero), against the last close of the previous
 * calendar year; the year-to-date change at the close is recorded in the ledger (`ytd.pct`). Null otherwise, on
 * the year's first session (its previous close is the year-end itself), or without an earlier year in the bars.
 * @example planYearToDate(hstech, i20250407, 'index', 'HSTECH', ledger) // wiped: 4,401.51 / 4,468.11 (2024-12-31) - 1 = -1.49%; on 2025-04-03, 5,313.26: +18.9%
 */
export function planYearToDate(bars: readonly Bar[], i: number, kind: 'index' | 'stock', symbol: string, ledger: LedgerBuilder): YearToDateLine | null {
  const bar = bars[i] as Bar;
  const prev = bars[i - 1];
  const year = bar.date.slice(0, 4);
  if (!prev || prev.date.slice(0, 4) !== year) return null;
  let j = i - 1;
  while (j >= 0 && (bars[j] as Bar).date.slice(0, 4) === year) j--;
  const yearEnd = bars[j];
  if (!yearEnd) return null;
  const before = (prev.close / yearEnd.close - 1) * 100;
  const now = (bar.close / yearEnd.close - 1) * 100;
  const min = YTD_MIN_PCT[kind];
  const wiped = before >= min && now <= 0;
  const restored = before <= -min && now > 0;
  if (!wiped && !restored) return null;
  const pct = ledger.add({
    id: 'ytd.pct', kind: 'pct', value: now, dp: 1,
    source: { series: symbol, session: `${yearEnd.date}..${bar.date}`, field: 'close', computation: '(close / last close of the previous year - 1) * 100' },
    inputs: { close: bar.close, yearEndClose: yearEnd.close, yearEndSession: yearEnd.date, previousClose: prev.close, previousYtdPct: before },
  });
  return { wiped, pct };
}
