/**
 * The width in CSS pixels of `text` set at `sizePx` in the chart's font (bold for titles). The app measures
 * with the font files that draw the chart (HarfBuzz shaping), so margins fit the real glyphs.
 */
export type TextMeasure = (text: string, sizePx: number, bold: boolean) => number;

/** How a chart's text is set: the CSS font-family written into the SVG and the measure of that font. */
export interface ChartFont {
  /** CSS `font-family`, e.g. `"Noto Sans HK", sans-serif`. */
  readonly family: string;
  readonly measure: TextMeasure;
}

/**
 * A rough measure for callers without font files (tests of the pure layer): 0.6 em per Latin character,
 * 1 em per CJK or full-width character. Real charts are measured with the font that draws them.
 */
export const approximateMeasure: TextMeasure = (text, sizePx, bold) => {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 1 : 0.6;
  return em * sizePx * (bold ? 1.08 : 1);
};

export const APPROXIMATE_FONT: ChartFont = { family: '"DejaVu Sans", "Noto Sans HK", sans-serif', measure: approximateMeasure };

const ELLIPSIS = '…';

/**
 * `text` when it fits in `maxPx`; otherwise its longest prefix (whole characters, trailing spaces dropped)
 * followed by an ellipsis that fits. Never returns something wider than `maxPx` (just `…` at worst).
 * @example fitText('Ping An Health and Technology (Good Doctor)', 120, 11, measure, false) // 'Ping An Health and…'
 */
export function fitText(text: string, maxPx: number, sizePx: number, measure: TextMeasure, bold = false): string {
  if (measure(text, sizePx, bold) <= maxPx) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length - 1;
  // largest n with measure(prefix(n) + …) <= maxPx (the width grows with n)
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, sizePx, bold) <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/** The widest of `texts` in px (0 for none). */
export function widestPx(texts: readonly string[], sizePx: number, measure: TextMeasure, bold = false): number {
  let w = 0;
  for (const t of texts) w = Math.max(w, measure(t, sizePx, bold));
  return w;
}
