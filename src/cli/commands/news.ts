import type { Command } from 'commander';
import { DEFAULT_DB_PATH } from '../../app/defaults.js';
import { redactUrl } from '../../core/dbUrl.js';
import { printJson, printTable } from '../output.js';

/**
 * The `news` command group, created once: other command files (newsEntities.ts, newsWhy.ts) call this to
 * attach their subcommands, whatever order the files are registered in.
 */
export function newsGroup(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'news');
  if (existing) return existing;
  return program.command('news').description('news: ingest, search, entities, why a security moved');
}

/** `indexwire news ingest PATH|URL... ` and `indexwire news search QUERY`. */
export function register(program: Command): void {
  const news = newsGroup(program);
  news
    .command('ingest')
    .description('read news (Markdown+front matter, RSS/Atom, HTML pages, plain text; folders recursively; URLs) into the store')
    .argument('<inputs...>', 'files, folders or http(s) URLs of feeds or article pages')
    .option('--db <file|url>', 'DuckDB file (one process at a time; ":memory:" for a dry run) or postgresql:// URL (shared by many processes)', DEFAULT_DB_PATH)
    .option('--zone <iana>', 'time zone for dates written without an offset', 'Asia/Hong_Kong')
    .option('--json', 'machine-readable summary')
    .option('--quiet', 'no progress bar')
    .action(async (inputs: string[], o: { db: string; zone: string; json?: boolean; quiet?: boolean }) => {
      const [{ ingestNews }, { withNewsStore }, { createProgress }, { nothingIngestedReason }] = await Promise.all([
        import('../../app/news/ingest.js'), import('../../app/news/openNewsStore.js'), import('../progress.js'),
        import('../../app/news/nothingIngested.js'),
      ]);
      const progress = createProgress(o.quiet === true || o.json === true);
      let phase: string | null = null;
      const summary = await withNewsStore(o.db, async (store) => {
        try {
          return await ingestNews(inputs, {
            store, assumeZone: o.zone,
            onProgress: (done, total, what) => {
              if (phase !== what) {
                if (phase !== null) progress.stop();
                progress.start(total, what === 'read' ? 'read ' : 'store');
                phase = what;
              }
              progress.update(done);
            },
          });
        } finally {
          progress.stop();
        }
      }, { discardNewFileIf: (s) => nothingIngestedReason(s) !== null });
      // exit 1 when input was given and nothing was stored (after the report, which names every rejected source)
      const nothing = nothingIngestedReason(summary);
      if (o.json) {
        printJson(summary);
        if (nothing !== null) throw new Error(nothing);
        return;
      }
      const near = summary.duplicates.filter((d) => d.reason === 'near-duplicate').length;
      process.stdout.write(
        `${summary.sources} source(s), ${summary.parsed} article(s) parsed into ${redactUrl(o.db)}: ${summary.ingested} ingested, ` +
          `${summary.unchanged} unchanged, ${summary.duplicates.length} duplicate(s) (${summary.duplicates.length - near} same URL, ` +
          `${near} near-duplicate), ${summary.relinked} relinked, ${summary.rejected.length} rejected\n`,
      );
      if (summary.duplicates.length > 0) {
        process.stdout.write('\nduplicates:\n');
        printTable(['origin', 'reason', 'duplicate of'], summary.duplicates.map((d) => [d.origin, d.reason, d.duplicateOf]));
      }
      const warned = summary.files.flatMap((f) => f.warnings.map((w) => (w.startsWith(f.path) ? w : `${f.path}: ${w}`)));
      if (warned.length > 0) {
        process.stdout.write(`\nrecovered or repaired (${warned.length}):\n${warned.map((w) => `  ${w}`).join('\n')}\n`);
      }
      if (summary.rejected.length > 0) {
        process.stdout.write(`\nrejected (${summary.rejected.length}):\n${summary.rejected.map((r) => `  ${r.reason}`).join('\n')}\n`);
      }
      for (const f of summary.failedBatches) process.stdout.write(`\nbatch of ${f.articles} not stored: ${f.reason}\n`);
      if (nothing !== null) throw new Error(nothing);
    });

  news
    .command('search')
    .description('full-text search of stored news (BM25; title counts twice), newest first among equal scores')
    .argument('<query...>', 'words to look for (any of them; more matches rank higher)')
    .option('--from <date>', 'first day YYYY-MM-DD (Hong Kong time) or ISO time')
    .option('--to <date>', 'last day YYYY-MM-DD, inclusive, or ISO time')
    .option('--limit <n>', 'most results', (v) => Number.parseInt(v, 10), 20)
    .option('--all', 'include articles that duplicate an earlier one')
    .option('--db <file|url>', 'DuckDB file or postgresql:// URL', DEFAULT_DB_PATH)
    .option('--json', 'machine-readable results')
    .action(async (query: string[], o: { from?: string; to?: string; limit: number; all?: boolean; db: string; json?: boolean }) => {
      const [{ withNewsStore }, { searchNews }] = await Promise.all([import('../../app/news/openNewsStore.js'), import('../../app/news/search.js')]);
      const results = await withNewsStore(o.db, (store) =>
        searchNews(store, query.join(' '), {
          limit: o.limit, includeDuplicates: o.all === true,
          ...(o.from !== undefined ? { from: o.from } : {}), ...(o.to !== undefined ? { to: o.to } : {}),
        }), { mustExist: true });
      if (o.json) return printJson(results);
      if (results.length === 0) {
        process.stdout.write('no articles found\n');
        return;
      }
      printTable(['#', 'score', 'published', 'source', 'title'],
        results.map((r) => [r.rank, Number(r.score.toFixed(3)), r.publishedAt.slice(0, 16).replace('T', ' '), r.source.slice(0, 12), r.title.slice(0, 80)]));
    });
}
