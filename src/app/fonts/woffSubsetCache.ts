import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FontFileKey } from './glyphCacheFile.js';

/** Subsets kept per build; past this, the oldest quarter is removed (a desk run makes about 70 a day). */
export const WOFF_SUBSETS_KEPT = 512;

const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest();

/**
 * The WOFF subset of a font for `text`, kept in `<cacheDir>/subsets/` by the font file (path, size, time) and the
 * text: a chart drawn again (the same story re-run, the same labels on another chart) embeds the same bytes
 * without running HarfBuzz or zlib. Each file holds the SHA-256 of its bytes first: a damaged file is ignored and
 * made again; files are written to a temporary name and renamed; past WOFF_SUBSETS_KEPT files the oldest go.
 * @param make computes the subset when it is not kept (sfntToWoff(subsetFont(font, text)))
 */
export function cachedWoffSubset(cacheDir: string, key: FontFileKey, text: string, make: () => Uint8Array): Uint8Array {
  const dir = join(cacheDir, 'subsets');
  const file = join(dir, `${sha256(`${key.path}\n${key.size}\n${key.mtimeMs}\n${text}`).toString('hex').slice(0, 40)}.woff`);
  try {
    const kept = readFileSync(file);
    if (kept.length > 32 && sha256(kept.subarray(32)).equals(kept.subarray(0, 32))) return new Uint8Array(kept.subarray(32));
  } catch {
    // not kept yet
  }
  const woff = make();
  if (!existsSync(dirname(cacheDir))) return woff; // the build is gone: keep nothing
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, Buffer.concat([sha256(woff), woff]));
    renameSync(tmp, file);
    trim(dir);
  } catch {
    rmSync(tmp, { force: true });
  }
  return woff;
}

/** Removes the oldest quarter of the kept subsets when there are more than WOFF_SUBSETS_KEPT. */
function trim(dir: string): void {
  const names = readdirSync(dir).filter((n) => n.endsWith('.woff'));
  if (names.length <= WOFF_SUBSETS_KEPT) return;
  const aged = names.map((n) => {
    try {
      return { n, t: statSync(join(dir, n)).mtimeMs };
    } catch {
      return { n, t: 0 };
    }
  });
  aged.sort((a, b) => a.t - b.t);
  for (const { n } of aged.slice(0, Math.ceil(WOFF_SUBSETS_KEPT / 4))) rmSync(join(dir, n), { force: true });
}
