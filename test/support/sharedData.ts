import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared/data` beside the checkout (override with INDEXWIRE_SHARED=/path/to/shared). */
export const SHARED_ROOT = resolve(process.env.INDEXWIRE_SHARED ?? resolve(REPO_ROOT, '../shared'));
export const SHARED_DATA = resolve(SHARED_ROOT, 'data');
export const HK_DATA = resolve(SHARED_DATA, 'hk');
export const NEWS_DATA = resolve(SHARED_DATA, 'news/rthk_finance_en');
export const SEED_DIR = resolve(SHARED_ROOT, 'seed');

export const hasSharedData = existsSync(resolve(HK_DATA, 'HSTECH.csv'));

/**
 * `describe` for tests on the real data in ../shared/data. When the data is absent the suite is
 * reported as skipped with the reason in its name, and a warning is printed: never a silent pass.
 */
export function describeWithSharedData(name: string, fn: () => void): void {
  if (hasSharedData) {
    describe(name, fn);
  } else {
    const reason = `SKIPPED: needs real data at ${SHARED_DATA} (not found)`;
    process.stderr.write(`[indexwire tests] ${name}: ${reason}\n`);
    describe.skip(`${name} [${reason}]`, fn);
  }
}
