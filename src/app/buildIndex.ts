import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { dayKey } from '../core/dayKey.js';
import { ConfigError, SourceError } from '../core/errors.js';
import { asIndexCode, type SecurityId, type SessionDate } from '../core/units.js';
import type { CorporateAction } from '../domain/corporateAction.js';
import type { IndexInput, IndexRun, ShareChange } from '../domain/indexRun.js';
import type { CloseSeries } from '../domain/barColumns.js';
import type { IndexSession } from '../domain/indexLevel.js';
import type { Security } from '../domain/security.js';
import type { MembershipInterval } from '../domain/membership.js';
import type { Methodology } from '../domain/methodology.js';
import { buildIndex } from '../engine/buildIndex.js';
import { streamIndex, type IndexStream } from '../engine/streamIndex.js';
import { parseMethodology } from '../engine/methodology/parseMethodology.js';
import { symbolFromFileName } from '../sources/csvBars/parseBarsCsv.js';
import { listBarFiles, readBarColumnsFile } from '../sources/csvBars/readBarsFolder.js';
import { MemoryBarStore } from '../store/memory/MemoryBarStore.js';
import { cachedParse } from './parseCache.js';
import type { BarStore } from '../store/ports.js';
import { loadMembers } from './marketData.js';
import { parseActionsCsv, parseSecuritiesCsv, readText } from './indexReferenceData.js';
import { withData } from './openData.js';

export type { IndexRun } from '../domain/indexRun.js';
export type { IndexStream } from '../engine/streamIndex.js';

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

export interface BuildIndexStoreOptions {
  readonly methodologyPath: string;
  /** Membership file overriding the methodology's `universe.membership` (`--members FILE`). */
  readonly membersPath?: string;
  readonly from?: SessionDate;
  readonly to?: SessionDate;
  readonly detail?: boolean;
  /** Where the store's data came from, for messages (`no bars for X in <origin>`). */
  readonly origin?: string;
}

/** Everything the engine reads for one methodology, gathered from the store port. */
export interface IndexInputs {
  readonly methodology: Methodology;
  readonly input: IndexInput;
  /** Symbols the index needs (universe, members, fit target). */
  readonly needed: ReadonlySet<string>;
  /** Needed symbols without a bar in the store. */
  readonly missing: readonly string[];
}

/**
 * `--data DIR`: builds the index of a methodology from a folder ({@link streamIndexFromFiles}, collected). Engine
 * issues come first in `issues`, then the bar problems of the files used, then `X: no bar file X.csv in DIR` for a
 * needed symbol without a file.
 * @throws SourceError when a file cannot be read; ConfigError for a bad methodology or membership file.
 */
export async function buildIndexFromFiles(opts: BuildIndexFilesOptions): Promise<IndexRun> {
  const s = await streamIndexFromFiles(opts);
  const sessions = [...s.sessions];
  return { methodology: s.methodology, sessions, issues: s.issues };
}

/**
 * `--data DIR` one session at a time (what `index build --json` writes as it goes): the folder's memberships and
 * reference files (`*securities.json`, `*actions.json`) go through the in-memory store as `indexwire import` would
 * store them, and only the bar files the index needs are read, as close columns (byte-level parser, the careful one
 * and the plausibility screen for any irregular or implausible file: same rows and messages). The same sessions and issues as importing the whole folder
 * into the in-memory store and building from it ({@link buildIndexFromFilesThroughStore}, which the `fit` scheme
 * still uses: its calibration reads bars). `issues` is complete once `sessions` has been iterated.
 * @throws SourceError when a file cannot be read; ConfigError for a bad methodology or membership file.
 */
