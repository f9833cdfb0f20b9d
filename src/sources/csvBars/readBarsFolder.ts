import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../../core/errors.js';
import type { SessionDate } from '../../core/units.js';
import { holidayCalendarFor } from '../../calendar/holidayCalendarFor.js';
import { closedWeekdayKeys } from '../../calendar/closedWeekdayKeys.js';
import { dayKey } from '../../core/dayKey.js';
import { parseBarsColumns, type ColumnScreen, type ParsedBarColumns } from './parseBarsColumns.js';
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
 * The plausibility screen of every reader (screenBars.ts): today from the system clock, and the holidays of the
 * symbol's exchange ({@link holidayCalendarFor}: HKEX for Hong Kong series, NYSE for US ones from 1953, none for a
 * symbol of unknown exchange); `actionDates`: the symbol's ex-dates.
 */
export function screenParsed(parsed: ParsedBars, text: string, nowMs = Date.now(), actionDates?: ReadonlySet<string>): ParsedBars {
  const hol = holidayCalendarFor(parsed.symbol);
  return screenBars(parsed, {
    today: todayForScreening(nowMs),
    lineOf: lineIndex(text),
    ...(actionDates !== undefined ? { actionDates } : {}),
    ...(hol !== null
      ? {
          closedReason: (d: SessionDate) => {
            if (d < hol.from) return null;
            const info = hol.calendar.dayInfo(d);
            return info.isSession ? null : (info.reason ?? 'closed');
          },
        }
      : {}),
  });
}

/**
 * Reads one bar CSV file as columns ({@link parseBarsColumns}: byte-level for a plain and plausible file, the careful
 * parser and {@link screenParsed} otherwise; the same rows and messages as {@link readBarsFile}). `closesOnly`: a
 * plain file keeps only keys and closes; `actionDates`: the symbol's ex-dates (a 10x move on one is explained).
 * @throws SourceError when the file cannot be read.
 */
export function readBarColumnsFile(path: string, symbol?: string, opts: { closesOnly?: boolean; actionDates?: ReadonlySet<string> } = {}): ParsedBarColumns {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new SourceError(path, `cannot read file: ${(e as Error).message}`, false);
  }
  const nowMs = Date.now();
  const hol = holidayCalendarFor(symbol ?? symbolFromFileName(path));
  const screen: ColumnScreen = {
    todayKey: dayKey(todayForScreening(nowMs)),
    ...(hol !== null ? { closedKeys: (from: number, to: number) => closedWeekdayKeys(hol.calendar, Math.max(from, dayKey(hol.from)), to) } : {}),
    screen: (parsed, text) => screenParsed(parsed, text, nowMs, opts.actionDates),
  };
  return parseBarsColumns(bytes, path, symbol, { closesOnly: opts.closesOnly === true, screen });
}
