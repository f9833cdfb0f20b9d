/** Types of scripts/provision-test-tools.mjs for the tests that import it. */
export interface TestTool {
  readonly bin: string;
  readonly pkg: string;
  readonly usedBy: string;
}
export interface CommandResult {
  readonly status: number | null;
  readonly stdout?: string;
  readonly stderr?: string;
}
export interface ProvisionResult {
  readonly code: 0 | 1;
  readonly line: string | null;
  readonly installed: string[];
}
export const TEST_TOOLS: readonly TestTool[];
export function findOnPath(bin: string, pathEnv?: string): string | null;
export function findPostgresBin(bin: string, root?: string): string | null;
export function findTool(bin: string, pathEnv?: string): string | null;
export function provision(deps: {
  tools?: readonly TestTool[];
  which: (bin: string) => string | null;
  isRoot: boolean;
  run: (cmd: string, args: readonly string[]) => CommandResult;
  dryRun?: boolean;
}): ProvisionResult;
