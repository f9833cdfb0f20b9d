import type { Command } from 'commander';
import { printJson } from '../output.js';

/** `indexwire site build --stories DIR [--news DIR...] --out DIR [--title T] [--base-url URL] [--json]` */
export function register(program: Command): void {
  const site = program.command('site').description('static site of the stories and the republished news');
  site
    .command('build')
    .description('build a static site (front page, story and news pages, tag and category pages, citations, search, RSS, charts) from a stories folder and news posts')
    .requiredOption('--stories <dir>', 'folder of story Markdown files (and their ledgers and charts)')
    .option('--news <dir...>', 'folders of republished news posts (news publish --out), shown beside the stories')
    .requiredOption('--out <dir>', 'output folder (replaced when the build succeeds)')
    .option('--title <title>', 'site title', 'Indexwire')
    .option('--base-url <url>', 'absolute base URL for RSS links', '/')
    .option('--json', 'machine output')
    .action(async (o: { stories: string; news?: string[]; out: string; title: string; baseUrl: string; json?: boolean }) => {
      const [{ buildSite }, { createProgress }] = await Promise.all([import('../../app/site/buildSite.js'), import('../progress.js')]);
      const progress = createProgress(o.json === true);
      let started = false;
      const r = buildSite({
        storiesDir: o.stories,
        newsDirs: o.news ?? [],
        outDir: o.out,
        title: o.title,
        baseUrl: o.baseUrl,
        onProgress: (done, total) => {
          if (!started) progress.start(total, 'site');
          started = true;
          progress.update(done);
        },
      });
      progress.stop();
      if (o.json) printJson({ ...r, out: o.out });
      else {
        process.stdout.write(`built ${o.out}: ${r.stories} stories, ${r.news} news posts, ${r.pages} pages, ${r.tags} tags, ${r.categories} categories, ${r.assets} chart files\n`);
        for (const i of r.issues) process.stdout.write(`skipped: ${i}\n`);
      }
    });
}
