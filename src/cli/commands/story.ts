import type { Command } from 'commander';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import type { StoryJobResult } from '../../app/story/writeStoryFiles.js';
import { asSessionDate } from '../../core/units.js';
import { STORY_LANGS, type StoryLang } from '../../domain/story.js';
import { printJson, printTable } from '../output.js';

interface StoryOpts {
  on: string;
  data?: string;
  db?: string;
  members?: string;
  methodology?: string;
  news?: string;
  out: string;
  lang: string;
  published?: string;
  charts: boolean;
  confirmMove?: string;
  json?: boolean;
}

/** `indexwire story SYMBOL --on DATE (--db FILE | --data DIR [--news DIR]) [--members FILE] --out DIR [--lang en,zh-Hant] [--json]` */
export function register(program: Command): void {
  program
    .command('story')
    .description('write a fact-checked market story (English and Traditional Chinese) with its fact ledger and charts')
    .argument('<symbol>', 'index or stock, e.g. HSTECH or 0992.HK')
    .requiredOption('--on <date>', 'session date YYYY-MM-DD')
    .option('--db <file|url>', `store to read, a DuckDB file or a postgresql:// URL (bars, members, reference data, news), filled by import and news ingest (default ${DEFAULT_DB_PATH} when --data is not given)`)
    .option('--data <dir>', 'folder of bar CSVs, imported into an in-memory store instead of --db')
    .option('--members <file>', 'membership file symbol,name,from,to (movers and breadth; without it the symbol alone)')
    .option('--methodology <file>', 'methodology YAML: member point contributions from the engine')
    .option('--news <dir>', 'news file or folder, ingested into an in-memory store (default with --db: the news stored by news ingest)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--lang <list>', 'languages, comma separated', STORY_LANGS.join(','))
    .option('--published <time>', 'publication time, exchange local "YYYY-MM-DD HH:MM:SS" (default: session date 16:10:00)')
    .option('--confirm-move <symbols>', 'symbols whose move beyond the plausible bound you checked (comma separated)')
    .option('--no-charts', 'skip the SVG charts and PNG thumbnail')
    .option('--json', 'machine output')
    .action(async (symbol: string, o: StoryOpts) => {
      const langs = o.lang.split(',').map((s) => s.trim()).filter((s) => s !== '');
      for (const l of langs) if (!STORY_LANGS.includes(l as StoryLang)) throw new Error(`--lang: unknown language "${l}" (known: ${STORY_LANGS.join(', ')})`);
      if (o.published !== undefined && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(o.published)) {
        throw new Error(`--published: expected "YYYY-MM-DD HH:MM:SS", got "${o.published}"`);
      }
      const [{ writeStoryFiles }, { withData }] = await Promise.all([import('../../app/story/writeStoryFiles.js'), import('../../app/openData.js')]);
      const source = { ...(o.db !== undefined ? { db: o.db } : {}), ...(o.data !== undefined ? { data: o.data } : {}), ...(o.news !== undefined ? { news: [o.news] } : {}) };
      const r = await withData(source, (ports) => writeStoryFiles({
        symbol,
        date: asSessionDate(o.on),
        ports,
        outDir: o.out,
        langs: langs as StoryLang[],
        charts: o.charts,
        ...(o.members ? { membersPath: o.members } : {}),
        ...(o.methodology ? { methodologyPath: o.methodology } : {}),
        ...(o.published ? { publishedLocal: o.published } : {}),
        ...(o.confirmMove ? { confirmedMoves: o.confirmMove.split(',').map((s) => s.trim()) } : {}),
      }));
      if (o.json) printJson(r);
      else printResult(r);
      if (!r.published) throw new Error(`story ${r.slug} not published: ${reasons(r).join('; ')}`);
    });
}

function reasons(r: StoryJobResult): string[] {
  return [...r.gateFailures.map((g) => `${g.gate}: ${g.message}`), ...r.checkIssues.map((c) => `checker (${c.lang}) "${c.token}": ${c.reason}`)];
}

function printResult(r: StoryJobResult): void {
  for (const [lang, h] of Object.entries(r.headlines)) process.stdout.write(`${lang}: ${h}\n`);
  process.stdout.write(`lead: ${r.lead}; ledger: ${r.ledgerEntries} entries; checker: ${r.checkIssues.length === 0 ? 'every number backed' : `${r.checkIssues.length} issue(s)`}\n`);
  if (r.gateFailures.length + r.checkIssues.length > 0) printTable(['reason'], reasons(r).map((x) => [x]));
  for (const f of r.files) process.stdout.write(`wrote ${f}\n`);
}
