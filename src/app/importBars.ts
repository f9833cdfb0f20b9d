import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { asIndexCode } from '../core/units.js';
import { symbolFromFileName } from '../sources/csvBars/parseBarsCsv.js';
import { listBarFiles, readBarsFile } from '../sources/csvBars/readBarsFolder.js';
import { parseMembersCsv } from '../sources/members/parseMembersCsv.js';
import type { BarStore } from '../store/ports.js';
import { isActionsFile, isSecuritiesFile, readActionsJson, readSecuritiesJson } from './referenceData.js';

/** What happened to one file. */
export interface FileImport {
  readonly file: string;
  readonly symbol: string;
  /** `stored`: good rows stored; `rejected`: the parser refused the file; `refused`: the store refused the batch. */
  readonly status: 'stored' | 'rejected' | 'refused';
  /** Rows inserted or changed. */
  readonly written: number;
  /** Rows identical to what was stored (a re-import skips every row). */
  readonly skipped: number;
  /** Rows not stored: skipped as bad by the parser, or every row of a rejected file. */
  readonly rejected: number;
  /** Rows stored after a repair (high/low widened to bracket open/close), each with a warning in `issues`. */
  readonly repaired: number;
  /** Every issue line, `file:line: field "x": value "v" reason (action)`. */
  readonly issues: readonly string[];
}

/** The JSON contract of `indexwire import --json`. */
export interface ImportReport {
  readonly dir: string;
  readonly db: string;
  readonly files: readonly FileImport[];
  /** Membership files `<code>_members.csv` stored as index memberships. */
  readonly memberships: ReadonlyArray<{ readonly file: string; readonly code: string; readonly written: number; readonly skipped: number }>;
  /** Reference files: `*securities.json` (security master) and `*actions.json` (corporate actions). */
  readonly reference: ReadonlyArray<{ readonly file: string; readonly kind: 'securities' | 'actions'; readonly written: number; readonly skipped: number }>;
  readonly totals: {
    readonly files: number;
    readonly rejectedFiles: number;
    readonly written: number;
    readonly skipped: number;
    readonly rejected: number;
  };
}

export interface ImportOptions {
  /** Shown in the report (the store's file). */
  readonly db?: string;
  /** Called after each file: files done, files in all, the file just done. */
  readonly onProgress?: (done: number, total: number, file: string) => void;
  /** Import only the bar files of these symbols (memberships and reference files are always imported). */
  readonly only?: ReadonlySet<string>;
}

/**
 * The importer of a data folder (`indexwire import DIR`, and `--data DIR`, which imports into the in-memory store):
 * every bar CSV of `dir` into `store`, one atomic batch per file: a rejected file writes nothing, a
 * good file stores its good rows (bad rows are reported and skipped), and re-importing the same files writes
 * 0 rows (so importing a folder with one more session writes only that session's rows). Membership files named
 * `<code>_members.csv` (`symbol,name,from,to`) replace the memberships of index `<CODE>`; `*securities.json` and
 * `*actions.json` are stored as the security master and corporate actions. Files are read one at a time, so memory
 * stays at one file.
 * @throws SourceError when `dir` cannot be read or the store fails (batches already committed stay).
 * @throws InputError when a membership or reference file is malformed (bar files never throw: they are reported).
 */
