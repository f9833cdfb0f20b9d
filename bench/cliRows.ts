/**
 * The commands `npm run bench -- cli` times against a bare `node -e ""` (bench/cli.bench.ts). Add a row to time
 * another command: its arguments after `indexwire`, the ratio the issue sets as a floor, whether it needs
 * ../shared/data, and an untimed `prepare` for what must exist first (a store to read, say), written under
 * `ctx.tmp` (removed after the run).
 */
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
];
