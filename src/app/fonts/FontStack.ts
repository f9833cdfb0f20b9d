import type { GlyphFont } from './GlyphFont.js';

/** A piece of text drawn by one font of a stack. */
export interface FontRun {
  readonly font: GlyphFont;
  readonly text: string;
}

/**
 * An ordered list of fonts with per-character fallback, as a browser resolves a CSS `font-family` list:
 * each character is drawn by the first font that has a glyph for it (the first font when none has).
 * @example new FontStack([dejaVu, notoSansHk]).widthPx('Tencent 騰訊', 11)
 */
export class FontStack {
  constructor(readonly fonts: readonly GlyphFont[]) {
    if (fonts.length === 0) throw new Error('font stack: no fonts');
  }

  /** The font that draws `codePoint`, or null when no font of the stack has it. */
  fontFor(codePoint: number): GlyphFont | null {
    for (const f of this.fonts) if (f.has(codePoint)) return f;
    return null;
  }

  /** Splits `text` into runs drawn by one font each (a character no font has goes to the first font). */
  runs(text: string): FontRun[] {
    const out: FontRun[] = [];
    let cur: GlyphFont | null = null;
    let acc = '';
    for (const ch of text) {
      const f = this.fontFor(ch.codePointAt(0) as number) ?? (this.fonts[0] as GlyphFont);
      if (f !== cur && acc !== '') {
        out.push({ font: cur as GlyphFont, text: acc });
        acc = '';
      }
      cur = f;
      acc += ch;
    }
    if (cur && acc !== '') out.push({ font: cur, text: acc });
    return out;
  }

  /**
   * Width of `text` at `sizePx` in CSS pixels: the larger of the exact sum of advances and the sum of advances
   * rounded to whole pixels. Charts set `text-rendering: geometricPrecision`, which turns hinting off in
   * browsers so they lay text out at the exact advances (measured in Debian's Chromium: "Ping An Health and
   * Technology (Good Doctor)" at 11 px is 253.8 px, as here; with hinting on it was 261 px, its advances
   * snapped by the hinter, e.g. 'e' 6.77 -> 8).
   */
  widthPx(text: string, sizePx: number): number {
    let exact = 0;
    let rounded = 0;
    for (const r of this.runs(text)) {
      const s = sizePx / r.font.upem;
      for (const g of r.font.shape(r.text).glyphs) {
        exact += g.advance * s;
        rounded += Math.round(g.advance * s);
      }
    }
    return Math.max(exact, rounded);
  }

  /** Exact width of `text` at `sizePx` (subpixel advances), as the glyph outlines are placed. */
  exactWidthPx(text: string, sizePx: number): number {
    let w = 0;
    for (const r of this.runs(text)) w += (r.font.advance(r.text) / r.font.upem) * sizePx;
    return w;
  }

  /** Characters of `text` that no font of the stack can draw (they would show as boxes). */
  missing(text: string): string[] {
    return [...new Set([...text].filter((ch) => !/\s/.test(ch) && this.fontFor(ch.codePointAt(0) as number) === null))];
  }
}
