import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import type { CliCommandModule } from './command.js';
import { formatCliError } from './errors.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Builds the `indexwire` program from every module in `commands/` (one file per command). */
export async function buildProgram(): Promise<Command> {
  const program = new Command('indexwire')
    .description('Indexwire: rules-based indexes, market milestones, news and fact-checked market stories')
    .option('--debug', 'print stack traces on errors')
    .showHelpAfterError()
    .exitOverride();
  const dir = join(here, 'commands');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as Partial<CliCommandModule>;
    if (typeof mod.register === 'function') mod.register(program);
  }
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 failure). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = await buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit with code 0; usage errors were already printed by commander.
      return err.exitCode === 0 ? 0 : 1;
    }
    process.stderr.write(`${formatCliError(err, debug)}\n`);
    return 1;
  }
}
