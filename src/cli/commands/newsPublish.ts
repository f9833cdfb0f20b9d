import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { printJson, printTable } from '../output.js';
import { newsGroup } from './news.js';

interface PublishCliOptions {
  out: string;
  db?: string;
  from?: string;
  to?: string;
  zone: string;
  securities?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Posts listed one per line in the readable output; the rest are counted (all of them are in --json). */
const LISTED = 20;

/** `indexwire news publish INPUTS... --out DIR` (or `--db FILE`): republish articles as posts in the seed's layout. */
export function register(program: Command): void {
  newsGroup(program)
    .command('publish')
    .description("republish articles as Hugo posts in the seed's layout: repaired title and body, 50-word summary, source and linked securities as categories/tags, closing link to the source; an article already published is not written twice")
    .argument('[inputs...]', 'files, folders or http(s) URLs of news (Markdown, RSS/Atom, HTML, text); or --db')
    .requiredOption('--out <dir>', 'folder of the posts (created; posts already there are kept and never duplicated)')
    .option('--db <file>', 'publish what is stored in this DuckDB file instead of reading inputs')
    .option('--from <date>', 'first day YYYY-MM-DD (Hong Kong time) or ISO time')
    .option('--to <date>', 'last day YYYY-MM-DD, inclusive, or ISO time')
    .option('--zone <iana>', 'time zone of the posts\' dates, and of dates written without an offset', 'Asia/Hong_Kong')
    .option('--securities <file>', 'security master for the tags (default: data/securities.yaml)')
    .option('--json', 'machine-readable: {out, articles, written, unchanged, posts: [{id, file, title, date, url, origin, status}], duplicates, rejected, issues}')
    .option('--quiet', 'no progress bar')
    .action(async (inputs: string[], o: PublishCliOptions) => {
      if (o.db !== undefined && inputs.length > 0) {
        throw new ConfigError({ source: 'news publish', field: 'inputs', value: inputs[0] ?? '', reason: 'give either files, folders or URLs, or --db, not both' });
      }
      const [{ publishNews }, { withNewsStore }, { createProgress }] = await Promise.all([
        import('../../app/news/publishNews.js'), import('../../app/news/openNewsStore.js'), import('../progress.js'),
      ]);
      const common = {
        outDir: o.out, zone: o.zone,
        ...(o.from !== undefined ? { from: o.from } : {}), ...(o.to !== undefined ? { to: o.to } : {}),
        ...(o.securities !== undefined ? { securityMasterPath: o.securities } : {}),
      };
      const progress = createProgress(o.quiet === true || o.json === true);
      let started = false;
      const onProgress = (done: number, total: number) => {
        if (!started) progress.start(total, 'read ');
        started = true;
        progress.update(done);
      };
      let r;
      try {
        r = o.db !== undefined
          ? await withNewsStore(o.db, (store) => publishNews({ ...common, store }), { mustExist: true })
          : await publishNews({ ...common, inputs, onProgress });
      } finally {
        progress.stop();
      }
      if (o.json) return printJson(r);
      const near = r.duplicates.filter((d) => d.reason !== 'already-published').length;
      process.stdout.write(
        `${r.articles} article(s) -> ${r.out}: ${r.written} post(s) written (${r.posts.filter((p) => p.status === 'new').length} new, ` +
          `${r.posts.filter((p) => p.status === 'updated').length} updated), ${r.unchanged} unchanged, ` +
          `${r.duplicates.length - near} already published, ${near} duplicate(s), ${r.rejected.length} rejected\n`,
      );
      const changed = r.posts.filter((p) => p.status !== 'unchanged');
      if (changed.length > 0) {
        process.stdout.write('\n');
        printTable(['status', 'date', 'file'], changed.slice(0, LISTED).map((p) => [p.status, p.date.slice(0, 16), p.file]));
        if (changed.length > LISTED) process.stdout.write(`... and ${changed.length - LISTED} more (--json lists them all)\n`);
      }
      if (r.duplicates.length > 0) {
        process.stdout.write(`\nnot published (${r.duplicates.length}):\n`);
        printTable(['origin', 'reason', 'duplicate of'], r.duplicates.slice(0, LISTED).map((d) => [d.origin, d.reason, d.duplicateOf]));
        if (r.duplicates.length > LISTED) process.stdout.write(`... and ${r.duplicates.length - LISTED} more (--json lists them all)\n`);
      }
      if (r.rejected.length > 0) process.stdout.write(`\nrejected (${r.rejected.length}):\n${r.rejected.map((x) => `  ${x.reason}`).join('\n')}\n`);
      for (const i of r.issues) process.stdout.write(`left alone: ${i}\n`);
    });
}