export async function streamIndexFromFiles(opts: BuildIndexFilesOptions): Promise<IndexStream> {
  const m = readMethodology(opts.methodologyPath); // a bad methodology fails before the folder is read
  if (m.weighting.scheme === 'fit') {
    const run = await buildIndexFromFilesThroughStore(opts);
    return { methodology: run.methodology, sessions: run.sessions, issues: run.issues };
  }
  const membersPath = opts.membersPath ?? membersFileOf(m, opts.methodologyPath, opts.dataDir);
  const reference = new MemoryBarStore();
  const { importBars } = await import('./importBars.js');
  await importBars(opts.dataDir, reference, { only: new Set() }); // memberships and reference files, no bars
  const ctx = await readIndexContext(reference, { ...opts, ...(membersPath !== undefined ? { membersPath } : {}) });
  const needed = ctx.needed ?? new Set<string>();
  const everyFile = needed.size === 0; // as the store route: every file's problems are reported
  const toKey = opts.to === undefined ? Infinity : dayKey(opts.to);
  const closes = new Map<SecurityId, CloseSeries>();
  const fileIssues: string[] = [];
  const withFile = new Set<string>();
  // ex-dates of the folder's corporate actions, as import uses them: a 10x move on one is explained (screenBars.ts)
  const exDates = new Map<string, Set<string>>();
  for (const a of await reference.getActions()) {
    const set = exDates.get(a.symbol) ?? new Set<string>();
    set.add(a.exDate);
    exDates.set(a.symbol, set);
  }
  for (const path of listBarFiles(opts.dataDir)) {
    if (!everyFile && !needed.has(symbolFromFileName(path))) continue;
    const f = readBarColumnsFile(path, undefined, { closesOnly: true, actionDates: exDates.get(symbolFromFileName(path)) ?? new Set() });
    withFile.add(f.symbol);
    for (const x of f.issues) fileIssues.push(x.message);
    if (ctx.needed !== null && !needed.has(f.symbol)) continue;
    const { keys, close } = f.columns;
    let n = keys.length;
    while (n > 0 && (keys[n - 1] as number) > toKey) n--;
    if (n > 0) closes.set(f.symbol, n === keys.length ? { keys, close } : { keys: keys.slice(0, n), close: close.slice(0, n) });
  }
  for (const s of needed) if (!closes.has(s as SecurityId) && !withFile.has(s)) fileIssues.push(`${s}: no bar file ${s}.csv in ${opts.dataDir}`);
  const engine = streamIndex(ctx.methodology, { ...ctx.input, closes }, { detail: opts.detail ?? true });
  const issues: string[] = [];
  function* sessions(): Generator<IndexSession> {
    yield* engine.sessions;
    issues.push(...engine.issues, ...fileIssues);
  }
  return { methodology: ctx.methodology, sessions: sessions(), issues };
}

/**
 * `--data DIR` the long way: imports the whole folder into an in-memory store (one object per bar) and builds the
 * index through the port ({@link buildIndexFromStore}). The `fit` scheme uses it; tests check that
 * {@link buildIndexFromFiles} gives the same run.
 */
export async function buildIndexFromFilesThroughStore(opts: BuildIndexFilesOptions): Promise<IndexRun> {
  const m = readMethodology(opts.methodologyPath);
  const membersPath = opts.membersPath ?? membersFileOf(m, opts.methodologyPath, opts.dataDir);
  return withData({ data: opts.dataDir }, async ({ market, imported }) => {
    const inputs = await readIndexInputs(market, { ...opts, ...(membersPath !== undefined ? { membersPath } : {}) });
    const run = buildIndex(inputs.methodology, inputs.input, { detail: opts.detail ?? true });
    const files = imported?.files ?? [];
    const issues: string[] = [];
    for (const f of files) if (inputs.needed.has(f.symbol) || (inputs.needed.size === 0)) issues.push(...f.issues);
    const withFile = new Set(files.map((f) => f.symbol)); // a rejected file is reported by its own issue
    for (const s of inputs.missing) if (!withFile.has(s)) issues.push(`${s}: no bar file ${s}.csv in ${opts.dataDir}`);
    return { ...run, issues: [...run.issues, ...issues] };
  }, { news: false });
}

