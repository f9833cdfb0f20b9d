import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '../../core/clock.js';
import type { ReplaySummary } from '../../app/live/runReplay.js';
import type { DataPorts } from '../../app/openData.js';
import { asSessionDate } from '../../core/units.js';
import { printJson, printTable } from '../output.js';

const num = (name: string) => (v: string): number => {
  const x = Number(v);
  if (!Number.isFinite(x) || x <= 0) throw new Error(`option --${name}: expected a positive number, got "${v}"`);
  return x;
};

/** `indexwire replay`: a recorded or generated session through the live calculator, at any speed. */
export function register(program: Command): void {
  program
    .command('replay')
    .description('replay a tick log (or a seeded intraday path generated from daily bars) through the live calculator')
    .option('--data <dir>', 'folder of bar CSVs with hstech_members.csv', '../shared/data/hk')
    .requiredOption('--date <YYYY-MM-DD>', 'session to replay')
    .option('--index <code>', 'index code', 'HSTECH')
    .option('--members <file>', 'membership file (default <data>/hstech_members.csv)')
    .option('--methodology <file>', 'methodology YAML: the engine builds the index to the previous session and the live state is its last review')
    .option('--state <file>', "engine IndexSession JSON of the previous session (default: equal-weight stand-in)")
    .option('--ticks <file>', 'NDJSON or CSV tick log (default: generate from the day\'s bars)')
    .option('--seed <n>', 'seed of the generated path', num('seed'), 1)
    .option('--ticks-per-member <n>', 'trades per member in the generated path', num('ticks-per-member'), 400)
    .option('--every-ms <ms>', 'publication cadence', num('every-ms'), 2000)
    .option('--speed <x>', 'market time per wall time (60 = a minute a second); default as fast as possible', num('speed'))
    .option('--out <file>', 'write every publication as one JSON line')
    .option('--write-ticks <file>', 'write the replayed ticks as NDJSON')
    .option('--serve <port>', 'serve the publications over WebSocket on 127.0.0.1:<port> (/live) while replaying (0: a free port; the URL is printed on stderr); with --stories also the dashboard and API', (v: string) => {
      const x = Number(v);
      if (!Number.isInteger(x) || x < 0 || x > 65535) throw new Error(`option --serve: expected a port number, got "${v}"`);
      return x;
    })
    .option('--alerts <file>', 'alert rules (JSON or YAML) delivered to webhooks as facts appear (a rule with factType story: every story version)')
    .option('--webhook <url>', 'with --stories: POST every story version to this URL (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--nats <url>', 'run the scale-out pipeline instead: gateway, workers and aggregator on this NATS JetStream server')
    .option('--partitions <n>', 'with --nats: tick partitions', num('partitions'), 4)
    .option('--workers <n>', 'with --nats: calculator workers in this process (0: run them with indexwire live-worker)', (v: string) => {
      const x = Number(v);
      if (!Number.isInteger(x) || x < 0) throw new Error(`option --workers: expected a whole number, got "${v}"`);
      return x;
    }, 2)
    .option('--prefix <name>', 'with --nats: stream name prefix (default: a new one per run)')
    .option('--db <file|url>', 'without --nats: read bars and members from this store instead of --data (and, with --stories, its news for the catalyst); with --nats: also store every level here (a postgresql:// URL: every API server on it answers the latest level)')
    .option('--stories <dir>', 'live story desk: write a flash when a headline fact appears during trading, then updates (lunch, a further headline, the close), each version in English and Traditional Chinese with its ledger')
    .option('--news <path>', 'with --stories: news files or folder for the catalyst')
    .option('--site <dir>', 'with --stories: update this static site after each version (only the changed pages are rewritten)')
    .option('--json', 'print the summary as JSON')
    .action(async (o: Record<string, string | number | boolean | undefined> & { webhook?: string[] }) => {
      if (o.nats !== undefined) return replayOnNats(o);
      const [{ LiveHub }, { startAlertsFromFlags }, { runReplay }, { startLiveServer }] = await Promise.all([
        import('../../app/live/LiveHub.js'), import('../../app/alerts/startAlerts.js'),
        import('../../app/live/runReplay.js'), import('../../server/live/liveRoutes.js'),
      ]);
      const hub = new LiveHub();
      const alerts = startAlertsFromFlags({ alerts: o.alerts === undefined ? undefined : String(o.alerts), webhook: o.webhook }, hub, systemClock,
        (line) => process.stderr.write(`${line}\n`));
      // With --stories the whole desk is served (dashboard, API over --data and the stories folder, /live);
      // without, /live alone.
      const server = o.serve === undefined ? null : o.stories !== undefined ? await startStoryServer(o, hub) : await startLiveServer({ hub, port: o.serve as number });
      if (server) process.stderr.write(`live: serving ${server.url} (WebSocket /live: {"op":"subscribe","indexes":["${String(o.index)}"]})\n`);
      try {
        const replay = (market?: { store: DataPorts['market']; origin: string }) => runReplay({
          ...replayInput(o),
          ...(market ? { market } : {}),
          ...(o.speed !== undefined ? { speed: o.speed as number } : {}),
          ...(o.out ? { outPath: String(o.out) } : {}),
          ...(o.writeTicks ? { writeTicksPath: String(o.writeTicks) } : {}),
          ...(o.stories !== undefined ? { stories: storiesInput(o) } : {}),
          hub,
        });
        // --db without --nats: the session's data from the store (bars, members, the engine), not the folder
        const { withData } = await import('../../app/openData.js');
        const s = o.db !== undefined ? await withData({ db: String(o.db) }, (d) => replay({ store: d.market, origin: d.origin }), { news: false }) : await replay();
        await alerts?.settle();
        if (o.json) printJson(s);
        else printSummary(s);
      } finally {
        await server?.close();
      }
    });
}

