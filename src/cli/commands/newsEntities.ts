import type { Command } from 'commander';
import { printJson, printTable } from '../output.js';
import { newsGroup } from './news.js';

/** `indexwire news entities FILE [--json]`: the securities an article names, with offsets and the alias matched. */
export function register(program: Command): void {
  newsGroup(program)
    .command('entities')
    .description('link an article (Markdown, RSS/Atom, HTML, text) to the security master: offsets, aliases, themes, banks')
    .argument('<file>', 'news file (or folder)')
    .option('--json', 'machine-readable output (offsets are UTF-16 units into title + "\\n\\n" + body)')
    .action(async (file: string, o: { json?: boolean }) => {
      const { entitiesOfFile } = await import('../../app/news/entities.js');
      const r = await entitiesOfFile(file);
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
