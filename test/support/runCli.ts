import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in process (no child process) and returns [exit code, stdout, stderr]. */
export async function runCli(args: readonly string[]): Promise<[number, string, string]> {
  let out = '', err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(['node', 'indexwire', ...args]);
    return [code, out, err];
  } finally {
    vi.restoreAllMocks();
  }
}
