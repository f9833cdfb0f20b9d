import type { Command } from 'commander';
import { formatNumber, formatSignedPct } from '../../core/format.js';
import type { Fact } from '../../domain/fact.js';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import { printJson, printTable } from '../output.js';

/** `indexwire milestones SYMBOL --on DATE [--db FILE | --data DIR] [--json]` or `indexwire milestones --csv FILE --on DATE`. */
export function register(program: Command): void {
  program
    .command('milestones')
    .description('facts that make market news for one series on one session (bull/bear, as much as, highs since, streaks, ...)')
    .argument('[symbol]', 'series, e.g. HSTECH (file DIR/SYMBOL.csv); with --csv, defaults to the file name')
    .requiredOption('--on <date>', 'session date YYYY-MM-DD')
    .option('--db <file|url>', `store to read, a DuckDB file or a postgresql:// URL (default ${DEFAULT_DB_PATH} when neither --data nor --csv is given)`)
    .option('--data <dir>', 'folder of bar CSV files')
    .option('--csv <file>', 'a single series file (bar CSV or vega-datasets price file)')
    .option('--period <period...>', 'also measure the close against the high and low of these periods: 2024, 2024-10, FROM..TO')
    .option('--json', 'machine-readable output (percentages in percent, unrounded)')
    .action(async (symbol: string | undefined, o: { on: string; db?: string; data?: string; csv?: string; period?: string[]; json?: boolean }) => {
      const { milestonesFromFiles, milestonesFromStore } = await import('../../app/milestones.js');
      const fromStore = o.data === undefined && o.csv === undefined && symbol !== undefined;
      const r = fromStore ? await (await import('../../app/openData.js')).withData({ ...(o.db !== undefined ? { db: o.db } : {}) }, ({ market, origin }) =>
        milestonesFromStore(market, { symbol, on: o.on, origin, ...(o.period !== undefined ? { periods: o.period } : {}) }), { news: false }) : milestonesFromFiles({
        on: o.on,
        ...(symbol !== undefined ? { symbol } : {}),
        ...(o.data !== undefined ? { dataDir: o.data } : {}),
        ...(o.csv !== undefined ? { csv: o.csv } : {}),
        ...(o.period !== undefined ? { periods: o.period } : {}),
      });
      if (o.json) return printJson(r);
      const chg = r.changePct === null ? 'first session' : formatSignedPct(r.changePct, 2);
      process.stdout.write(`${r.symbol} ${r.date}: close ${formatNumber(r.close, 2)} (${chg}), high ${formatNumber(r.high, 2)}, low ${formatNumber(r.low, 2)}\n\n`);
      printTable(['fact', 'basis', 'event', 'change', 'value', 'reference', 'since', 'count'], r.facts.map(row));
      for (const n of r.notes ?? []) process.stdout.write(`note: ${n}\n`);
    });
}

function row(f: Fact): (string | number | null)[] {
  const label = [f.type, f.period, f.detail?.['direction']].filter((x) => x !== undefined).join(' ');
  const pctFact = f.type === 'streak' || f.type === 'volume';
  return [
    label,
    f.basis,
    f.event ?? '',
    f.changePct === undefined ? '' : formatSignedPct(f.changePct, 2),
    f.value === undefined ? '' : formatNumber(f.value, pctFact ? 0 : 2),
    f.reference ? `${refText(f)} on ${f.reference.date}` : '',
    f.since ?? '',
    f.count ?? '',
  ];
}

/** A reference reads as a price, a percent move (gain/loss/week facts) or a streak length. */
function refText(f: Fact): string {
  const v = f.reference?.value ?? 0;
  if (/^(biggest_|best_|worst_)/.test(f.type)) return formatSignedPct(v, 2);
  if (f.type === 'streak') return `${v} ${f.period === 'week' ? 'weeks' : 'sessions'}`;
  return formatNumber(v, 2);
}
