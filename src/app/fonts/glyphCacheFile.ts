import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What the cache keeps of one font file: enough to lay out, outline and subset the characters met so far. */
export interface GlyphCacheData {
  /** Font units per em. */
  readonly upem: number;
  /** By code point: [has a real glyph (1) or not (0), nominal glyph id, advance in font units]. */
  readonly glyphs: ReadonlyMap<number, readonly [0 | 1, number, number]>;
  /** By glyph id: outline as SVG path data (font units, y up). */
  readonly outlines: ReadonlyMap<number, string>;
  /** The code points `base` was subset for (some may have no glyph: HarfBuzz skips them, as in the font). */
  readonly baseCodePoints: ReadonlySet<number>;
  /** HarfBuzz subset (subsetFont) of the font file for `baseCodePoints`, TrueType; null when none yet. */
  readonly base: Uint8Array | null;
}

/** The font file as the cache knows it: a cache made from another file, size or time is not read. */
export interface FontFileKey {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

const FORMAT = 1;

/** The font file's key (stat), or null when it cannot be statted. */
export function fontFileKey(path: string): FontFileKey | null {
  try {
    const st = statSync(path);
    return { path, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

/** The cache file of a font in a cache folder: `glyphs-<font file name>.json`. */
export function glyphCachePath(cacheDir: string, fontPath: string): string {
  return join(cacheDir, `glyphs-${basename(fontPath).replace(/[^\w.-]/g, '_')}.json`);
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * The cache of `key`'s font read from `file`, or null when it is absent, made for another font file (size, time,
 * path), of another format, or damaged in any way (the first line is the SHA-256 of the rest, and every entry is
 * checked): a bad cache is never used, and the next write replaces it.
 */
export function readGlyphCache(file: string, key: FontFileKey): GlyphCacheData | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.indexOf(10) !== 64) return null;
  const body = bytes.subarray(65);
  if (createHash('sha256').update(body).digest('hex') !== bytes.toString('latin1', 0, 64)) return null;
  try {
    const j = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const font = j.font as Record<string, unknown> | undefined;
    if (j.format !== FORMAT || !font || font.path !== key.path || font.size !== key.size || font.mtimeMs !== key.mtimeMs) return null;
    if (!isInt(j.upem) || j.upem === 0 || !Array.isArray(j.glyphs) || !Array.isArray(j.outlines) || !Array.isArray(j.baseCodePoints)) return null;
    const glyphs = new Map<number, readonly [0 | 1, number, number]>();
    for (const g of j.glyphs as unknown[]) {
      if (!Array.isArray(g) || g.length !== 4 || !isInt(g[0]) || (g[1] !== 0 && g[1] !== 1) || !isInt(g[2]) || !Number.isFinite(g[3])) return null;
      glyphs.set(g[0], [g[1], g[2], g[3] as number]);
    }
    const outlines = new Map<number, string>();
    for (const o of j.outlines as unknown[]) {
      if (!Array.isArray(o) || o.length !== 2 || !isInt(o[0]) || typeof o[1] !== 'string') return null;
      outlines.set(o[0], o[1]);
    }
    const baseCodePoints = new Set<number>();
    for (const cp of j.baseCodePoints as unknown[]) {
      if (!isInt(cp)) return null;
      baseCodePoints.add(cp);
    }
    if (typeof j.base !== 'string' && j.base !== null) return null;
    const base = typeof j.base === 'string' ? new Uint8Array(Buffer.from(j.base, 'base64')) : null;
    if (base === null && baseCodePoints.size > 0) return null;
    return { upem: j.upem, glyphs, outlines, baseCodePoints, base };
  } catch {
    return null;
  }
}

/**
 * Writes the cache of `key`'s font to `file`: to a temporary file beside it, then renamed over it, so a reader
 * (another process) sees the old cache or the new one, never half of one. Returns false (and leaves nothing)
 * when it cannot be written, e.g. when the build folder holding the cache folder is gone.
 */
export function writeGlyphCache(file: string, key: FontFileKey, data: GlyphCacheData): boolean {
  const dir = dirname(file);
  if (!existsSync(dirname(dir))) return false;
  const body = JSON.stringify({
    format: FORMAT,
    font: key,
    upem: data.upem,
    glyphs: [...data.glyphs].map(([cp, g]) => [cp, ...g]),
    outlines: [...data.outlines],
    baseCodePoints: [...data.baseCodePoints],
    base: data.base === null ? null : Buffer.from(data.base).toString('base64'),
  });
  const bytes = Buffer.from(body, 'utf8');
  const hash = createHash('sha256').update(bytes).digest('hex');
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${hash}\n`), bytes]));
    renameSync(tmp, file);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}