/** The options `replay` shares between the in-process and the NATS runs. */
function replayInput(o: Record<string, string | number | boolean | undefined>) {
  return {
    dataDir: String(o.data),
    date: asSessionDate(String(o.date)),
    index: String(o.index),
    ...(o.members ? { membersPath: String(o.members) } : {}),
    ...(o.state ? { statePath: String(o.state) } : {}),
    ...(o.methodology ? { methodologyPath: String(o.methodology) } : {}),
    ...(o.ticks ? { ticksPath: String(o.ticks) } : {}),
    seed: o.seed as number,
    ticksPerMember: o.ticksPerMember as number,
    everyMs: o.everyMs as number,
  };
}

/** The live story desk's options (`--stories`, `--news`, `--db`, `--site`). */
function storiesInput(o: Record<string, string | number | boolean | undefined>) {
  return {
    storiesDir: String(o.stories),
    ...(o.news !== undefined ? { newsPath: String(o.news) } : o.db !== undefined ? { db: String(o.db) } : {}),
    ...(o.site !== undefined ? { siteDir: String(o.site) } : {}),
    onVersion: (m: { version: number; published: string; documents: readonly { title: string }[] }) => process.stderr.write(`story: version ${m.version} at ${m.published}: ${m.documents[0]?.title ?? ''}\n`),
    onIssue: (line: string) => process.stderr.write(`story: ${line}\n`),
  };
}

/** `replay --serve PORT --stories DIR`: the dashboard and API over --data and the stories folder, with /live fed by the replay. */
async function startStoryServer(o: Record<string, string | number | boolean | undefined>, hub: import('../../app/live/LiveHub.js').LiveHub) {
  const [{ createDesk }, { liveRoutesPlugin }, { startServer }] = await Promise.all([
    import('../../app/desk/createDesk.js'), import('../../server/live/liveRoutes.js'), import('../../server/startServer.js'),
  ]);
  mkdirSync(String(o.stories), { recursive: true });
  const desk = createDesk({
    dataDir: resolve(String(o.data)),
    ...(o.members ? { membersPath: resolve(String(o.members)) } : {}),
    ...(o.methodology ? { methodologyPath: resolve(String(o.methodology)) } : {}),
    ...(o.news !== undefined ? { newsDir: resolve(String(o.news)) } : {}),
    storiesDir: resolve(String(o.stories)),
  });
  return startServer({ desk, host: '127.0.0.1', port: o.serve as number, rateLimit: false, live: liveRoutesPlugin({ hub }), logger: { level: 'error' } });
}

