import type { Command } from 'commander';
import { systemClock } from '../../core/clock.js';
import { asSessionDate } from '../../core/units.js';

/** Today's date in Hong Kong (UTC+8, no daylight saving), `YYYY-MM-DD`. */
const hkToday = (): string => new Date(systemClock.nowMs() + 8 * 3_600_000).toISOString().slice(0, 10);

/** `indexwire live`: index levels every 2 s from a WebSocket tick feed, served to WebSocket subscribers. */
export function register(program: Command): void {
  program
    .command('live')
    .description('compute an index live from a WebSocket tick feed and serve levels, contributions and facts on /live')
    .requiredOption('--feed <url>', 'WebSocket tick feed, e.g. ws://127.0.0.1:9000/ticks')
    .option('--data <dir>', 'folder of bar CSVs with hstech_members.csv', '../shared/data/hk')
    .option('--date <YYYY-MM-DD>', 'session (default: today in Hong Kong)')
    .option('--index <code>', 'index code', 'HSTECH')
    .option('--methodology <file>', 'methodology YAML: the engine builds the index to the previous session and the live state is its last review')
    .option('--state <file>', 'engine IndexSession JSON of the previous session')
    .option('--every-ms <ms>', 'publication cadence', '2000')
    .option('--alerts <file>', 'alert rules (JSON or YAML) delivered to webhooks as facts appear (a rule with factType story: every story version)')
    .option('--webhook <url>', 'with --stories: POST every story version to this URL (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--nats <url>', 'scale out: publish the feed to NATS JetStream partitions; levels (NDJSON) on stdout')
    .option('--prefix <name>', 'with --nats: stream name prefix shared with the workers', 'IW')
    .option('--db <file|url>', 'without --nats: read bars and members from this store instead of --data; with --nats: also store every level here (a postgresql:// URL: every API server on it answers the latest level)')
    .option('--partitions <n>', 'with --nats: tick partitions', '4')
    .option('--workers <n>', 'with --nats: workers in this process (0: run indexwire live-worker)', '0')
    .option('--stories <dir>', 'live story desk: a flash when a headline fact appears during trading, then updates (lunch, a further headline, the close)')
    .option('--news <path>', 'with --stories: news files or folder for the catalyst')
    .option('--site <dir>', 'with --stories: update this static site after each version (only the changed pages are rewritten)')
    .option('--host <host>', 'listen address', '127.0.0.1')
    .option('--port <port>', 'listen port (0 = any free port)', '8090')
    .action(async (o: Record<string, string | undefined> & { webhook?: string[] }) => {
      const everyMs = Number(o.everyMs);
      if (!Number.isInteger(everyMs) || everyMs <= 0) throw new Error(`option --every-ms: expected a positive integer, got "${o.everyMs}"`);
      if (o.nats) {
        const [{ runNatsLiveFeed }, { openLiveLevelStore }] = await Promise.all([import('../../app/natsScale/runNatsLiveFeed.js'), import('../../app/openStore.js')]);
        const levels = o.db ? await openLiveLevelStore(o.db, { applicationName: 'indexwire live' }) : null;
        const run = await runNatsLiveFeed({
          ...(levels ? { levels } : {}),
          dataDir: String(o.data), date: asSessionDate(o.date ?? hkToday()), index: String(o.index),
          ...(o.state ? { statePath: o.state } : {}),
          ...(o.methodology ? { methodologyPath: o.methodology } : {}),
          feedUrl: String(o.feed), natsUrl: o.nats, prefix: String(o.prefix), partitions: Number(o.partitions), workers: Number(o.workers),
          everyMs, clock: systemClock,
          ...(o.stories !== undefined
            ? {
                stories: {
                  storiesDir: o.stories,
                  ...(o.news !== undefined ? { newsPath: o.news } : {}),
                  ...(o.site !== undefined ? { siteDir: o.site } : {}),
                  onVersion: (m) => process.stderr.write(`story: version ${m.version} at ${m.published}: ${m.documents[0]?.title ?? ''}\n`),
                  onIssue: (line) => process.stderr.write(`story: ${line}\n`),
                },
              }
            : {}),
          onLevel: (l) => process.stdout.write(`${JSON.stringify(l)}\n`),
          onIssue: (m) => process.stderr.write(`feed: ${m}\n`),
        });
        process.once('SIGINT', () => void run.stop());
        try {
          await run.done;
          await run.stop();
        } finally {
          await levels?.close();
        }
        return;
      }
      const [{ LiveHub }, { startAlertsFromFlags }, { runLiveFeed }, { startLiveServer }] = await Promise.all([
        import('../../app/live/LiveHub.js'), import('../../app/alerts/startAlerts.js'),
        import('../../app/live/runLiveFeed.js'), import('../../server/live/liveRoutes.js'),
      ]);
      const hub = new LiveHub();
      const alerts = startAlertsFromFlags({ alerts: o.alerts === undefined ? undefined : o.alerts, webhook: o.webhook }, hub, systemClock,
        (line) => process.stderr.write(`${line}\n`));
      const server = await startLiveServer({ hub, host: String(o.host), port: Number(o.port) });
      process.stderr.write(`live: serving ${server.wsUrl}; latest level at ${server.url}/live/levels/${o.index}\n`);
      // --db without --nats: the session's data from the store (bars, members, the engine), not the folder
      const { openData } = await import('../../app/openData.js');
      const ports = o.db !== undefined ? await openData({ db: o.db }, { news: false }) : null;
      try {
        const run = await runLiveFeed({
          ...(ports ? { market: { store: ports.market, origin: ports.origin } } : {}),
          dataDir: String(o.data),
          date: asSessionDate(o.date ?? hkToday()),
          index: String(o.index),
          ...(o.state ? { statePath: o.state } : {}),
          ...(o.methodology ? { methodologyPath: o.methodology } : {}),
          feedUrl: String(o.feed),
          hub,
          clock: systemClock,
          everyMs,
          onIssue: (m) => process.stderr.write(`feed: ${m}\n`),
          onStatus: (s) => process.stderr.write(`feed: ${s}\n`),
          ...(o.stories !== undefined
            ? {
                stories: {
                  storiesDir: o.stories,
                  ...(o.news !== undefined ? { newsPath: o.news } : o.db !== undefined ? { db: o.db } : {}),
                  ...(o.site !== undefined ? { siteDir: o.site } : {}),
                  onVersion: (m) => process.stderr.write(`story: version ${m.version} at ${m.published}: ${m.documents[0]?.title ?? ''}\n`),
                  onIssue: (line) => process.stderr.write(`story: ${line}\n`),
                },
              }
            : {}),
        });
        process.once('SIGINT', () => run.stop());
        await run.done;
        await alerts?.settle();
      } finally {
        await server.close();
        await ports?.close();
      }
    });
}
