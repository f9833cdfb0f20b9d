import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { SourceError } from '../../core/errors.js';
import type { GlyphFont, PlacedGlyph, SubsetSource } from './GlyphFont.js';

export type { PlacedGlyph } from './GlyphFont.js';

let fontkitModule: typeof Fontkit | null = null;
/**
 * fontkit, required on first use: loading it inflates unicode-properties' tries (~100 ms of CPU), which a run
 * that finds every glyph in its cache (CachedGlyphFont) never needs.
 */
function fontkit(): typeof Fontkit {
  fontkitModule ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit;
  return fontkitModule;
}

/**
 * Kerning and ligatures off: the subsets embedded in charts and pages carry no layout tables (subsetFont), so
 * the text is measured, outlined and shown by browsers with the same plain advances.
 */
const NEEDS_SHAPING = /[\u0300-\u036f\u0590-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u17b4-\u17d3\u200c\u200d\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/u;

/** True when `text` has a character whose glyphs depend on its neighbours (marks, complex scripts, selectors). */
export const needsShaping = (text: string): boolean => NEEDS_SHAPING.test(text);

/**
 * A font file opened with fontkit: coverage, shaping (advances; kerning and ligatures off), glyph outlines,
 * and the raw bytes for subsetting. Outlines are cached per glyph. (harfbuzzjs' shaper would do too, but its
 * module awaits at top level, which the CLI's CommonJS build cannot bundle.)
 * @example ShapedFont.open(path, 'Noto Sans HK', 400).advance('聯想集團') // 4000 (units; upem 1000)
 */
export class ShapedFont implements GlyphFont {
  readonly upem: number;
  private readonly font: Fontkit.Font;
  private readonly outlines = new Map<number, string>();
  private readonly coverage = new Map<number, boolean>();
  private readonly nominal = new Map<number, { readonly id: number; readonly advance: number }>();

  private constructor(
    /** The file it was read from (also its key for subsetting). */
    readonly path: string,
    /** CSS family name, e.g. `Noto Sans HK`. */
    readonly family: string,
    /** CSS weight: 400 or 700. */
    readonly weight: number,
    /** The whole font file (TrueType). */
    readonly bytes: Uint8Array,
  ) {
    const font = fontkit().create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!('unitsPerEm' in font) || 'fonts' in font) throw new SourceError(path, 'a font collection, not one font', false);
    this.font = font;
    this.upem = font.unitsPerEm;
  }

  /** @throws SourceError when the file cannot be read. */
  static open(path: string, family: string, weight: number): ShapedFont {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch (e) {
      throw new SourceError(path, `cannot read font: ${(e as Error).message}`, false);
    }
    return new ShapedFont(path, family, weight, bytes);
  }

  /** True when the font maps the code point to a real glyph (not .notdef). */
  has(codePoint: number): boolean {
    let v = this.coverage.get(codePoint);
    if (v === undefined) {
      v = this.font.hasGlyphForCodePoint(codePoint);
      this.coverage.set(codePoint, v);
    }
    return v;
  }

  /**
   * Shapes `text` (left to right) and returns the placed glyphs and the total advance, in font units: each
   * character's nominal glyph and advance (cmap and hmtx, cached), which is exactly how a browser shapes the
   * layout-free subsets this text is shown with. Text that needs real shaping (combining marks, complex
   * scripts, variation selectors) goes through fontkit's shaper instead.
   */
  shape(text: string): { readonly glyphs: readonly PlacedGlyph[]; readonly advance: number } {
    if (!needsShaping(text)) {
      const glyphs: PlacedGlyph[] = [];
      let pen = 0;
      for (const ch of text) {
        const g = this.nominalGlyph(ch.codePointAt(0) as number);
        glyphs.push({ glyphId: g.id, x: pen, y: 0, advance: g.advance });
        pen += g.advance;
      }
      return { glyphs, advance: pen };
    }
    const run = this.font.layout(text, { kern: false, liga: false, clig: false, calt: false, rlig: false });
    const glyphs: PlacedGlyph[] = [];
    let pen = 0;
    for (let i = 0; i < run.glyphs.length; i++) {
      const p = run.positions[i] as Fontkit.GlyphPosition;
      glyphs.push({ glyphId: (run.glyphs[i] as Fontkit.Glyph).id, x: pen + p.xOffset, y: p.yOffset, advance: p.xAdvance });
      pen += p.xAdvance;
    }
    return { glyphs, advance: pen };
  }

  /** The glyph the cmap maps `codePoint` to (.notdef, id 0, when none) and its advance in font units (cached). */
  nominalGlyph(codePoint: number): { readonly id: number; readonly advance: number } {
    let g = this.nominal.get(codePoint);
    if (!g) {
      const glyph = this.font.glyphForCodePoint(codePoint);
      g = { id: glyph.id, advance: glyph.advanceWidth };
      this.nominal.set(codePoint, g);
    }
    return g;
  }

  /** The advance width of `text` in font units (no kerning; see NEEDS_SHAPING). */
  advance(text: string): number {
    return this.shape(text).advance;
  }

  /** The outline of a glyph as SVG path data in font units (y up); empty for a space. */
  outline(glyphId: number): string {
    let o = this.outlines.get(glyphId);
    if (o === undefined) {
      o = this.font.getGlyph(glyphId).path.toSVG();
      this.outlines.set(glyphId, o);
    }
    return o;
  }

  /** The whole font file. */
  subsetSource(): SubsetSource {
    return { key: this.path, bytes: this.bytes };
  }

  /** `make()`: nothing is kept without a cache (CachedGlyphFont keeps them). */
  woffSubset(_text: string, make: () => Uint8Array): Uint8Array {
    return make();
  }
}
