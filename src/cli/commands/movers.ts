import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { formatNumber, formatSignedPct } from '../../core/format.js';
import type { Mover } from '../../domain/fact.js';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import { printJson, printTable } from '../output.js';

/** `indexwire movers SYMBOL --on DATE [--db FILE | --data DIR] [--members FILE] [--top N] [--json]`. */
export function register(program: Command): void {
  program
    .command('movers')
    .description("an index's top gainers and losers (close and intraday), points contributed, volume and breadth on one session")
    .argument('<symbol>', 'index, e.g. HSTECH')
    .requiredOption('--on <date>', 'session date YYYY-MM-DD (membership as of this date)')
    .option('--db <file|url>', `store to read, a DuckDB file or a postgresql:// URL (default ${DEFAULT_DB_PATH} when --data is not given)`)
    .option('--data <dir>', 'folder of bar CSV files (instead of --db)')
    .option('--members <file>', 'membership file symbol,name,from,to (required with --data; default with --db: the stored members of SYMBOL)')
    .option('--top <n>', 'how many in each list', '5')
    .option('--methodology <file>', 'index methodology for contributions (default methodologies/<symbol>-replica.yaml)')
    .option('--json', 'machine-readable output (percentages in percent, unrounded)')
    .action(async (symbol: string, o: { on: string; db?: string; data?: string; members?: string; top: string; methodology?: string; json?: boolean }) => {
      const top = Number(o.top);
      if (!Number.isInteger(top) || top < 1) throw new ConfigError({ source: '--top', value: o.top, reason: 'must be a whole number >= 1' });
      const { moversFromFiles, moversFromStore } = await import('../../app/movers.js');
      let r;
      if (o.data !== undefined) {
        if (o.members === undefined) throw new ConfigError({ source: '--members', reason: 'required with --data (a membership file symbol,name,from,to)' });
        r = await moversFromFiles({
          symbol, on: o.on, dataDir: o.data, membersPath: o.members, top,
          ...(o.methodology !== undefined ? { methodologyPath: o.methodology } : {}),
        });
      } else {
        const [{ withData }, { loadMembers }] = await Promise.all([import('../../app/openData.js'), import('../../app/marketData.js')]);
        const members = o.members !== undefined ? loadMembers(o.members) : undefined;
        r = await withData({ ...(o.db !== undefined ? { db: o.db } : {}) }, ({ market, origin }) => moversFromStore(market, {
          symbol, on: o.on, top, origin,
          ...(members !== undefined ? { members, membersPath: o.members as string } : {}),
          ...(o.methodology !== undefined ? { methodologyPath: o.methodology } : {}),
        }), { news: false });
      }
      if (o.json) return printJson(r);
      const b = r.breadth;
      process.stdout.write(
        `${r.symbol} ${r.date}: ${r.members} members, ${b.advancers} up, ${b.decliners} down, ${b.unchanged} unchanged; ` +
          `${b.at52WeekHigh} at 52-week highs, ${b.at52WeekLow} at 52-week lows${b.missing.length ? `; no data: ${b.missing.join(' ')}` : ''}\n`,
      );
      const table = (title: string, ms: readonly Mover[]) => {
        process.stdout.write(`\n${title}\n`);
        printTable(['symbol', 'name', 'close', 'change', 'as much as', 'points', 'volume x avg'], ms.map((m) => [
          m.symbol, m.name, formatNumber(m.close, 2), formatSignedPct(m.changePct, 2), formatSignedPct(m.asMuchAsPct, 2),
          m.contributionPoints === null ? '' : formatNumber(m.contributionPoints, 2),
          m.volumeRatio === null || m.volumeRatio === undefined ? '' : formatNumber(m.volumeRatio, 2),
        ]));
      };
      table('gainers', r.gainers);
      table('losers', r.losers);
      table('intraday gainers (high vs previous close)', r.intraday.gainers);
      table('intraday losers (low vs previous close)', r.intraday.losers);
      table('points added', r.contributors.top);
      table('points taken', r.contributors.bottom);
      process.stdout.write(`\ncontributions: ${r.contributionSource ?? 'unknown'}\n`);
      for (const n of r.notes ?? []) process.stdout.write(`note: ${n}\n`);
    });
}
