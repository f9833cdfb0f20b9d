import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { printJson, printTable } from '../output.js';
import { newsGroup } from './news.js';

/** `indexwire news entities (FILE | --db F [--from D] [--to D]) [--json]`: the securities an article names, with offsets and the alias matched. */
export function register(program: Command): void {
  newsGroup(program)
    .command('entities')
    .description('link an article (Markdown, RSS/Atom, HTML, text) to the security master: offsets, aliases, themes, banks')
    .argument('[file]', 'news file (or folder); without it, the stored articles of --db')
    .option('--db <file|url>', 'store whose articles to link (filled by news ingest), instead of FILE')
    .option('--from <date>', 'with --db: first day YYYY-MM-DD (Hong Kong time) or ISO time')
    .option('--to <date>', 'with --db: last day YYYY-MM-DD, inclusive, or ISO time')
    .option('--json', 'machine-readable output (offsets are UTF-16 units into title + "\\n\\n" + body)')
    .action(async (file: string | undefined, o: { db?: string; from?: string; to?: string; json?: boolean }) => {
      if ((file === undefined) === (o.db === undefined)) throw new InputError({ source: 'news entities', reason: 'give a news FILE or a store (--db FILE), one of the two' });
      const { entitiesOfFile, entitiesOfStore } = await import('../../app/news/entities.js');
      let r: Awaited<ReturnType<typeof entitiesOfFile>>;
      if (file !== undefined) r = await entitiesOfFile(file);
      else {
        const { withNewsStore } = await import('../../app/news/openNewsStore.js');
        r = await withNewsStore(o.db as string, (store) => entitiesOfStore(store, { ...(o.from !== undefined ? { from: o.from } : {}), ...(o.to !== undefined ? { to: o.to } : {}) }), { mustExist: true });
      }
      if (o.json) return printJson(r);
      for (const a of r.articles) {
        process.stdout.write(`\n${a.title} (${a.publishedAt}, ${a.origin})\n`);
        if (a.links.length === 0) process.stdout.write('  no securities named\n');
        else printTable(['security', 'name', 'start', 'end', 'alias', 'as written'], a.links.map((l) => [l.securityId, l.name, l.start, l.end, l.alias, l.text]));
        if (a.themes.length > 0) process.stdout.write(`themes: ${a.themes.map((t) => `${t.theme} (${t.triggers.join(', ')})`).join('; ')}\n`);
        if (a.institutions.length > 0) process.stdout.write(`banks/analysts: ${a.institutions.map((i) => i.name).join(', ')}\n`);
      }
      for (const x of r.rejected) process.stderr.write(`rejected: ${x.reason}\n`);
    });
}
