/** One glyph placed by the shaper, in font units from the start of the text. */
export interface PlacedGlyph {
  readonly glyphId: number;
  /** Pen position plus the glyph's offsets (font units, y up). */
  readonly x: number;
  readonly y: number;
  /** The glyph's advance (font units). */
  readonly advance: number;
}

/** A font file to subset from: `key` names it (one HarfBuzz face per key and process), `bytes` is the file. */
export interface SubsetSource {
  readonly key: string;
  readonly bytes: Uint8Array;
}

/**
 * What charts and pages need of one shipped font file: coverage, shaping (plain advances), glyph outlines and a
 * file to subset from. Two implementations: ShapedFont (the font file opened with fontkit) and CachedGlyphFont
 * (the same answers read back from a per-build cache, opening the file only for what the cache lacks).
 */
export interface GlyphFont {
  /** The font file (also what names it in caches). */
  readonly path: string;
  /** CSS family name, e.g. `Noto Sans HK`. */
  readonly family: string;
  /** CSS weight: 400 or 700. */
  readonly weight: number;
  /** Font units per em. */
  readonly upem: number;
  /** True when the font maps the code point to a real glyph (not .notdef). */
  has(codePoint: number): boolean;
  /** The placed glyphs of `text` and its total advance, in font units (kerning and ligatures off). */
  shape(text: string): { readonly glyphs: readonly PlacedGlyph[]; readonly advance: number };
  /** The advance width of `text` in font units. */
  advance(text: string): number;
  /** The outline of a glyph as SVG path data in font units (y up); empty for a space. */
  outline(glyphId: number): string;
  /**
   * A font file whose HarfBuzz subset for `text` is byte for byte the subset of this font for `text`: the font
   * file itself, or a cached subset of it that covers every character of `text`.
   */
  subsetSource(text: string): SubsetSource;
  /** The WOFF subset of this font for `text`: `make()`, or the same bytes kept from an earlier run. */
  woffSubset(text: string, make: () => Uint8Array): Uint8Array;
}
