import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { SecurityId } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { MembershipInterval } from '../domain/membership.js';
import { readBarsFolder, readBarsFile } from '../sources/csvBars/readBarsFolder.js';
import type { ParseIssue } from '../sources/csvBars/parseBarsCsv.js';
import { parseMembersCsv } from '../sources/members/parseMembersCsv.js';
import { SourceError } from '../core/errors.js';

/** Bars by symbol, read from a folder of CSV files (`--data DIR`), with every parse issue. */
export interface MarketData {
  readonly series: ReadonlyMap<SecurityId, readonly Bar[]>;
  readonly issues: readonly ParseIssue[];
  readonly rejectedFiles: readonly string[];
}

/** Loads every bar CSV in `dir`. Rejected files are listed, their bars left out. */
export function loadMarketData(dir: string): MarketData {
  const parsed = readBarsFolder(dir);
  const series = new Map<SecurityId, readonly Bar[]>();
  const issues: ParseIssue[] = [];
  const rejectedFiles: string[] = [];
  for (const p of parsed) {
    issues.push(...p.issues);
    if (p.rejected) rejectedFiles.push(p.source);
    else series.set(p.symbol, p.bars);
  }
  return { series, issues, rejectedFiles };
}

/** Loads one series file (`--csv FILE`); the symbol is the file name. */
export function loadSeriesFile(path: string): MarketData {
  const p = readBarsFile(path);
  return {
    series: p.rejected ? new Map() : new Map([[p.symbol, p.bars]]),
    issues: p.issues,
    rejectedFiles: p.rejected ? [p.source] : [],
  };
}

/** Reads a membership file `symbol,name,from,to`. @throws InputError / SourceError. */
export function loadMembers(path: string): MembershipInterval[] {
  if (!existsSync(path)) throw new SourceError(path, 'members file not found', false);
  return parseMembersCsv(readFileSync(path, 'utf8'), path);
}

/**
 * The default membership file inside a data folder: `hstech_members.csv`, else the only `*_members.csv`
 * (the demo writes `simtech_members.csv`); null when there is none or several.
 */
export function defaultMembersPath(dataDir: string): string | null {
  const p = join(dataDir, 'hstech_members.csv');
  if (existsSync(p)) return p;
  if (!existsSync(dataDir)) return null;
  const found = readdirSync(dataDir).filter((n) => n.endsWith('_members.csv'));
  return found.length === 1 ? join(dataDir, found[0] as string) : null;
}
