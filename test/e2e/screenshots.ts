import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/sharedData.js';
import { tempDirs } from '../support/tempDirs.js';

/**
 * Where a browser test file writes screenshots for reviewers: `docs/screenshots/` when run with
 * `INDEXWIRE_SCREENSHOTS=docs` (to refresh the committed images), otherwise a temporary folder removed after
 * the file, so an ordinary `npm test` changes nothing in the checkout and leaves nothing in TMPDIR.
 * Call at the top level of a test file (it registers the cleanup), then `shot(name)` in tests.
 */
export function screenshotDir(): (name: string) => string {
  const tmp = tempDirs();
  let dir: string | null = null;
  return (name) => {
    if (process.env['INDEXWIRE_SCREENSHOTS'] === 'docs') {
      const docs = join(REPO_ROOT, 'docs', 'screenshots');
      mkdirSync(docs, { recursive: true });
      return join(docs, name);
    }
    dir ??= tmp('indexwire-shots-');
    return join(dir, name);
  };
}
