import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: the whole run gets a fresh TMPDIR of its own (inherited by every worker and child process),
 * and the teardown fails the run, naming what was left, when a test did not clean up after itself. The sandbox
 * is removed either way, so even a failing run leaves nothing in the caller's TMPDIR.
 *
 * Caches of tools the tests run are not a test's leftovers and are removed without complaint: `tsx-<uid>`
 * (tsx's transform cache, written by child processes that run the TypeScript CLI), and vitest's own folder of
 * transformed modules (`project.tmpDir`, made in the caller's TMPDIR before this setup runs; vitest 4.1 does not
 * always remove it).
 */
const TOOL_CACHES = [/^tsx-\w+$/];

export default function setup(project: { readonly tmpDir?: string }): () => void {
  const outer = process.env.TMPDIR;
  const sandbox = mkdtempSync(join(tmpdir(), 'indexwire-test-'));
  // searchable (not listable) by others: the throwaway PostgreSQL runs as an unprivileged user when we are root
  // (test/support/throwawayPostgres.ts) and must reach its folder in here
  chmodSync(sandbox, 0o711);
  process.env.TMPDIR = sandbox;
  return () => {
    const left = readdirSync(sandbox).filter((n) => !TOOL_CACHES.some((re) => re.test(n)));
    rmSync(sandbox, { recursive: true, force: true });
    if (project.tmpDir !== undefined) rmSync(project.tmpDir, { recursive: true, force: true });
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    if (left.length > 0) {
      // vitest reports an error thrown here but still exits 0: set the exit code as well.
      process.exitCode = 1;
      throw new Error(`tests left ${left.length} item(s) in TMPDIR (clean up in afterAll/finally; test/support/tempDirs.ts): ${left.sort().join(', ')}`);
    }
  };
}
