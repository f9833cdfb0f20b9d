/**
 * The commands `npm run bench -- cli` times against a bare `node -e ""` (bench/cli.bench.ts). Add a row to time
 * another command: its arguments after `indexwire`, the ratio the issue sets as a floor, whether it needs
 * ../shared/data, and an untimed `prepare` for what must exist first (a store to read, say), written under
 * `ctx.tmp` (removed after the run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface CliBenchContext {
  /** The checkout (the working directory of every command). */
  readonly repo: string;
  /** A temporary folder for this run, removed at the end. */
  readonly tmp: string;
  /** ../shared/data. */
  readonly shared: string;
}

export interface CliRow {
  /** What the row times, as printed. */
  readonly label: string;
  /** Arguments after `indexwire`. */
  readonly args: (ctx: CliBenchContext) => string[];
  /** The floor: at most this many times a bare node start (printed as ok or OVER). */
  readonly targetX?: number;
  /** Skipped, with one line saying so, when ../shared/data is absent. */
  readonly needsSharedData?: boolean;
  /** Run once before the timed rounds (not timed), e.g. to import the data into a store under ctx.tmp. */
  readonly prepare?: (ctx: CliBenchContext) => void;
  /** The exit code the command must end with (default 0); the bench stops on any other. */
  readonly exitCode?: number;
}

export const CLI_ROWS: readonly CliRow[] = [
  { label: 'indexwire --help', args: () => ['--help'], targetX: 3 },
  { label: 'indexwire story --help', args: () => ['story', '--help'] },
  {
    label: 'indexwire milestones HSTECH --on 2025-02-07',
    args: (ctx) => ['milestones', 'HSTECH', '--on', '2025-02-07', '--data', join(ctx.shared, 'hk')],
    targetX: 5,
    needsSharedData: true,
  },
  {
    // the acceptance command of issue 11 part 2, on a store filled by import and news ingest (not timed)
    label: 'indexwire story HSTECH --on 2025-02-07 --db (store)',
    args: (ctx) => ['story', 'HSTECH', '--on', '2025-02-07', '--db', storeOf(ctx), '--members', join(ctx.shared, 'hk/hstech_members.csv'),
      '--methodology', join(ctx.repo, 'methodologies/hstech-replica.yaml'), '--out', join(ctx.tmp, 'stories'), '--lang', 'en,zh-Hant'],
    targetX: 8,
    needsSharedData: true,
    prepare: fillStore,
  },
  {
    label: 'indexwire desk run --on 2025-02-07 --db (store)',
    args: (ctx) => ['desk', 'run', '--on', '2025-02-07', '--db', storeOf(ctx), '--out', join(ctx.tmp, 'desk'), '--quiet'],
    targetX: 15,
    needsSharedData: true,
    prepare: fillStore,
  },
];

function storeOf(ctx: CliBenchContext): string {
  return join(ctx.tmp, 'desk.duckdb');
}

/** `indexwire import` and `news ingest` of the HK data into the bench's store, once for every row that needs it. */
function fillStore(ctx: CliBenchContext): void {
  if (existsSync(storeOf(ctx))) return;
  const cli = (args: string[]) => execFileSync(process.execPath, [join(ctx.repo, 'bin/indexwire.js'), ...args], { cwd: ctx.repo, stdio: 'ignore' });
  cli(['import', join(ctx.shared, 'hk'), '--db', storeOf(ctx), '--quiet']);
  cli(['news', 'ingest', join(ctx.shared, 'news/rthk_finance_en'), '--db', storeOf(ctx), '--quiet']);
}
