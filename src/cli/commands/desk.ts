import type { Command } from 'commander';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import type { DeskRunReport } from '../../app/deskRun/runDeskSession.js';
import { InputError } from '../../core/errors.js';
import { asSessionDate, isSessionDate } from '../../core/units.js';
import { STORY_LANGS, type StoryLang } from '../../domain/story.js';
import { printJson, printTable } from '../output.js';

interface DeskRunFlags {
  on: string;
  db?: string;
  data?: string;
  news?: string;
  methodology: string[];
  out: string;
  lang: string;
  site: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** `indexwire desk run --on DATE [--db FILE] [--methodology FILE ...] --out DIR [--json]`: the whole session in one run. */
export function register(program: Command): void {
  const desk = program.command('desk').description('the market desk: run a whole session (indexes, milestones, stories, site) in one go');
  desk
    .command('run')
    .description('compute every index, every series\' milestones and the news of a session once, write every story it deserves (each index; each stock with a record, a regime change or a move rarer than once a year) in English and Traditional Chinese with ledgers and charts, and rebuild the site')
    .requiredOption('--on <date>', 'session date YYYY-MM-DD')
    .option('--db <file|url>', `store to read, a DuckDB file or a postgresql:// URL (filled by import and news ingest; default ${DEFAULT_DB_PATH})`)
    .option('--data <dir>', 'folder of bar CSVs imported into an in-memory store instead of --db')
    .option('--news <dir>', 'news folder ingested into an in-memory store instead of the stored news')
    .option('--methodology <file>', 'index methodology YAML; repeat for several (default: methodologies/<code>-replica.yaml of each index with stored members)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .requiredOption('--out <dir>', 'output folder: stories in DIR/stories, the site in DIR/site')
    .option('--lang <list>', 'languages, comma separated', STORY_LANGS.join(','))
    .option('--no-site', 'do not rebuild the site')
    .option('--json', 'machine output')
    .option('--quiet', 'no progress bar')
    .action(async (o: DeskRunFlags) => {
      if (!isSessionDate(o.on)) throw new InputError({ source: '--on', value: o.on, reason: 'not a date (YYYY-MM-DD)' });
      const langs = o.lang.split(',').map((s) => s.trim()).filter((s) => s !== '');
      for (const l of langs) if (!STORY_LANGS.includes(l as StoryLang)) throw new InputError({ source: '--lang', value: l, reason: `unknown language (known: ${STORY_LANGS.join(', ')})` });
      const [{ withData }, { runDeskSession }, { createProgress }] = await Promise.all([
        import('../../app/openData.js'), import('../../app/deskRun/runDeskSession.js'), import('../progress.js'),
      ]);
      const progress = createProgress(o.quiet === true || o.json === true);
      const source = { ...(o.db !== undefined ? { db: o.db } : {}), ...(o.data !== undefined ? { data: o.data } : {}), ...(o.news !== undefined ? { news: [o.news] } : {}) };
      let started = false;
      const report = await withData(source, async (ports) => {
        try {
          return await runDeskSession(ports, {
            date: asSessionDate(o.on), outDir: o.out, langs: langs as StoryLang[], site: o.site,
            ...(o.methodology.length > 0 ? { methodologyPaths: o.methodology } : {}),
            onProgress: (done, total) => {
              if (!started) progress.start(total, 'desk run');
              started = true;
              progress.update(done);
            },
          });
        } finally {
          progress.stop();
        }
      });
      if (o.json) return printJson(report);
      printReport(report);
    });
}

function printReport(r: DeskRunReport): void {
  const pct = (x: number | null) => (x === null ? '' : `${x >= 0 ? '+' : ''}${x.toFixed(2)}%`);
  process.stdout.write(`desk run ${r.date} from ${r.origin}\n\nindexes\n`);
  printTable(['index', 'level', 'change', 'computed', 'sessions', 'last'], r.indexes.map((i) => [
    i.code, i.level === null ? null : Number(i.level.toFixed(2)), pct(i.changePct), i.from === 'state' ? 'from stored state' : i.from === 'current' ? 'up to date' : `from base date (${i.reason ?? ''})`, i.sessions, i.last,
  ]));
  process.stdout.write(`\nmilestones: ${r.series.computed} series with a session on ${r.date}, ${r.series.withHeadline} stock(s) with a headline fact\n\nstories\n`);
  printTable(['symbol', 'kind', 'published', 'lead', 'headline', 'why'], r.stories.map((s) => [
    s.symbol, s.kind, s.published ? 'yes' : 'no', s.lead, s.headlines.en ?? Object.values(s.headlines)[0] ?? '', s.published ? s.why.join('; ') : s.reasons.join('; '),
  ]));
  const files = r.stories.reduce((n, s) => n + s.files.length, 0);
  process.stdout.write(`\nwrote ${r.stories.filter((s) => s.published).length} stories (${files} files)`);
  if (r.site) process.stdout.write(`; site ${r.site.dir}: ${r.site.stories} stories, ${r.site.pages} pages`);
  process.stdout.write('\n');
}
