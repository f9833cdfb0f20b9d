import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asSessionDate, type SessionDate } from '../core/units.js';
import type { MembershipInterval } from '../domain/membership.js';
import { formatBarsCsv } from '../sources/csvBars/formatBarsCsv.js';
import { simulateMarket, type SimulatedMarket } from '../sources/simMarket/simulateMarket.js';

/** The demo market's default seed and dates (about three years of HKEX sessions). */
export const DEMO_SEED = 7;
export const DEMO_FROM = asSessionDate('2023-07-03');
export const DEMO_TO = asSessionDate('2026-06-30');

export interface DemoDataOptions {
  readonly seed?: number;
  readonly from?: SessionDate;
  readonly to?: SessionDate;
  /** Members at any time (default 30). */
  readonly members?: number;
  /** Name of the membership file (default `simtech_members.csv`). */
  readonly membersFileName?: string;
}

/** What {@link writeDemoData} wrote. */
export interface DemoDataSummary {
  readonly dir: string;
  readonly seed: number;
  readonly from: SessionDate;
  readonly to: SessionDate;
  readonly sessions: number;
  readonly securities: number;
  readonly actions: number;
  readonly membersFile: string;
  /** Every file written, sorted. */
  readonly files: readonly string[];
  readonly market: SimulatedMarket;
}

/**
 * Writes the simulated "Simulated Tech" market into `dir` in the layout of `../shared/data/hk`, so every
 * `--data DIR` command reads it: one `<symbol>.csv` per security (`.SIM` symbols), `simtech_members.csv`
 * (`symbol,name,from,to`), plus `simtech_actions.json` (corporate actions), `simtech_securities.json`
 * (names, shares, free float) and a `README.md` that says the data is simulated. Old `*.SIM.csv` files in `dir`
 * are removed first. Same options, byte-identical files.
 * @throws SourceError-like Node errors when `dir` cannot be written; RangeError from simulateMarket.
 */
export function writeDemoData(dir: string, opts: DemoDataOptions = {}): DemoDataSummary {
  const seed = opts.seed ?? DEMO_SEED;
  const from = opts.from ?? DEMO_FROM;
  const to = opts.to ?? DEMO_TO;
  const market = simulateMarket({ seed, from, to, ...(opts.members === undefined ? {} : { members: opts.members }) });
  mkdirSync(dir, { recursive: true });
  for (const n of readdirSync(dir)) if (n.endsWith('.SIM.csv')) rmSync(join(dir, n));
  const files: string[] = [];
  const write = (name: string, text: string): void => {
    writeFileSync(join(dir, name), text);
    files.push(name);
  };
  for (const [symbol, bars] of market.series) write(`${symbol}.csv`, formatBarsCsv(bars));
  const membersFile = opts.membersFileName ?? 'simtech_members.csv';
  write(membersFile, formatMembersCsv(market.members));
  write('simtech_actions.json', `${JSON.stringify(market.actions, null, 2)}\n`);
  write('simtech_securities.json', `${JSON.stringify(market.securities, null, 2)}\n`);
  write('README.md', readme(market, seed, from, to));
  return {
    dir, seed, from, to,
    sessions: market.sessions.length,
    securities: market.securities.length,
    actions: market.actions.length,
    membersFile: join(dir, membersFile),
    files: files.sort(),
    market,
  };
}

/** `symbol,name,from,to`, names quoted when they hold a comma or a quote. */
function formatMembersCsv(ms: readonly MembershipInterval[]): string {
  const q = (s: string): string => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `symbol,name,from,to\n${ms.map((m) => `${m.symbol},${q(m.name)},${m.from ?? ''},${m.to ?? ''}`).join('\n')}\n`;
}

function readme(m: SimulatedMarket, seed: number, from: SessionDate, to: SessionDate): string {
  return [
    '# SIMULATED DATA: Simulated Tech',
    '',
    `Made by Indexwire's simulator (seed ${seed}, ${from}..${to}, ${m.sessions.length} HKEX sessions). Every company,`,
    'price and corporate action here is invented; nothing is market data. Symbols end in `.SIM`.',
    '',
    '- `<symbol>.csv`: raw daily bars (`close` unadjusted; `adj_close` adjusted for splits, dividends and rights).',
    '- `simtech_members.csv`: index membership `symbol,name,from,to` (from inclusive, to exclusive).',
    '- `simtech_actions.json`: corporate actions (split, cash and special dividends, rights issue).',
    '- `simtech_securities.json`: names (en, zh-Hant), shares outstanding and free float at the start.',
    '',
    'Market regimes (drift of the common factor per session):',
    '',
    ...m.regimes.map((r) => `- ${r.kind}: ${r.from}..${r.to}, ${(r.driftPerSession * 100).toFixed(2)}% a session`),
    '',
  ].join('\n');
}
