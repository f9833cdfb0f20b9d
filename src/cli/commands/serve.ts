import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isSessionDate } from '../../core/units.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  data: string;
  members?: string;
  methodology?: string;
  news?: string;
  stories?: string;
  site?: string;
  replay?: string;
  engine: boolean;
  speed: string;
  json?: boolean;
}

/** `indexwire serve`: the JSON API and the dashboard (see docs/server.md). */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the JSON API (/api, /api/openapi.json) and the dashboard (/) on loopback')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--db <file|url>', 'serve the store instead of folders: a DuckDB file, or a postgresql:// URL shared with other servers (what other processes store is served without a reload)')
    .option('--data <dir>', 'folder of bar CSVs (without --db)', '../shared/data/hk')
    .option('--members <file>', 'membership file symbol,name,from,to (default <data>/hstech_members.csv or the only *_members.csv)')
    .option('--methodology <file>', 'index methodology YAML built by the engine (default methodologies/<code>-replica.yaml or <code>.yaml for the members file)')
    .option('--no-engine', 'do not build the methodology index')
    .option('--news <dir>', 'news folder (Markdown, RSS, HTML, text)')
    .option('--stories <dir>', 'folder of written stories (Markdown with front matter)')
    .option('--site <dir>', 'a site built by site build (stories and news posts), served at /site/; the news panel links each article to its post')
    .option('--replay <date>', 'replay that session through the live WebSocket (/live) with a seeded tick path')
    .option('--speed <x>', 'replay speed: market time per wall time', '60')
    .option('--json', 'print the URL as JSON')
    .action(async (o: ServeOptions) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: "${o.port}"`);
      const speed = Number(o.speed);
      if (!(speed > 0)) throw new Error(`--speed: expected a positive number, got "${o.speed}"`);
      if (o.replay !== undefined && !isSessionDate(o.replay)) throw new Error(`--replay: not a date (YYYY-MM-DD): "${o.replay}"`);
      const [{ createDesk }, { findMembersFile, findMethodology, membersCodeOf }, { readServerConfig }, { LiveHub }, { runReplay }, { liveRoutesPlugin }, { startServer }] =
        await Promise.all([
          import('../../app/desk/createDesk.js'), import('../../app/desk/findDeskFiles.js'), import('../../app/desk/readServerConfig.js'),
          import('../../app/live/LiveHub.js'), import('../../app/live/runReplay.js'), import('../../server/live/liveRoutes.js'),
          import('../../server/startServer.js'),
        ]);
      const config = readServerConfig(process.env);
      const membersPath = o.members !== undefined ? resolve(o.members) : o.db !== undefined ? null : findMembersFile(resolve(o.data));
      const methodology = !o.engine
        ? undefined
        : (o.methodology ?? (membersPath !== null ? (findMethodology(membersCodeOf(membersPath)) ?? undefined) : undefined));
      let closeStore: (() => Promise<void>) | null = null;
      let desk;
      if (o.db !== undefined) {
        const { openStoreDesk } = await import('../../app/desk/openStoreDesk.js');
        const opened = await openStoreDesk({
          db: o.db,
          engine: o.engine,
          ...(methodology !== undefined ? { methodologyPath: resolve(methodology) } : {}),
          ...(o.stories !== undefined ? { storiesDir: resolve(o.stories) } : {}),
          onReload: (line) => process.stderr.write(`${line}\n`),
          onError: (e) => process.stderr.write(`store: ${e.message.split('\n')[0]} (the previous state is served)\n`),
        });
        desk = opened.desk;
        closeStore = opened.close;
      } else {
        desk = createDesk({
          dataDir: resolve(o.data),
          ...(membersPath !== null ? { membersPath } : {}),
          ...(methodology !== undefined ? { methodologyPath: resolve(methodology) } : {}),
          ...(o.news !== undefined ? { newsDir: resolve(o.news) } : {}),
          ...(o.stories !== undefined ? { storiesDir: resolve(o.stories) } : {}),
        });
        await desk.indexes(); // read the data now: a bad folder fails here, not on the first request
      }
      const hub = new LiveHub();
      if (o.site !== undefined) {
        const { withSitePosts } = await import('../../app/desk/withSitePosts.js');
        desk = withSitePosts(desk, resolve(o.site));
      }
      const server = await startServer({
        desk,
        ...(o.site !== undefined ? { siteDir: resolve(o.site) } : {}),
        host: o.host,
        port,
        adminTokens: config.adminTokens,
        rateLimit: config.rateLimit,
        live: liveRoutesPlugin({ hub }),
        logger: { level: 'error' }, // 500s are logged with their stack (never sent to the client)
      });
      if (o.json) process.stdout.write(`${JSON.stringify({ url: server.url, admin: config.adminTokens.length > 0 })}\n`);
      else {
        process.stdout.write(`Indexwire desk on ${server.url}  (API: ${server.url}/api/openapi.json)\n`);
        if (config.adminTokens.length === 0) process.stdout.write('admin endpoints disabled: set INDEXWIRE_ADMIN_TOKENS to enable them\n');
      }
      if (o.replay !== undefined) {
        const date = o.replay;
        runReplay({
          dataDir: resolve(o.data),
          date,
          hub,
          speed,
          ...(membersPath !== null ? { membersPath, index: membersCodeOf(membersPath) } : {}),
        }).then(
          (r) => process.stderr.write(`replay ${r.index} ${r.date}: ${r.publications} publications, close ${r.close?.level ?? 'n/a'}\n`),
          (e: unknown) => process.stderr.write(`replay failed: ${(e as Error).message.split('\n')[0]}\n`),
        );
      }
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(() => closeStore?.()).then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
