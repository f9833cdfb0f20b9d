import type { Command } from 'commander';
import { asSessionDate } from '../../core/units.js';

/** `indexwire live-worker`: one calculator worker process of the NATS scale-out. */
export function register(program: Command): void {
  program
    .command('live-worker')
    .description('a calculator worker of the NATS JetStream scale-out: consumes its tick partitions, publishes its shares')
    .requiredOption('--nats <url>', 'NATS server, e.g. nats://127.0.0.1:4222')
    .requiredOption('--prefix <name>', 'stream name prefix shared with the gateway (replay --nats --prefix)')
    .requiredOption('--date <YYYY-MM-DD>', 'session')
    .requiredOption('--own <k,k>', 'partitions this worker owns, e.g. 0,1')
    .option('--partitions <n>', 'tick partitions', '4')
    .option('--data <dir>', 'folder of bar CSVs with hstech_members.csv', '../shared/data/hk')
    .option('--index <code>', 'index code', 'HSTECH')
    .option('--methodology <file>', 'methodology YAML (the engine state), as for the gateway')
    .option('--state <file>', 'engine IndexSession JSON of the previous session, as for the gateway')
    .action(async (o: Record<string, string | undefined>) => {
      const { runNatsWorker } = await import('../../app/natsScale/runNatsWorker.js');
      const owned = String(o.own).split(',').map((x) => Number(x.trim()));
      const worker = await runNatsWorker({
        natsUrl: String(o.nats), prefix: String(o.prefix), partitions: Number(o.partitions), owned,
        dataDir: String(o.data), date: asSessionDate(String(o.date)), index: String(o.index),
        ...(o.state ? { statePath: o.state } : {}),
        ...(o.methodology ? { methodologyPath: o.methodology } : {}),
      });
      process.stderr.write(`live-worker: partitions ${owned.join(',')} of ${o.partitions} on ${o.nats} (${o.prefix}); Ctrl-C to stop\n`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await worker.stop();
    });
}
