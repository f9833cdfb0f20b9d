import { resolve } from 'node:path';
import type { Command } from 'commander';
import { printJson, printTable } from '../output.js';

interface StartOptions {
  out: string;
  port: string;
  serve: boolean;
  json?: boolean;
}

/** `indexwire start` (what `npm start` runs): the main job on the embedded, simulated demo market. */
export function register(program: Command): void {
  program
    .command('start')
    .description('the main job on the embedded demo: simulate a market, build its index, find milestones, write demo news, stories (en, zh-Hant) and the site, serve the dashboard')
    .option('--out <dir>', 'output folder (emptied first)', 'out/demo')
    .option('--port <n>', 'dashboard port (0 picks a free one)', '8080')
    .option('--no-serve', 'do everything but serve the dashboard, then exit')
    .option('--json', 'print a JSON summary instead of text')
    .action(async (o: StartOptions) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: "${o.port}"`);
      const say = (line: string): void => {
        if (!o.json) process.stdout.write(`- ${line}\n`);
      };
      if (!o.json) process.stdout.write('Indexwire demo: every price below is SIMULATED (seeded), not market data.\n');
      const { runDemo } = await import('../../app/demo/runDemo.js');
      const demo = await runDemo({ outDir: resolve(o.out), onStep: say });
      const top = [...demo.latest.constituents]
        .sort((a, b) => Math.abs(b.contributionPoints) - Math.abs(a.contributionPoints))
        .slice(0, 5);
      const change = demo.latest.previousLevel === null ? null : demo.latest.level - demo.latest.previousLevel;
      const headline = demo.story.headlines.en ?? '';
      let url: string | null = null;
      let close: (() => Promise<void>) | null = null;
      if (o.serve) {
        const [{ createDesk }, { readServerConfig }, { LiveHub }, { liveRoutesPlugin }, { startServer }] = await Promise.all([
          import('../../app/desk/createDesk.js'), import('../../app/desk/readServerConfig.js'), import('../../app/live/LiveHub.js'),
          import('../../server/live/liveRoutes.js'), import('../../server/startServer.js'),
        ]);
        const desk = createDesk({
          dataDir: demo.dataDir,
          methodologyPath: demo.methodologyPath,
          membersPath: demo.membersPath,
          membersCode: demo.indexCode,
          newsDir: demo.newsDir,
          storiesDir: demo.storiesDir,
          securityMasterPath: demo.securityMasterPath,
        });
        await desk.indexes();
        const { withSitePosts } = await import('../../app/desk/withSitePosts.js');
        const config = readServerConfig(process.env);
        const server = await startServer({
          desk: withSitePosts(desk, demo.siteDir), siteDir: demo.siteDir, host: '127.0.0.1', port,
          adminTokens: config.adminTokens, rateLimit: config.rateLimit,
          live: liveRoutesPlugin({ hub: new LiveHub() }),
        });
        url = server.url;
        close = () => server.close();
      }
      if (o.json) {
        printJson({
          index: demo.indexCode, date: demo.latest.date, level: demo.latest.level, changePoints: change,
          topContributors: top.map((c) => ({ symbol: c.symbol, contributionPoints: c.contributionPoints, change: c.change })),
          storyDate: demo.storyDate, headline, headlineZhHant: demo.story.headlines['zh-Hant'] ?? null,
          outputs: { data: demo.dataDir, news: demo.newsDir, posts: demo.postsDir, stories: demo.storiesDir, site: demo.siteIndex },
          url,
        });
      } else {
        process.stdout.write(`\n${demo.indexName} (${demo.indexCode}) on ${demo.latest.date}: ${demo.latest.level.toFixed(2)}`);
        process.stdout.write(change === null ? '\n' : ` (${change >= 0 ? '+' : ''}${change.toFixed(2)} points)\n`);
        process.stdout.write('Biggest contributors:\n');
        printTable(
          ['symbol', 'change %', 'points'],
          top.map((c) => [c.symbol, Number((c.change * 100).toFixed(2)), Number(c.contributionPoints.toFixed(2))]),
        );
        process.stdout.write(`\nStory for ${demo.storyDate}: ${headline}\n`);
        if (demo.story.headlines['zh-Hant']) process.stdout.write(`中文: ${demo.story.headlines['zh-Hant']}\n`);
        process.stdout.write(`Outputs: data ${demo.dataDir}\n         stories ${demo.storiesDir}\n         news posts ${demo.postsDir}\n         site ${demo.siteIndex}\n`);
        if (url) process.stdout.write(`\nDashboard: ${url}/   (site ${url}/site/, API ${url}/api/openapi.json; Ctrl-C to stop)\n`);
      }
      if (close) {
        const stop = close;
        await new Promise<void>((done) => {
          const onSignal = (): void => void stop().then(done, done);
          process.once('SIGINT', onSignal);
          process.once('SIGTERM', onSignal);
        });
      }
    });
}