/**
 * Builds the index of a methodology file from the store: members (`--members`, else the methodology's membership
 * file, else the store's memberships of that file's index), security master and corporate actions (the
 * methodology's own files win for securities; actions are combined), and the bars of the symbols it needs.
 * @throws SourceError when a file cannot be read; ConfigError for a bad methodology or membership file.
 */
export async function buildIndexFromStore(market: BarStore, opts: BuildIndexStoreOptions): Promise<IndexRun> {
  const inputs = await readIndexInputs(market, opts);
  const run = buildIndex(inputs.methodology, inputs.input, { detail: opts.detail ?? true });
  const missing = inputs.missing.map((s) => `${s}: no bars in ${opts.origin ?? 'the store'}`);
  return { ...run, issues: [...run.issues, ...missing] };
}

/** What the engine reads for one methodology besides bars (their fingerprint tells whether a stored state still fits). */
export interface IndexContext {
  readonly methodology: Methodology;
  /** The methodology file's text. */
  readonly methodologyText: string;
  /** The engine input without bars. */
  readonly input: Omit<IndexInput, 'bars'>;
  /** Symbols whose bars the index needs (universe, members, fit target); null: every symbol (filters only). */
  readonly needed: ReadonlySet<string> | null;
}

/**
 * Reads what the engine needs for `opts.methodologyPath` from the store (see {@link buildIndexFromStore}).
 * `from`/`to` are passed to the engine (levels are still computed from the base date: bars are read up to `to`).
 */
export async function readIndexInputs(market: BarStore, opts: BuildIndexStoreOptions): Promise<IndexInputs> {
  const ctx = await readIndexContext(market, opts);
  const symbols = ctx.needed === null ? await market.symbols() : ([...ctx.needed] as SecurityId[]);
  const bars = await market.getBarsMany(symbols, undefined, opts.to);
  const needed = ctx.needed ?? new Set<string>();
  const missing = [...needed].filter((s) => !bars.has(s as SecurityId));
  return { methodology: ctx.methodology, input: { ...ctx.input, bars }, needed, missing };
}

/** Methodology, members, security master and corporate actions of an index (everything but bars). */
export async function readIndexContext(market: BarStore, opts: BuildIndexStoreOptions): Promise<IndexContext> {
  const methodologyText = readMethodologyText(opts.methodologyPath);
  const methodology = cachedParse('methodology', methodologyText, () => parseMethodology(methodologyText, opts.methodologyPath));
  const members = await resolveMembers(methodology, market, opts);
  const here = dirname(opts.methodologyPath);
  const securitiesPath = methodology.securitiesFile !== undefined ? insideMethodologyFolder(opts.methodologyPath, methodology.securitiesFile, 'securitiesFile') : undefined;
  const securities = securitiesPath !== undefined ? parseSecuritiesCsv(readText(securitiesPath, 'security master'), securitiesPath) : undefined;
  const actionsPath = methodology.actionsFile !== undefined ? insideMethodologyFolder(opts.methodologyPath, methodology.actionsFile, 'actionsFile') : undefined;
  const acts = actionsPath !== undefined ? parseActionsCsv(readText(actionsPath, 'corporate actions'), actionsPath) : undefined;
  const stored = await market.getSecurities();
  const storedSecurities = stored.length > 0 ? new Map(stored.map((s) => [s.id, s])) : undefined;
  const storedActions = await market.getActions();
  const needed = new Set<string>(methodology.universe.symbols ?? []);
  for (const iv of members ?? []) needed.add(iv.symbol);
  if (methodology.weighting.fit) needed.add(methodology.weighting.fit.target);
  const sec = securities ?? storedSecurities;
  for (const s of sec?.keys() ?? []) if (methodology.universe.symbols === undefined && members === undefined) needed.add(s);
  const filtersOnly = methodology.universe.symbols === undefined && members === undefined && sec === undefined;
  const input = {
    ...(members ? { members } : {}),
    ...mergeReference(storedSecurities, storedActions, securities, acts),
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.to ? { to: opts.to } : {}),
  };
  return { methodology, methodologyText, input, needed: filtersOnly ? null : needed };
}