export async function importBars(dir: string, store: BarStore, opts: ImportOptions = {}): Promise<ImportReport> {
  const only = opts.only;
  const paths = listBarFiles(dir).filter((p) => only === undefined || only.has(symbolFromFileName(p)));
  const files: FileImport[] = [];
  // ex-dates of the folder's corporate actions: a 10x move on one of them is explained (screenBars.ts)
  const exDates = new Map<string, Set<string>>();
  for (const name of readdirSync(dir).sort()) {
    if (!isActionsFile(name)) continue;
    for (const a of readActionsJson(join(dir, name))) {
      const set = exDates.get(a.symbol) ?? new Set<string>();
      set.add(a.exDate);
      exDates.set(a.symbol, set);
    }
  }
  for (const [i, path] of paths.entries()) {
    const p = readBarsFile(path, undefined, exDates.get(symbolFromFileName(path)) ?? new Set());
    const issues = p.issues.map((x) => x.message);
    const parserRejected = p.issues.filter((x) => x.action === 'row skipped').length;
    const repaired = p.issues.filter((x) => x.action === 'row repaired').length;
    if (p.rejected) {
      files.push({ file: path, symbol: p.symbol, status: 'rejected', written: 0, skipped: 0, rejected: p.rows ?? 0, repaired: 0, issues });
    } else {
      const r = await store.putBars(p.symbol, p.bars, path);
      files.push({
        file: path,
        symbol: p.symbol,
        status: r.rejected > 0 ? 'refused' : 'stored',
        written: r.written,
        skipped: r.skipped,
        rejected: parserRejected + r.rejected,
        repaired: r.rejected > 0 ? 0 : repaired,
        issues: [...issues, ...r.issues],
      });
    }
    opts.onProgress?.(i + 1, paths.length, path);
  }
  const memberships = [];
  for (const name of memberFileNames(dir)) {
    const path = join(dir, name);
    const code = name.replace(/_members\.csv$/i, '').toUpperCase();
    const r = await store.putMemberships(asIndexCode(code), parseMembersCsv(readFileSync(path, 'utf8'), path), path);
    memberships.push({ file: path, code, written: r.written, skipped: r.skipped });
  }
  const reference = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (isSecuritiesFile(name)) {
      const r = await store.putSecurities(readSecuritiesJson(path));
      if (r.rejected > 0) throw new InputError({ source: path, reason: r.issues[0] ?? 'refused by the store' });
      reference.push({ file: path, kind: 'securities' as const, written: r.written, skipped: r.skipped });
    } else if (isActionsFile(name)) {
      const r = await store.putActions(readActionsJson(path), path);
      if (r.rejected > 0) throw new InputError({ source: path, reason: r.issues[0] ?? 'refused by the store' });
      reference.push({ file: path, kind: 'actions' as const, written: r.written, skipped: r.skipped });
    }
  }
  const sum = (k: 'written' | 'skipped' | 'rejected'): number => files.reduce((a, f) => a + f[k], 0);
  return {
    dir,
    db: opts.db ?? '',
    files,
    memberships,
    reference,
    totals: {
      files: files.length,
      rejectedFiles: files.filter((f) => f.status !== 'stored').length,
      written: sum('written'),
      skipped: sum('skipped'),
      rejected: sum('rejected'),
    },
  };
}

/** Membership files in `dir`: `<code>_members.csv`. */
function memberFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /^[A-Za-z0-9.-]+_members\.csv$/i.test(n))
    .sort();
}

/**
 * Why an import stored nothing although it was given input (every bar file rejected or refused, or no bar,
 * membership or reference file in the folder), or null when something was stored or found unchanged. The CLI
 * exits 1 with this line, so a script can tell.
 * @example nothingStoredReason({...report, files: [rejectedFile], memberships: [], reference: []}) // 'nothing stored: ...'
 */
export function nothingStoredReason(r: ImportReport): string | null {
  const kept = r.files.some((f) => f.written + f.skipped > 0) || r.memberships.length > 0 || r.reference.length > 0;
  if (kept) return null;
  if (r.files.length === 0) return `${r.dir}: nothing stored: no bar file (*.csv), <code>_members.csv, *securities.json or *actions.json in the folder`;
  const notStored = r.files.filter((f) => f.status !== 'stored').length;
  if (notStored === r.files.length) return `${r.dir}: nothing stored: every bar file was rejected (${r.files.length} file${r.files.length === 1 ? '' : 's'}; issues above)`;
  if (notStored === 0) return `${r.dir}: nothing stored: no good row in ${r.files.length} bar file(s) (issues above)`;
  return `${r.dir}: nothing stored: ${notStored} of ${r.files.length} bar file(s) rejected, no good row in the others (issues above)`;
}

/**
 * `indexwire import DIR --db PATH`: opens the store, imports, closes it. When the store is a new DuckDB file and
 * the import stored nothing (or failed), the file is removed again: a failed import leaves no empty database.
 */
export async function importFolderToDb(dir: string, db: string, opts: ImportOptions & { readonly applicationName?: string } = {}): Promise<ImportReport> {
  const { withStore, isPostgresUrl } = await import('./openStore.js');
  const isNewFile = db !== ':memory:' && !isPostgresUrl(db) && !existsSync(db);
  listBarFiles(dir); // a missing or unreadable folder fails before the store is opened (and created)
  let report: ImportReport | null = null;
  try {
    report = await withStore(db, (store) => importBars(dir, store, opts), opts.applicationName !== undefined ? { applicationName: opts.applicationName } : {});
    return report;
  } finally {
    if (isNewFile && (report === null || nothingStoredReason(report) !== null)) {
      for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
    }
  }
}
