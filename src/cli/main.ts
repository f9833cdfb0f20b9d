import { Command, CommanderError } from 'commander';
import type { CommandEntry } from './command.js';
import { COMMANDS } from './commandTable.js';
import { formatCliError } from './errors.js';

/**
 * The entries to load for `argv`: those named by the first word that is not an option (`indexwire --debug
 * story ...` loads `story` only); every entry when no entry has that name (`--help`, `help story`, a typo that
 * commander then answers with "did you mean").
 */
export function entriesFor(argv: readonly string[], table: readonly CommandEntry[] = COMMANDS): readonly CommandEntry[] {
  const word = argv.slice(2).find((a) => !a.startsWith('-'));
  const named = table.filter((e) => e.name === word);
  return named.length > 0 ? named : table;
}

/** Builds the `indexwire` program with the commands of `entries` (all of the command table by default). */
export async function buildProgram(entries: readonly CommandEntry[] = COMMANDS): Promise<Command> {
  const program = new Command('indexwire')
    .description('Indexwire: rules-based indexes, market milestones, news and fact-checked market stories')
    .option('--debug', 'print stack traces on errors')
    .showHelpAfterError()
    .exitOverride();
  const modules = await Promise.all(entries.map((e) => e.load()));
  for (const mod of modules) mod.register(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 failure). */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const program = await buildProgram(entriesFor(argv));
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