/** Reads and validates a methodology file. @throws SourceError (unreadable), ConfigError (invalid). */
export function readMethodology(path: string): Methodology {
  const text = readMethodologyText(path);
  return cachedParse('methodology', text, () => parseMethodology(text, path));
}

/** The text of a methodology file. @throws SourceError when it cannot be read. */
export function readMethodologyText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourceError(path, `cannot read methodology: ${(e as Error).message}`, false);
  }
}

/**
 * A file a methodology names (membership, security master, corporate actions), resolved inside the methodology's
 * own folder: `membership: ../../etc/passwd` or an absolute path is refused, never opened.
 * @throws ConfigError naming the methodology file and the field.
 */
export function insideMethodologyFolder(methodologyPath: string, rel: string, field: string): string {
  const here = resolve(dirname(methodologyPath));
  const p = resolve(here, rel);
  const up = relative(here, p);
  if (isAbsolute(rel) || up === '' || up.startsWith('..') || isAbsolute(up) || rel.includes('\0')) {
    throw new ConfigError({ source: methodologyPath, field, value: rel, reason: 'must name a file inside the methodology\'s folder (no absolute path, no "..")' });
  }
  return p;
}

/** The membership file of a file build: the methodology's, beside it, else the file of that name in the data folder. */
function membersFileOf(m: Methodology, methodologyPath: string, dataDir: string): string | undefined {
  const rel = m.universe.membership;
  if (rel === undefined) return undefined;
  const beside = insideMethodologyFolder(methodologyPath, rel, 'universe.membership');
  if (existsSync(beside)) return beside;
  const inData = join(dataDir, basename(rel));
  if (existsSync(inData)) return inData;
  throw new SourceError(beside, `membership file not found (nor ${inData}); pass --members FILE`, false);
}

async function resolveMembers(m: Methodology, market: BarStore, opts: BuildIndexStoreOptions): Promise<MembershipInterval[] | undefined> {
  if (opts.membersPath) return loadMembers(opts.membersPath);
  const rel = m.universe.membership;
  if (rel === undefined) return undefined;
  const beside = insideMethodologyFolder(opts.methodologyPath, rel, 'universe.membership');
  if (existsSync(beside)) return loadMembers(beside);
  // `hstech_members.csv` was imported as the memberships of HSTECH
  const code = basename(rel).replace(/_members\.csv$/i, '').toUpperCase();
  const stored = /_members\.csv$/i.test(basename(rel)) ? await market.getMemberships(asIndexCode(code)) : [];
  if (stored.length > 0) return stored;
  throw new SourceError(beside, `membership file not found (nor memberships of ${code} in ${opts.origin ?? 'the store'}); pass --members FILE`, false);
}

/** Methodology-relative reference files over the store's: its securities win, actions are combined. */
function mergeReference(
  storedSecurities: ReadonlyMap<SecurityId, Security> | undefined,
  storedActions: readonly CorporateAction[],
  securities: ReadonlyMap<SecurityId, Security> | undefined,
  acts: { actions: CorporateAction[]; shareChanges: ShareChange[] } | undefined,
): Pick<IndexInput, 'securities' | 'actions' | 'shareChanges'> {
  const sec = securities ?? storedSecurities;
  const actions = [...storedActions, ...(acts?.actions ?? [])];
  return {
    ...(sec ? { securities: sec } : {}),
    ...(actions.length > 0 ? { actions } : {}),
    ...(acts && acts.shareChanges.length > 0 ? { shareChanges: acts.shareChanges } : {}),
  };
}
