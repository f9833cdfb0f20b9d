/**
 * Defaults the CLI names in its `--help`. This file imports nothing: the CLI loads it at every start, before
 * it knows which command runs (see src/cli/commandTable.ts).
 */

/** The default store file of the CLI, in the working directory. */
export const DEFAULT_DB_PATH = './indexwire.duckdb';
