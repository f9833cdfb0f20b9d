import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IndexwireError, SourceError } from '../../core/errors.js';
import type { SecurityId, SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { PricePoint } from '../../news/eventStudy/alignReturns.js';
import { eventStudy, type EventStudyOptions, type EventStudyResult } from '../../news/eventStudy/eventStudy.js';
import type { WhyEventStudy } from '../../news/why/whyTypes.js';
import { readBarsFile } from '../../sources/csvBars/readBarsFolder.js';
import { checkSymbolName } from '../../core/symbolName.js';
import type { BarStore } from '../../store/ports.js';

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
  return eventStudyOfBars(readSeries(dataDir, symbol), readSeries(dataDir, benchmark), symbol, benchmark, eventDate, options);
}

/** The event study of two series of bars (from files or the store). @throws NotEnoughDataError, InputError. */
export function eventStudyOfBars(stock: readonly Bar[], market: readonly Bar[], symbol: string, benchmark: string, eventDate: SessionDate, options: EventStudyOptions = {}): EventStudyReport {
  return { symbol, benchmark, priceBasis: 'adj_close, else close', ...eventStudy(barsToPrices(stock), barsToPrices(market), eventDate, options) };
}

/**
 * The stored bars of `symbol` (the store's `getBars`).
 * @throws SourceError naming the store when it has no series of that symbol.
 */
export async function readStoredSeries(market: BarStore, origin: string, symbol: string): Promise<readonly Bar[]> {
  const bars = await market.getBars(symbol as SecurityId);
  if (bars.length === 0) throw new SourceError(origin, `no price series for ${symbol} in the store (indexwire import DIR --db FILE stores it)`, false);
  return bars;
}

/** `event-study --db`: the same study on the two series read from the store. */
export async function runStoredEventStudy(market: BarStore, origin: string, symbol: string, benchmark: string, eventDate: SessionDate, options: EventStudyOptions = {}): Promise<EventStudyReport> {
  const [stock, bench] = await Promise.all([readStoredSeries(market, origin, symbol), readStoredSeries(market, origin, benchmark)]);
  return eventStudyOfBars(stock, bench, symbol, benchmark, eventDate, options);
}

/**
 * What `news why` shows of an event study with day 0 on the session `on` itself, or the note saying why there is
 * none (`run` throws an IndexwireError, or the first common session is a later day).
 */
export function eventStudyOrNote(run: () => EventStudyReport, symbol: string, benchmark: string, on: SessionDate): { eventStudy: WhyEventStudy | null; eventStudyNote?: string } {
  try {
    const r = run();
    if (r.eventSession !== on) {
      // Day 0 of an event study is the first common session on or after the date; for a member that did not trade
      // on the session itself that is a later day, whose move is not this session's: say so instead.
      return { eventStudy: null, eventStudyNote: `${symbol} and ${benchmark} have no common session on ${on} (the next is ${r.eventSession}): no event study for this session` };
    }
    const d0 = r.days.find((d) => d.tau === 0)!;
    return {
      eventStudy: {
        benchmark, beta: r.estimation.beta, abnormalReturn: d0.abnormalReturn, tStat: d0.tStat,
        windows: r.windows.map((w) => ({ from: w.from, to: w.to, car: w.car, tStat: w.tStat, pValue: w.pValue, rankZ: w.rankZ })),
      },
    };
  } catch (e) {
    if (!(e instanceof IndexwireError)) throw e;
    return { eventStudy: null, eventStudyNote: e.message.split('\n')[0]! };
  }
}
