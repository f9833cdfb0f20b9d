import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SourceError } from '../core/errors.js';
import type { SecurityId, SessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { CorporateAction } from '../domain/corporateAction.js';
import type { IndexInput, IndexRun, ShareChange } from '../domain/indexRun.js';
import type { Security } from '../domain/security.js';
import type { MembershipInterval } from '../domain/membership.js';
import type { Methodology } from '../domain/methodology.js';
import { buildIndex } from '../engine/buildIndex.js';
import { parseMethodology } from '../engine/methodology/parseMethodology.js';
import { readBarsFolder } from '../sources/csvBars/readBarsFolder.js';
import { loadMembers } from './marketData.js';
import { parseActionsCsv, parseSecuritiesCsv, readText } from './indexReferenceData.js';
import { loadReferenceData } from './referenceData.js';

export type { IndexRun } from '../domain/indexRun.js';

export interface BuildIndexFilesOptions {
  /** Path of the methodology YAML. */
  readonly methodologyPath: string;
  /** Folder of bar CSVs (`--data DIR`). */
  readonly dataDir: string;
  /** Membership file overriding the methodology's `universe.membership` (`--members FILE`). */
  readonly membersPath?: string;
  readonly from?: SessionDate;
  readonly to?: SessionDate;
  /** Per-constituent detail in each session (default true). */
  readonly detail?: boolean;
}

/**
 * Reads a methodology file (YAML), its membership, security master and corporate actions files, and the bars it
 * needs from `dataDir`, and builds the index. Security master and actions paths are relative to the methodology.
 * The membership file is `--members`, else `universe.membership` relative to the methodology file, else the file of
 * that name in `dataDir`. Engine issues come first in `issues`, then bar parse problems of the files used.
 * @throws SourceError when a file cannot be read; ConfigError for a bad methodology or membership file.
 */
export async function buildIndexFromFiles(opts: BuildIndexFilesOptions): Promise<IndexRun> {
  const methodology = readMethodology(opts.methodologyPath);
  const members = resolveMembers(methodology, opts);
  const here = dirname(opts.methodologyPath);
  const securities = methodology.securitiesFile !== undefined ? parseSecuritiesCsv(readText(resolve(here, methodology.securitiesFile), 'security master'), resolve(here, methodology.securitiesFile)) : undefined;
  const actionsPath = methodology.actionsFile !== undefined ? resolve(here, methodology.actionsFile) : undefined;
  const acts = actionsPath !== undefined ? parseActionsCsv(readText(actionsPath, 'corporate actions'), actionsPath) : undefined;
  const needed = new Set<string>(methodology.universe.symbols ?? []);
  for (const iv of members ?? []) needed.add(iv.symbol);
  if (methodology.weighting.fit) needed.add(methodology.weighting.fit.target);
  for (const s of securities?.keys() ?? []) if (methodology.universe.symbols === undefined && members === undefined) needed.add(s);
  const filtersOnly = methodology.universe.symbols === undefined && members === undefined && securities === undefined;
  const parsed = readBarsFolder(opts.dataDir, filtersOnly ? undefined : needed);
  const bars = new Map<SecurityId, readonly Bar[]>();
  const issues: string[] = [];
  for (const p of parsed) {
    for (const i of p.issues) issues.push(i.message);
    if (!p.rejected) bars.set(p.symbol, p.bars);
  }
  const files = new Set<string>(parsed.map((p) => p.symbol)); // a rejected file is reported by its own issue
  for (const s of needed) if (!files.has(s)) issues.push(`${s}: no bar file ${s}.csv in ${opts.dataDir}`);
  const run = buildIndex(
    methodology,
    {
      bars,
      ...(members ? { members } : {}),
      // Share counts, free floats and corporate actions beside the bars (`*securities.json`, `*actions.json`),
      // and the methodology's own `securitiesFile` / `actionsFile` (which take precedence for securities).
      ...mergeReference(referenceOf(opts.dataDir), securities, acts),
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.to ? { to: opts.to } : {}),
    },
    { detail: opts.detail ?? true },
  );
  return { ...run, issues: [...run.issues, ...issues] };
}

/** Reads and validates a methodology file. @throws SourceError (unreadable), ConfigError (invalid). */
export function readMethodology(path: string): Methodology {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourceError(path, `cannot read methodology: ${(e as Error).message}`, false);
  }
  return parseMethodology(text, path);
}

function resolveMembers(m: Methodology, opts: BuildIndexFilesOptions): MembershipInterval[] | undefined {
  if (opts.membersPath) return loadMembers(opts.membersPath);
  const rel = m.universe.membership;
  if (rel === undefined) return undefined;
  const beside = resolve(dirname(opts.methodologyPath), rel);
  if (existsSync(beside)) return loadMembers(beside);
  const inData = join(opts.dataDir, basename(rel));
  if (existsSync(inData)) return loadMembers(inData);
  throw new SourceError(beside, `membership file not found (nor ${inData}); pass --members FILE`, false);
}

/** Methodology-relative reference files over the data folder's: its securities win, actions are combined. */
function mergeReference(
  fromData: Pick<IndexInput, 'securities' | 'actions'>,
  securities: ReadonlyMap<SecurityId, Security> | undefined,
  acts: { actions: CorporateAction[]; shareChanges: ShareChange[] } | undefined,
): Pick<IndexInput, 'securities' | 'actions' | 'shareChanges'> {
  const sec = securities ?? fromData.securities;
  const actions = [...(fromData.actions ?? []), ...(acts?.actions ?? [])];
  return {
    ...(sec ? { securities: sec } : {}),
    ...(actions.length > 0 ? { actions } : {}),
    ...(acts && acts.shareChanges.length > 0 ? { shareChanges: acts.shareChanges } : {}),
  };
}

/** The optional reference data of a data folder, in the engine's input shape. */
function referenceOf(dataDir: string): Pick<IndexInput, 'securities' | 'actions'> {
  const ref = loadReferenceData(dataDir);
  return { ...(ref.securities ? { securities: ref.securities } : {}), ...(ref.actions ? { actions: ref.actions } : {}) };
}
