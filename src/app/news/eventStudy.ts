import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../../core/errors.js';
import type { SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { PricePoint } from '../../news/eventStudy/alignReturns.js';
import { eventStudy, type EventStudyOptions, type EventStudyResult } from '../../news/eventStudy/eventStudy.js';
import { readBarsFile } from '../../sources/csvBars/readBarsFolder.js';
import { checkSymbolName } from '../../core/symbolName.js';

export type { EventStudyResult, EventStudyOptions, EventWindow } from '../../news/eventStudy/eventStudy.js';

/** An event study with the symbols it was run on. */
export interface EventStudyReport extends EventStudyResult {
  readonly symbol: string;
  readonly benchmark: string;
  /** Which price was used: adjusted close when the file has one, else close. */
  readonly priceBasis: 'adj_close, else close';
}

/** Prices for the event study: adjusted close when present (dividends), else close. */
export function barsToPrices(bars: readonly Bar[]): PricePoint[] {
  return bars.map((b) => ({ date: b.date, price: b.adjClose ?? b.close }));
}

/**
 * Reads `DIR/SYMBOL.csv` and returns its bars.
 * @throws SourceError when the file is missing, unreadable or rejected by the CSV parser (first issue quoted).
 */
export function readSeries(dataDir: string, symbol: string): readonly Bar[] {
  const path = join(dataDir, `${checkSymbolName(symbol)}.csv`);
  if (!existsSync(path)) throw new SourceError(path, `no price file for ${symbol}`, false);
  const parsed = readBarsFile(path, symbol);
  if (parsed.rejected) throw new SourceError(path, `rejected: ${parsed.issues[0]?.message ?? 'bad file'}`, false);
  return parsed.bars;
}

/**
 * Runs a market-model event study of `symbol` against `benchmark` from the CSV folder `dataDir`.
 * @throws SourceError (files), NotEnoughDataError (history too short), InputError (bad series).
 */
export function runEventStudy(dataDir: string, symbol: string, benchmark: string, eventDate: SessionDate, options: EventStudyOptions = {}): EventStudyReport {
  const stock = barsToPrices(readSeries(dataDir, symbol));
  const market = barsToPrices(readSeries(dataDir, benchmark));
  return { symbol, benchmark, priceBasis: 'adj_close, else close', ...eventStudy(stock, market, eventDate, options) };
}
