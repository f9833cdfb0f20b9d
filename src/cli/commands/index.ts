import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { roundHalfUp } from '../../core/format.js';
import { isSessionDate, type SessionDate } from '../../core/units.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import type { IndexStream } from '../../app/buildIndex.js';
import { printJson, printJsonStream, printTable } from '../output.js';

interface BuildFlags {
  data?: string;
  db?: string;
  members?: string;
  from?: string;
  to?: string;
  json?: boolean;
  csv?: boolean;
}

/** `indexwire index build|show`: build an index from a methodology file, or show its constituents on a date. */
export function register(program: Command): void {
  const index = program.command('index').description('rules-based indexes: build levels from a methodology, show constituents');
  index
    .command('build')
    .description('build an index (price and gross total return levels, divisors) from a methodology YAML')
    .argument('<methodology>', 'methodology file, e.g. methodologies/hstech-replica.yaml')
    .option('--db <file|url>', `store to read, a DuckDB file or a postgresql:// URL (default ${DEFAULT_DB_PATH} when --data is not given)`)
    .option('--data <dir>', 'folder of bar CSV files (instead of --db)')
    .option('--members <file>', 'membership file symbol,name,from,to (overrides the methodology)')
    .option('--from <date>', 'first session to print (levels are always computed from the base date)')
    .option('--to <date>', 'last session to compute and print')
    .option('--json', 'machine-readable output: the whole IndexRun, constituents included')
    .option('--csv', 'CSV: date,level,level_tr,divisor,divisor_tr,change_pct,events')
    .action(async (path: string, o: BuildFlags) => {
      const run = await streamRun({
        methodologyPath: path,
        ...(o.data !== undefined ? { dataDir: o.data } : {}),
        ...(o.db !== undefined ? { db: o.db } : {}),
        ...(o.members ? { membersPath: o.members } : {}),
        ...dateFlag('--from', 'from', o.from),
        ...dateFlag('--to', 'to', o.to),
        detail: o.json === true,
      });
      // sessions are written as they are computed: a long history is never held whole, nor built as one string
      if (o.json) return printJsonStream({ methodology: run.methodology }, 'sessions', run.sessions, () => ({ issues: run.issues }));
      if (o.csv) {
        let buf = 'date,level,level_tr,divisor,divisor_tr,change_pct,events\n';
        for (const s of run.sessions) {
          const ev = s.events.join('; ').replace(/"/g, '""');
          buf += `${s.date},${s.level},${s.levelTr},${s.divisor},${s.divisorTr},${changePct(s) ?? ''},"${ev}"\n`;
          if (buf.length >= 1 << 16) {
            process.stdout.write(buf);
            buf = '';
          }
        }
        process.stdout.write(buf);
        return;
      }
      const rows = [];
      for (const s of run.sessions) rows.push([s.date, roundHalfUp(s.level, 2), round(changePct(s), 2), roundHalfUp(s.levelTr, 2), s.divisor.toPrecision(8), s.events.join('; ')]);
      printTable(['date', 'level', 'chg %', 'level TR', 'divisor', 'events'], rows);
      summary(run.methodology.code, run.methodology.name, rows.length, run.issues);
    });
  index
    .command('show')
    .description('constituents of an index on a date: weight, change and contribution in index points')
    .argument('<code>', 'index code, e.g. HSTECH-R (resolves to methodologies/<code-lowercase>*.yaml)')
    .requiredOption('--on <date>', 'session date YYYY-MM-DD')
    .option('--db <file|url>', `store to read, a DuckDB file or a postgresql:// URL (default ${DEFAULT_DB_PATH} when --data is not given)`)
    .option('--data <dir>', 'folder of bar CSV files (instead of --db)')
    .option('--methodology <file>', 'methodology file (instead of resolving CODE)')
    .option('--members <file>', 'membership file symbol,name,from,to')
    .option('--json', 'machine-readable output: the IndexSession')
    .action(async (code: string, o: { on: string; data?: string; db?: string; methodology?: string; members?: string; json?: boolean }) => {
      const on = dateFlag('--on', 'to', o.on).to as SessionDate;
      const { findMethodologyFile } = await import('../../app/indexMethodology.js');
      const path = o.methodology ?? findMethodologyFile(code);
      const run = await buildRun({ methodologyPath: path, ...(o.data !== undefined ? { dataDir: o.data } : {}), ...(o.db !== undefined ? { db: o.db } : {}), to: on, ...(o.members ? { membersPath: o.members } : {}) });
      const s = run.sessions.at(-1);
      if (!s || s.date !== on) {
        throw new InputError({ source: '--on', value: on, reason: `is not a session of ${run.methodology.code}${s ? ` (last session before: ${s.date})` : ''}` });
      }
      if (o.json) return printJson(s);
      const pts = s.previousLevel === null ? 0 : s.level - s.previousLevel;
      process.stdout.write(
        `${s.code} ${s.date}: ${roundHalfUp(s.level, 2)} (${pts >= 0 ? '+' : ''}${roundHalfUp(pts, 2)} pts, ${pts >= 0 ? '+' : ''}${round(changePct(s), 2) ?? 0}%)` +
          ` TR ${roundHalfUp(s.levelTr, 2)}${s.events.length ? `; events: ${s.events.join('; ')}` : ''}\n\n`,
      );
      const rows = [...s.constituents].sort((a, b) => b.contributionPoints - a.contributionPoints);
      printTable(
        ['symbol', 'weight %', 'price', 'chg %', 'points', 'index shares', 'stale'],
        rows.map((c) => [c.symbol, roundHalfUp(c.weight * 100, 2), c.price, roundHalfUp(c.change * 100, 2), roundHalfUp(c.contributionPoints, 2), c.indexShares.toPrecision(6), c.stale ? 'stale' : '']),
      );
    });
}

type RunOptions = { methodologyPath: string; dataDir?: string; db?: string; membersPath?: string; from?: SessionDate; to?: SessionDate; detail?: boolean };

/** `--data DIR`: the folder through the in-memory store; else the store file (`--db`). */
async function buildRun(o: RunOptions) {
  const { buildIndexFromFiles, buildIndexFromStore } = await import('../../app/buildIndex.js');
  const { dataDir, db, ...rest } = o;
  if (dataDir !== undefined) return buildIndexFromFiles({ ...rest, dataDir });
  const { withData } = await import('../../app/openData.js');
  return withData({ ...(db !== undefined ? { db } : {}) }, ({ market, origin }) => buildIndexFromStore(market, { ...rest, origin }), { news: false });
}

/** As {@link buildRun}, one session at a time for `--data DIR` (the store's run is read whole). */
async function streamRun(o: RunOptions): Promise<IndexStream> {
  if (o.dataDir === undefined) return buildRun(o);
  const { streamIndexFromFiles } = await import('../../app/buildIndex.js');
  const { dataDir, db: _db, ...rest } = o;
  return streamIndexFromFiles({ ...rest, dataDir });
}

function changePct(s: IndexSession): number | null {
  return s.previousLevel === null ? null : (s.level / s.previousLevel - 1) * 100;
}

function round(x: number | null, dp: number): number | null {
  return x === null ? null : roundHalfUp(x, dp);
}

function dateFlag<K extends 'from' | 'to'>(flag: string, key: K, v: string | undefined): Partial<Record<K, SessionDate>> {
  if (v === undefined) return {};
  if (!isSessionDate(v)) throw new InputError({ source: flag, value: v, reason: 'not a date (YYYY-MM-DD)' });
  return { [key]: v } as Partial<Record<K, SessionDate>>;
}

function summary(code: string, name: string, n: number, issues: readonly string[]): void {
  process.stderr.write(`\n${code} (${name}): ${n} sessions; ${issues.length} issue(s)\n`);
  for (const i of issues.slice(0, 10)) process.stderr.write(`  ${i}\n`);
  if (issues.length > 10) process.stderr.write(`  ... ${issues.length - 10} more (--json lists all)\n`);
}
