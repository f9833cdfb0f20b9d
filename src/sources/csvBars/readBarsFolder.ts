import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../../core/errors.js';
import type { SessionDate } from '../../core/units.js';
import { createHkexCalendar } from '../../calendar/hkexCalendar.js';
import type { TradingCalendar } from '../../calendar/TradingCalendar.js';
import { parseBarsColumns, type ParsedBarColumns } from './parseBarsColumns.js';
import { parseBarsCsv, symbolFromFileName, type ParsedBars } from './parseBarsCsv.js';
import { lineIndex, screenBars, todayForScreening } from './screenBars.js';

/**
 * Reads every `*.csv` bar file in `dir` (not recursive). Files that are not bar files by name
 * (membership files: names containing `member`) are left out.
 * @throws SourceError when the folder cannot be read.
 */
export function readBarsFolder(dir: string, only?: ReadonlySet<string>): ParsedBars[] {
  return listBarFiles(dir)
    .filter((p) => !only || only.has(symbolFromFileName(p)))
    .map((p) => readBarsFile(p));
}

/**
 * Paths of the bar files in `dir` (`*.csv` without `member` in the name), sorted by name.
 * @throws SourceError when the folder cannot be read.
 */
export function listBarFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir);
  } catch (e) {
    throw new SourceError(dir, `cannot read data folder: ${(e as Error).message}`, false);
  }
  return names
    .filter((n) => n.toLowerCase().endsWith('.csv') && !/member/i.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/** Reads one bar CSV file. @throws SourceError when the file cannot be read. */
export function readBarsFile(path: string, symbol?: string, actionDates?: ReadonlySet<string>): ParsedBars {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourceError(path, `cannot read file: ${(e as Error).message}`, false);
  }
  return screenParsed(parseBarsCsv(text, path, symbol), text, Date.now(), actionDates);
}

/**
 * The plausibility screen of every reader (screenBars.ts): today from the system clock, and for Hong Kong
 * series (`*.HK`, HSI, HSTECH, HSCEI) the HKEX calendar's holidays; `actionDates`: the symbol's ex-dates.
 */
export function screenParsed(parsed: ParsedBars, text: string, nowMs = Date.now(), actionDates?: ReadonlySet<string>): ParsedBars {
  const hk = /\.HK$/i.test(parsed.symbol) || /^(HSI|HSTECH|HSCEI)$/i.test(parsed.symbol);
  let cal: TradingCalendar | null = null;
  return screenBars(parsed, {
    today: todayForScreening(nowMs),
    lineOf: lineIndex(text),
    ...(actionDates !== undefined ? { actionDates } : {}),
    ...(hk
      ? {
          closedReason: (d: SessionDate) => {
            cal ??= createHkexCalendar();
            const info = cal.dayInfo(d);
            return info.isSession ? null : (info.reason ?? 'closed');
          },
        }
      : {}),
  });
}

/**
 * Reads one bar CSV file as columns ({@link parseBarsColumns}: byte-level for a plain file, the careful parser
 * otherwise; same rows and messages as {@link readBarsFile}). `closesOnly`: a plain file keeps only keys and closes. @throws SourceError when the file cannot be read.
 */
export function readBarColumnsFile(path: string, symbol?: string, opts: { closesOnly?: boolean } = {}): ParsedBarColumns {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new SourceError(path, `cannot read file: ${(e as Error).message}`, false);
  }
  return parseBarsColumns(bytes, path, symbol, opts);
}
