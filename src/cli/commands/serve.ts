import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createDesk } from '../../app/desk/createDesk.js';
import { readServerConfig } from '../../app/desk/readServerConfig.js';
import { startServer } from '../../server/startServer.js';

interface ServeOptions {
  port: string;
  host: string;
  data: string;
  members?: string;
  methodology?: string;
  news?: string;
  stories?: string;
  json?: boolean;
}

/** `indexwire serve`: the JSON API and the dashboard (see docs/server.md). */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the JSON API (/api, /api/openapi.json) and the dashboard (/) on loopback')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'folder of bar CSVs', 'data/hk')
    .option('--members <file>', 'membership file symbol,name,from,to (default <data>/hstech_members.csv)')
    .option('--methodology <file>', 'index methodology YAML')
    .option('--news <dir>', 'news folder (Markdown, RSS, HTML, text)')
    .option('--stories <dir>', 'folder of written stories (Markdown with front matter)')
    .option('--json', 'print the URL as JSON')
    .action(async (o: ServeOptions) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: "${o.port}"`);
      const config = readServerConfig(process.env);
      const desk = createDesk({
        dataDir: resolve(o.data),
        ...(o.members !== undefined ? { membersPath: resolve(o.members) } : {}),
        ...(o.methodology !== undefined ? { methodologyPath: resolve(o.methodology) } : {}),
        ...(o.news !== undefined ? { newsDir: resolve(o.news) } : {}),
        ...(o.stories !== undefined ? { storiesDir: resolve(o.stories) } : {}),
      });
      await desk.indexes(); // read the data now: a bad folder fails here, not on the first request
      const server = await startServer({ desk, host: o.host, port, adminTokens: config.adminTokens, rateLimit: config.rateLimit });
      if (o.json) process.stdout.write(`${JSON.stringify({ url: server.url, admin: config.adminTokens.length > 0 })}\n`);
      else {
        process.stdout.write(`Indexwire desk on ${server.url}  (API: ${server.url}/api/openapi.json)\n`);
        if (config.adminTokens.length === 0) process.stdout.write('admin endpoints disabled: set INDEXWIRE_ADMIN_TOKENS to enable them\n');
      }
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
