import type { GlyphFont, PlacedGlyph, SubsetSource } from './GlyphFont.js';
import { needsShaping, ShapedFont } from './ShapedFont.js';
import { fontFileKey, glyphCachePath, readGlyphCache, writeGlyphCache, type FontFileKey, type GlyphCacheData } from './glyphCacheFile.js';
import { subsetFont } from './subsetFont.js';
import { cachedWoffSubset } from './woffSubsetCache.js';

/** Fonts with something new to keep, written when the process exits (once each). */
const unsaved = new Set<CachedGlyphFont>();
let exitHookSet = false;

/**
 * A shipped font file seen through a per-build cache (`dist/<build>/cache/glyphs-<file>.json`, see
 * glyphCacheFile): the coverage, nominal glyph, advance and outline of every character met before, and a
 * HarfBuzz subset of the font for those characters to subset charts' fonts from. A run whose characters are all
 * in the cache never reads the 7 MB font file, never loads fontkit, and subsets a file of a few hundred KB
 * instead of the whole font. A character the cache lacks opens the font file (ShapedFont) and gives the same
 * answers as it; what was learnt is written back when the process exits, merged with what another process may
 * have written meanwhile.
 *
 * The answers are those of ShapedFont: the cache only keeps what ShapedFont computed, and HarfBuzz's subset of
 * the cached subset for a text is byte for byte its subset of the font file for that text (the cached subset
 * was made with the same options; test/app/fonts/CachedGlyphFont.test.ts checks it on the charts' characters).
 * @example CachedGlyphFont.open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400, 'dist/<id>/cache').advance('聯想集團') // 4000
 */
export class CachedGlyphFont implements GlyphFont {
  private fullFont: ShapedFont | null = null;
  private readonly glyphs: Map<number, readonly [0 | 1, number, number]>;
  private readonly outlines: Map<number, string>;
  private readonly baseCodePoints: ReadonlySet<number>;
  private readonly base: Uint8Array | null;
  /** Code points met in this process that the cached subset lacks. */
  private readonly wanted = new Set<number>();
  readonly upem: number;

  private constructor(
    readonly path: string,
    readonly family: string,
    readonly weight: number,
    private readonly cacheDir: string,
    private readonly cacheFile: string,
    private readonly key: FontFileKey | null,
    cached: GlyphCacheData | null,
  ) {
    this.glyphs = new Map(cached?.glyphs);
    this.outlines = new Map(cached?.outlines);
    this.baseCodePoints = cached?.baseCodePoints ?? new Set();
    this.base = cached?.base ?? null;
    this.upem = cached?.upem ?? this.full().upem;
  }

  /**
   * The font at `path` with its cache in `cacheDir` (read now; a missing or damaged cache counts as empty).
   * @throws SourceError when the cache cannot answer and the font file cannot be read.
   */
  static open(path: string, family: string, weight: number, cacheDir: string): CachedGlyphFont {
    const key = fontFileKey(path);
    const file = glyphCachePath(cacheDir, path);
    return new CachedGlyphFont(path, family, weight, cacheDir, file, key, key ? readGlyphCache(file, key) : null);
  }

  /** True once a question the cache could not answer opened the font file. */
  get fontFileOpened(): boolean {
    return this.fullFont !== null;
  }

  /** The font file, opened on the first question the cache cannot answer. */
  private full(): ShapedFont {
    this.fullFont ??= ShapedFont.open(this.path, this.family, this.weight);
    return this.fullFont;
  }

  private learnt(): void {
    if (this.key === null || unsaved.has(this)) return;
    unsaved.add(this);
    if (!exitHookSet) {
      exitHookSet = true;
      process.once('exit', saveGlyphCaches);
    }
  }

  private glyph(codePoint: number): readonly [0 | 1, number, number] {
    let g = this.glyphs.get(codePoint);
    if (g === undefined) {
      const f = this.full();
      const n = f.nominalGlyph(codePoint);
      g = [f.has(codePoint) ? 1 : 0, n.id, n.advance];
      this.glyphs.set(codePoint, g);
      this.want(codePoint);
      this.learnt();
    }
    return g;
  }

  private want(codePoint: number): void {
    if (!this.baseCodePoints.has(codePoint)) this.wanted.add(codePoint);
  }

  has(codePoint: number): boolean {
    return this.glyph(codePoint)[0] === 1;
  }

  shape(text: string): { readonly glyphs: readonly PlacedGlyph[]; readonly advance: number } {
    if (needsShaping(text)) return this.full().shape(text);
    const glyphs: PlacedGlyph[] = [];
    let pen = 0;
    for (const ch of text) {
      const g = this.glyph(ch.codePointAt(0) as number);
      glyphs.push({ glyphId: g[1], x: pen, y: 0, advance: g[2] });
      pen += g[2];
    }
    return { glyphs, advance: pen };
  }

  advance(text: string): number {
    return this.shape(text).advance;
  }

  outline(glyphId: number): string {
    let o = this.outlines.get(glyphId);
    if (o === undefined) {
      o = this.full().outline(glyphId);
      this.outlines.set(glyphId, o);
      this.learnt();
    }
    return o;
  }

  /** The cached subset when it covers every character of `text`; otherwise the font file (and the next cache will). */
  subsetSource(text: string): SubsetSource {
    let covered = this.base !== null;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (!this.baseCodePoints.has(cp)) {
        covered = false;
        this.wanted.add(cp);
      }
    }
    if (covered && this.base !== null) return { key: `${this.path}#cached-subset`, bytes: this.base };
    this.learnt();
    return this.full().subsetSource();
  }

  /** The WOFF subset for `text` kept in the cache folder (woffSubsetCache), or `make()` and kept. */
  woffSubset(text: string, make: () => Uint8Array): Uint8Array {
    return this.key === null ? make() : cachedWoffSubset(this.cacheDir, this.key, text, make);
  }

  /**
   * Writes what this process learnt into the cache file, merged with the cache on disk (another process may have
   * written since this one read it), with a new subset of the font file for every code point known to either.
   * Returns false when nothing was new or the cache could not be written (a failed write is otherwise ignored).
   */
  save(): boolean {
    unsaved.delete(this);
    if (this.key === null || (this.wanted.size === 0 && this.fullFont === null)) return false;
    const onDisk = readGlyphCache(this.cacheFile, this.key);
    const glyphs = new Map(onDisk?.glyphs);
    for (const [cp, g] of this.glyphs) glyphs.set(cp, g);
    const outlines = new Map(onDisk?.outlines);
    for (const [id, o] of this.outlines) outlines.set(id, o);
    const codePoints = new Set([...(onDisk?.baseCodePoints ?? []), ...this.baseCodePoints, ...this.wanted, ...glyphs.keys()]);
    const sorted = [...codePoints].sort((a, b) => a - b);
    const full = this.full();
    const base = subsetFont(full, sorted.map((cp) => String.fromCodePoint(cp)).join(''));
    this.wanted.clear();
    return writeGlyphCache(this.cacheFile, this.key, { upem: full.upem, glyphs, outlines, baseCodePoints: new Set(sorted), base });
  }
}

/** Writes the cache of every font that learnt something (at exit; callable earlier, e.g. by tests). */
export function saveGlyphCaches(): void {
  for (const f of [...unsaved]) {
    try {
      f.save();
    } catch {
      // a cache that cannot be made is not an error of the run
    }
  }
}
