import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Temporary directories for one test file: call at the top level (or in a `describe`), then `tmp(prefix)` in tests.
 * Every directory made is removed in `afterAll`, also when a test failed, so a run leaves nothing in TMPDIR
 * (test/support/tmpdirGuard.ts fails the run otherwise).
 * @example const tmp = tempDirs(); it('...', () => { const dir = tmp('iw-ref-'); ... });
 */
export function tempDirs(): (prefix: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return (prefix) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    made.push(d);
    return d;
  };
}

/** Runs `fn` in a fresh temporary directory and removes it afterwards, also when `fn` throws. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
