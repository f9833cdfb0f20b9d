import { join } from 'node:path';
import { ConfigError, InputError, SourceError } from '../core/errors.js';
import { asSecurityId, asSessionDate } from '../core/units.js';
import type { BarStore } from '../store/ports.js';
import type { MilestoneReport } from '../domain/fact.js';
import { buildMilestoneReport } from '../analytics/milestones.js';
import { BarColumns } from '../analytics/series/BarColumns.js';
import { parsePeriod, type PeriodSpec } from '../analytics/extremes/periodExtreme.js';
import { readFileSync } from 'node:fs';
import type { SessionDate } from '../core/units.js';
import type { ParsedBars, ParseIssue } from '../sources/csvBars/parseBarsCsv.js';
import { keptWithWarning, lineIndex } from '../sources/csvBars/screenBars.js';
import { readPriceFile } from '../sources/vega/readPriceFile.js';
import { checkSymbolName } from '../core/symbolName.js';

export interface MilestonesRequest {
  /** Symbol: the file `<symbol>.csv` in `dataDir`; with `csv`, defaults to the file name. */
  readonly symbol?: string;
  /** Session date `YYYY-MM-DD`. */
  readonly on: string;
  readonly dataDir?: string;
  /** A single series file (Indexwire bar CSV or vega-datasets price file). */
  readonly csv?: string;
  /** Periods to measure the close against (`2024`, `2024-10`, `2024-01-01..2024-06-30`). */
  readonly periods?: readonly string[];
}

/**
 * `indexwire milestones`: reads one series, runs every detector, returns the report of one session.
 * Rows the source skipped are named in `notes`; a rejected file is an error (nothing is guessed).
 * @throws ConfigError on missing options or a bad date; InputError / SourceError on bad or missing files
 */
export function milestonesFromFiles(req: MilestonesRequest): MilestoneReport {
  let on;
  try {
    on = asSessionDate(req.on);
  } catch {
    throw new ConfigError({ source: '--on', value: req.on, reason: 'not a date (YYYY-MM-DD)' });
  }
  if (req.csv === undefined && req.symbol !== undefined) checkSymbolName(req.symbol);
  const path = req.csv ?? (req.dataDir !== undefined && req.symbol !== undefined ? join(req.dataDir, `${req.symbol}.csv`) : null);
  if (path === null) throw new ConfigError({ source: 'milestones', reason: 'give SYMBOL with --data DIR, or --csv FILE' });
  const parsed = readPriceFile(path, req.symbol);
  if (!parsed.rejected && !parsed.bars.some((b) => b.date === on)) {
    // a row of that date that was refused says why there is no session, instead of "no session on this date"
    const why = skippedRowOf(parsed, on, path);
    if (why !== null) throw new InputError({ source: why.source, ...(why.line !== undefined ? { line: why.line } : {}), ...(why.field !== undefined ? { field: why.field } : {}), ...(why.value !== undefined ? { value: why.value } : {}), reason: `${why.reason}: the row of ${on} was skipped, so ${parsed.symbol} has no session on this date` });
  }
  return reportFromParsed(parsed, on, (req.periods ?? []).map(parsePeriod));
}

/** The issue of the skipped row of `on` in the file, if the file has a row of that date. */
function skippedRowOf(parsed: ParsedBars, on: string, path: string): ParseIssue | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const line = lineIndex(text)(on as SessionDate);
  if (line === undefined) return null;
  return parsed.issues.find((i) => i.action === 'row skipped' && (i.line === line || (i.line === undefined && i.source.endsWith(`: ${on}`)))) ?? null;
}

/** The report for a parsed file (split out for tests). @throws InputError when the file was rejected */
export function reportFromParsed(parsed: ParsedBars, on: string, periods: readonly PeriodSpec[] = []): MilestoneReport {
  if (parsed.rejected) {
    const first = parsed.issues.find((x) => x.severity === 'error');
    throw new InputError({ source: parsed.source, reason: `file rejected: ${first?.message ?? 'unreadable'}` });
  }
  const cols = BarColumns.fromBars(parsed.bars, parsed.source);
  const report = buildMilestoneReport(parsed.symbol, cols, asSessionDate(on), parsed.source, undefined, periods);
  const skipped = parsed.issues.filter((x) => x.action === 'row skipped');
  // every session kept with a warning (holiday, 10x jump) up to the date: the facts may rest on it
  const kept = [...keptWithWarning(parsed)].filter(([d]) => d <= on).map(([d, m]) => `caution: the facts above may rest on the bar of ${d}, kept with a warning: ${m}`);
  if (skipped.length === 0 && kept.length === 0) return report;
  const notes = [...(report.notes ?? []), ...kept];
  if (skipped.length > 0) notes.push(`${skipped.length} row(s) skipped by the source, e.g. ${skipped[0]?.message ?? ''}`);
  return { ...report, notes };
}

/**
 * `indexwire milestones SYMBOL --on DATE --db FILE`: the same report from the store's bars of `symbol`.
 * @throws ConfigError on a bad date; SourceError when the store has no bars of `symbol`.
 */
export async function milestonesFromStore(market: BarStore, req: { symbol: string; on: string; periods?: readonly string[]; origin: string }): Promise<MilestoneReport> {
  let on;
  try {
    on = asSessionDate(req.on);
  } catch {
    throw new ConfigError({ source: '--on', value: req.on, reason: 'not a date (YYYY-MM-DD)' });
  }
  const bars = await market.getBars(asSecurityId(req.symbol));
  if (bars.length === 0) throw new SourceError(req.origin, `no bars of ${req.symbol} in the store (import its file with indexwire import DIR)`, false);
  const source = `${req.origin}#${req.symbol}`;
  return buildMilestoneReport(req.symbol, BarColumns.fromBars(bars, source), on, source, undefined, (req.periods ?? []).map(parsePeriod));
}
