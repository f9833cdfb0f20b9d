import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { SourceError } from '../../core/errors.js';

/** One glyph placed by the shaper, in font units from the start of the text. */
export interface PlacedGlyph {
  readonly glyphId: number;
  /** Pen position plus the glyph's offsets (font units, y up). */
  readonly x: number;
  readonly y: number;
  /** The glyph's advance (font units). */
  readonly advance: number;
}

/**
 * Kerning and ligatures off: the subsets embedded in charts and pages carry no layout tables (subsetFont), so
 * the text is measured, outlined and shown by browsers with the same plain advances.
 */
const PLAIN_CODE_POINT = /[\u0300-\u036f\u0590-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u17b4-\u17d3\u200c\u200d\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/u;

/**
 * A font file opened with fontkit: coverage, shaping (advances; kerning and ligatures off), glyph outlines,
 * and the raw bytes for subsetting. Outlines are cached per glyph. (harfbuzzjs' shaper would do too, but its
 * module awaits at top level, which the CLI's CommonJS build cannot bundle.)
 * @example ShapedFont.open(path, 'Noto Sans HK', 400).advance('聯想集團') // 4000 (units; upem 1000)
 */
export class ShapedFont {
  readonly upem: number;
  private readonly font: fontkit.Font;
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
    const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
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
    if (!PLAIN_CODE_POINT.test(text)) {
      const glyphs: PlacedGlyph[] = [];
      let pen = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0) as number;
        let g = this.nominal.get(cp);
        if (!g) {
          const glyph = this.font.glyphForCodePoint(cp);
          g = { id: glyph.id, advance: glyph.advanceWidth };
          this.nominal.set(cp, g);
        }
        glyphs.push({ glyphId: g.id, x: pen, y: 0, advance: g.advance });
        pen += g.advance;
      }
      return { glyphs, advance: pen };
    }
    const run = this.font.layout(text, { kern: false, liga: false, clig: false, calt: false, rlig: false });
    const glyphs: PlacedGlyph[] = [];
    let pen = 0;
    for (let i = 0; i < run.glyphs.length; i++) {
      const p = run.positions[i] as fontkit.GlyphPosition;
      glyphs.push({ glyphId: (run.glyphs[i] as fontkit.Glyph).id, x: pen + p.xOffset, y: p.yOffset, advance: p.xAdvance });
      pen += p.xAdvance;
    }
    return { glyphs, advance: pen };
  }

  /** The advance width of `text` in font units (no kerning; see PLAIN). */
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
}