function printSummary(s: ReplaySummary): void {
  const c = s.close;
  printTable(['field', 'value'], [
    ['index', s.index],
    ['session', s.date],
    ['state', s.stateSource],
    ['ticks', s.ticksSource],
    ['events', s.events],
    ['publications', s.publications],
    ['close level', c ? c.level.toFixed(2) : null],
    ['change', c ? `${c.changePct >= 0 ? '+' : ''}${c.changePct.toFixed(2)}%` : null],
    ['high / low', c ? `${c.high.toFixed(2)} / ${c.low.toFixed(2)}` : null],
    ['EOD level (same prices)', s.eodLevel !== null ? s.eodLevel.toFixed(2) : null],
    ['engine EOD level', s.engineEodLevel !== null ? s.engineEodLevel.toFixed(2) : null],
    ['|close - EOD| / EOD', s.closeVsEodRelDiff !== null ? s.closeVsEodRelDiff.toExponential(1) : null],
    ['ticks applied', c ? c.ticks.applied : null],
    ['ticks rejected', c ? Object.entries(c.ticks).filter(([k, v]) => k !== 'applied' && v > 0).map(([k, v]) => `${k} ${v}`).join(', ') || '0' : null],
    ['live facts', s.facts.length],
  ]);
  for (const f of s.facts) process.stdout.write(`  ${f.time}  ${f.key}${f.changePct !== null ? `  ${f.changePct.toFixed(2)}%` : ''}\n`);
  for (const v of s.stories ?? []) process.stdout.write(`story version ${v.version} at ${v.published} (${v.reason}): ${v.title}\n`);
  for (const n of [...s.notes, ...s.issues]) process.stderr.write(`note: ${n}\n`);
}

async function replayOnNats(o: Record<string, string | number | boolean | undefined> & { webhook?: string[] }): Promise<void> {
  const [{ runNatsReplay }, { openLiveLevelStore }] = await Promise.all([import('../../app/natsScale/runNatsReplay.js'), import('../../app/openStore.js')]);
  const levels = o.db ? await openLiveLevelStore(String(o.db), { applicationName: 'indexwire replay' }) : null;
  let s: Awaited<ReturnType<typeof runNatsReplay>>;
  try {
    s = await runNatsReplay({
      natsUrl: String(o.nats),
      ...replayInput(o),
      partitions: o.partitions as number,
      workers: o.workers as number,
      ...(o.prefix ? { prefix: String(o.prefix) } : {}),
      ...(levels ? { levels } : {}),
      ...(o.stories !== undefined ? { stories: storiesInput(o) } : {}),
      clock: systemClock,
    });
  } finally {
    await levels?.close();
  }
  if (o.json) return printJson(s);
  printTable(['field', 'value'], [
    ['streams', `${s.prefix}_*`],
    ['partitions / workers', `${s.partitions} / ${s.workers}`],
    ['messages published', s.ticksPublished],
    ['levels', `${s.levels} of ${s.expectedLevels}`],
    ['close level', s.close ? s.close.level.toFixed(2) : null],
    ['EOD level (same prices)', s.eodLevel !== null ? s.eodLevel.toFixed(2) : null],
    ['ticks applied / rejected', s.close ? `${s.close.applied} / ${s.close.rejected}` : null],
    ['seconds', s.seconds.toFixed(1)],
  ]);
  for (const v of s.stories ?? []) process.stdout.write(`story version ${v.version} at ${v.published} (${v.reason}): ${v.title} (also on ${s.prefix.toLowerCase()}.stories.${String(o.index)})\n`);
}
