import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { REPO_ROOT } from '../support/sharedData.js';

/**
 * Where a browser test writes a screenshot for reviewers: `docs/screenshots/` when run with
 * `INDEXWIRE_SCREENSHOTS=docs` (to refresh the committed images), otherwise a temporary folder removed after
 * the test file, so an ordinary `npm test` changes nothing in the checkout and leaves nothing in TMPDIR.
 */
let tmp: string | null = null;
export function screenshotPath(name: string): string {
  if (process.env['INDEXWIRE_SCREENSHOTS'] === 'docs') {
    const dir = join(REPO_ROOT, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    return join(dir, name);
  }
  if (!tmp) {
    tmp = mkdtempSync(join(tmpdir(), 'indexwire-shots-'));
    const dir = tmp;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
  }
  return join(tmp, name);
}
