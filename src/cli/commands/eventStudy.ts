import type { Command } from 'commander';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import { InputError } from '../../core/errors.js';
import { roundHalfUp } from '../../core/format.js';
import { asSessionDate, isSessionDate } from '../../core/units.js';
import type { EventStudyReport, EventWindow } from '../../app/news/eventStudy.js';
import { printJson, printTable } from '../output.js';

/** `indexwire event-study SYMBOL --event DATE --benchmark SYMBOL (--db FILE | --data DIR) [--json]`. */
export function register(program: Command): void {
  program
    .command('event-study')
    .description('market-model event study (MacKinlay 1997): abnormal returns, CARs, t-statistics, Corrado rank Z')
    .argument('<symbol>', 'security, e.g. 0268.HK (stored series, or file DIR/SYMBOL.csv)')
    .requiredOption('--event <date>', 'event date YYYY-MM-DD (session 0 is this date or the next common session)')
    .option('--benchmark <symbol>', 'benchmark series', 'HSI')
    .option('--db <file|url>', `store to read the two series from, filled by import (default ${DEFAULT_DB_PATH} when --data is not given)`)
    .option('--data <dir>', 'folder of bar CSV files, read instead of the store')
    .option('--estimation <n>', 'estimation window length in sessions', '120')
    .option('--gap <n>', 'sessions between the estimation window and the event', '10')
    .option('--windows <list>', 'CAR windows, e.g. "0:0,-1:1,0:5"', '0:0,-1:1,0:5')
    .option('--json', 'machine-readable output')
    .action(async (symbol: string, o: { event: string; benchmark: string; db?: string; data?: string; estimation: string; gap: string; windows: string; json?: boolean }) => {
      if (!isSessionDate(o.event)) throw new InputError({ source: '--event', value: o.event, reason: 'not a date (YYYY-MM-DD)' });
      if (o.data !== undefined && o.db !== undefined) throw new InputError({ source: '--data', value: o.data, reason: 'give --db FILE or --data DIR, not both' });
      const options = {
        estimationSessions: positiveInt('--estimation', o.estimation),
        gapSessions: positiveInt('--gap', o.gap, true),
        windows: parseWindows(o.windows),
      };
      const { runEventStudy, runStoredEventStudy } = await import('../../app/news/eventStudy.js');
      let r: EventStudyReport;
      if (o.data !== undefined) r = runEventStudy(o.data, symbol, o.benchmark, asSessionDate(o.event), options);
      else {
        const { withData } = await import('../../app/openData.js');
        r = await withData({ db: o.db ?? DEFAULT_DB_PATH }, (d) => runStoredEventStudy(d.market, d.origin, symbol, o.benchmark, asSessionDate(o.event), options), { news: false });
      }
      if (o.json) return printJson(r);
      // Rounded for people here only; --json keeps every digit. Incomplete windows print empty cells.
      const pct = (x: number | null) => (x === null ? null : roundHalfUp(x * 100, 2));
      const num = (x: number | null, dp = 2) => (x === null ? null : roundHalfUp(x, dp));
      process.stdout.write(
        `${symbol} vs ${o.benchmark}, event ${r.eventDate} (session 0 = ${r.eventSession})\n` +
          `market model over ${r.estimation.from}..${r.estimation.to} (${r.estimation.sessions} returns): ` +
          `alpha ${(r.estimation.alpha * 100).toFixed(3)}%/day, beta ${r.estimation.beta.toFixed(3)}, ` +
          `residual sd ${(Math.sqrt(r.estimation.residualVariance) * 100).toFixed(2)}%, R2 ${r.estimation.rSquared.toFixed(2)}\n\n`,
      );
      printTable(['tau', 'date', 'return %', 'bench %', 'expected %', 'AR %', 't'], r.days.map((d) => [
        d.tau, d.date, pct(d.stockReturn), pct(d.marketReturn), pct(d.expectedReturn), pct(d.abnormalReturn), num(d.tStat),
      ]));
      process.stdout.write('\n');
      printTable(['window', 'CAR %', 't', 'p', 'rank Z'], r.windows.map((w) => [
        `[${w.from},${w.to > 0 ? '+' : ''}${w.to}]`, pct(w.car), num(w.tStat), num(w.pValue, 4), num(w.rankZ),
      ]));
      if (r.notes.length > 0) process.stdout.write(`\n${r.notes.map((n) => `note: ${n}`).join('\n')}\n`);
    });
}

function positiveInt(flag: string, v: string, allowZero = false): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new InputError({ source: flag, value: v, reason: 'not a whole number of sessions' });
  return n;
}

/** "0:0,-1:1,0:5" -> [[0,0],[-1,1],[0,5]]. @throws InputError naming the bad part. */
export function parseWindows(s: string): EventWindow[] {
  return s.split(',').map((part) => {
    const m = /^\s*([+-]?\d+)\s*:\s*([+-]?\d+)\s*$/.exec(part);
    if (!m) throw new InputError({ source: '--windows', value: part, reason: 'expected FROM:TO, e.g. -1:1' });
    return [Number(m[1]), Number(m[2])] as const;
  });
}
