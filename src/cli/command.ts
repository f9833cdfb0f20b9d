import type { Command } from 'commander';

/** Every file in `src/cli/commands/` exports `register`, which adds its command to the program. */
export interface CliCommandModule {
  register(program: Command): void;
}
