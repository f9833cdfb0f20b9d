import type { Command } from 'commander';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import { printJson, printTable } from '../output.js';
import { newsGroup } from './news.js';

/** `indexwire news list --db F [--from D] [--to D] [--source S] [--json]`: the stored articles. */
export function register(program: Command): void {
  newsGroup(program)
    .command('list')
    .description('the stored articles in publication order (duplicates of an earlier one left out unless --all)')
    .option('--db <file|url>', 'DuckDB file or postgresql:// URL', DEFAULT_DB_PATH)
    .option('--from <date>', 'first day YYYY-MM-DD (Hong Kong time) or ISO time')
    .option('--to <date>', 'last day YYYY-MM-DD, inclusive, or ISO time')
    .option('--source <name>', 'only this source (e.g. RTHK; any letter case)')
    .option('--all', 'include articles that duplicate an earlier one')
    .option('--json', 'machine-readable: [{id, origin, url, title, published, source, lang, summary, body}]')
    .action(async (o: { db: string; from?: string; to?: string; source?: string; all?: boolean; json?: boolean }) => {
      const [{ listNews }, { withNewsStore }] = await Promise.all([import('../../app/news/listNews.js'), import('../../app/news/openNewsStore.js')]);
      const rows = await withNewsStore(o.db, (store) => listNews(store, {
        includeDuplicates: o.all === true,
        ...(o.from !== undefined ? { from: o.from } : {}), ...(o.to !== undefined ? { to: o.to } : {}),
        ...(o.source !== undefined ? { source: o.source } : {}),
      }), { mustExist: true });
      if (o.json) return printJson(rows);
      if (rows.length === 0) {
        process.stdout.write('no articles stored in this range\n');
        return;
      }
      printTable(['published', 'source', 'title', 'origin'],
        rows.map((r) => [r.published.slice(0, 16).replace('T', ' '), r.source.slice(0, 14), clip(r.title, 70), clip(r.origin, 50, true)]));
      process.stdout.write(`${rows.length} article(s)\n`);
    });
}

/** Shortens to `n` characters with an ellipsis (at the start for paths, whose end says most). */
function clip(s: string, n: number, fromStart = false): string {
  if (s.length <= n) return s;
  return fromStart ? `…${s.slice(s.length - n + 1)}` : `${s.slice(0, n - 1)}…`;
}
