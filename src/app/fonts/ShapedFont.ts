import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
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
const PLAIN = ['kern', 'liga', 'clig', 'calt'].map((t) => new hb.Feature(t, 0));

/**
 * A font file opened with HarfBuzz (harfbuzzjs, the shaper Chromium uses): coverage, shaping (advances,
 * kerning), glyph outlines, and the raw bytes for subsetting. Outlines are cached per glyph.
 * @example ShapedFont.open(path, 'Noto Sans HK', 400).advance('聯想集團') // 4000 (units; upem 1000)
 */
export class ShapedFont {
  readonly upem: number;
  private readonly font: hb.Font;
  private readonly buffer = new hb.Buffer();
  private readonly outlines = new Map<number, string>();
  private readonly coverage = new Map<number, boolean>();

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
    const face = new hb.Face(new hb.Blob(bytes), 0);
    this.upem = face.upem;
    this.font = new hb.Font(face);
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
      const g = this.font.nominalGlyph(codePoint);
      v = g !== undefined && g !== 0;
      this.coverage.set(codePoint, v);
    }
    return v;
  }

  /** Shapes `text` (left to right) and returns the placed glyphs and the total advance, in font units. */
  shape(text: string): { readonly glyphs: readonly PlacedGlyph[]; readonly advance: number } {
    const b = this.buffer;
    b.clearContents();
    b.addText(text);
    b.guessSegmentProperties();
    hb.shape(this.font, b, PLAIN);
    const infos = b.getGlyphInfos();
    const pos = b.getGlyphPositions();
    const glyphs: PlacedGlyph[] = [];
    let pen = 0;
    for (let i = 0; i < infos.length; i++) {
      const p = pos[i] as hb.GlyphPosition;
      glyphs.push({ glyphId: (infos[i] as hb.GlyphInfo).codepoint, x: pen + p.xOffset, y: p.yOffset, advance: p.xAdvance });
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
      o = this.font.glyphToPath(glyphId);
      this.outlines.set(glyphId, o);
    }
    return o;
  }
}
