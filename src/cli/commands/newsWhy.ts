import type { Command } from 'commander';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import { InputError } from '../../core/errors.js';
import { roundHalfUp } from '../../core/format.js';
import { asSessionDate, isSessionDate } from '../../core/units.js';
import type { WhyReport } from '../../app/news/why.js';
import { printJson, printTable } from '../output.js';
import { newsGroup } from './news.js';

/** `indexwire news why SYMBOL --on DATE (--db FILE [--members FILE] | --data DIR --members FILE [--news DIR]) [--json]`. */
export function register(program: Command): void {
  newsGroup(program)
    .command('why')
    .description("the news behind a session's move: top movers and contributors, the articles that name them, themes, event studies")
    .argument('<symbol>', 'index whose session is explained, e.g. HSTECH (file DIR/SYMBOL.csv)')
    .requiredOption('--on <date>', 'session date YYYY-MM-DD')
    .option('--db <file|url>', `store to read (bars, members, news), filled by import and news ingest (default ${DEFAULT_DB_PATH} when --data is not given)`)
    .option('--data <dir>', 'folder of bar CSV files, read instead of the store (then --members is needed)')
    .option('--members <file>', 'membership file symbol,name,from,to (default with --db: the stored members of SYMBOL)')
    .option('--news <path>', 'with --data: news folder or file; repeat for several (default DATA/../news)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--methodology <file>', 'index methodology for contributions (default methodologies/hstech-replica.yaml)')
    .option('--benchmark <symbol>', 'benchmark of the event studies', 'HSI')
    .option('--top <n>', 'movers and contributors to explain', '5')
    .option('--json', 'machine-readable output')
    .action(async (symbol: string, o: { on: string; db?: string; data?: string; members?: string; news: string[]; methodology?: string; benchmark: string; top: string; json?: boolean }) => {
      if (!isSessionDate(o.on)) throw new InputError({ source: '--on', value: o.on, reason: 'not a date (YYYY-MM-DD)' });
      const top = Number(o.top);
      if (!Number.isInteger(top) || top < 1) throw new InputError({ source: '--top', value: o.top, reason: 'not a positive whole number' });
      const common = { symbol, on: asSessionDate(o.on), benchmark: o.benchmark, top, ...(o.methodology !== undefined ? { methodologyPath: o.methodology } : {}) };
      let r: WhyReport;
      if (o.data !== undefined) {
        if (o.db !== undefined) throw new InputError({ source: '--data', value: o.data, reason: 'give --db FILE or --data DIR, not both' });
        if (o.members === undefined) throw new InputError({ source: '--members', reason: 'with --data, pass the membership file (--members FILE)' });
        const { explainSession } = await import('../../app/news/why.js');
        r = await explainSession({ ...common, dataDir: o.data, membersPath: o.members, ...(o.news.length > 0 ? { newsPaths: o.news } : {}) });
      } else {
        if (o.news.length > 0) throw new InputError({ source: '--news', value: o.news[0] ?? '', reason: 'with --db the news is the stored news (indexwire news ingest PATH --db FILE); --news goes with --data' });
        const [{ explainSessionFromStore }, { withData }] = await Promise.all([import('../../app/news/whyFromStore.js'), import('../../app/openData.js')]);
        r = await withData({ db: o.db ?? DEFAULT_DB_PATH }, (ports) => explainSessionFromStore(ports, { ...common, ...(o.members !== undefined ? { membersPath: o.members } : {}) }));
      }
      if (o.json) return printJson(r);
      const p2 = (x: number | null) => (x === null ? null : roundHalfUp(x, 2));
      process.stdout.write(`${symbol} ${r.session}: ${r.changePct >= 0 ? '+' : ''}${roundHalfUp(r.changePct, 2)}% ` +
        `(news ${r.newsWindow.from} .. ${r.newsWindow.to}: ${r.articlesInWindow} articles)\n\n`);
      printTable(['security', 'name', 'roles', 'change %', 'points', 'AR %', 't', 'articles'], r.securities.map((s) => [
        s.symbol, s.name, s.roles.join('+'), p2(s.changePct), p2(s.contributionPoints),
        s.eventStudy ? p2(s.eventStudy.abnormalReturn * 100) : null, s.eventStudy ? p2(s.eventStudy.tStat) : null, s.articles.length,
      ]));
      if (r.contributorsNote) process.stdout.write(`\ncontributions: ${r.contributorsNote}\n`);
      if (r.themes.length > 0) process.stdout.write(`\nthemes: ${r.themes.map((t) => `${t.en} ${roundHalfUp(t.score, 2)} (${t.articles.length})`).join(', ')}\n`);
      const extra = [{ symbol, name: 'the index', articles: r.indexArticles }, { symbol: o.benchmark, name: 'the benchmark', articles: r.benchmarkArticles }];
      for (const s of [...r.securities, ...extra]) {
        if (s.articles.length === 0) continue;
        process.stdout.write(`\n${s.symbol} ${s.name}:\n`);
        for (const a of s.articles) {
          const th = a.themes.map((t) => t.theme).join(', ');
          process.stdout.write(`  [${a.score}] ${a.publishedAt}  ${a.title}${th ? `  {${th}}` : ''}\n`);
        }
      }
    });
}
