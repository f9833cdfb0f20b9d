import type { Command } from 'commander';

/** Every file in `src/cli/commands/` exports `register`, which adds its command(s) to the program. */
export interface CliCommandModule {
  register(program: Command): void;
}

/** One line of the command table (commandTable.ts): the word a user types and the module that defines it. */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<CliCommandModule>;
}
