import { parseHTML } from 'linkedom';
import type { ShapedFont } from './ShapedFont.js';
import { sfntToWoff } from './sfntToWoff.js';
import { subsetFont } from './subsetFont.js';
import { svgTextItems, type SvgTextItem } from './svgText.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const r2 = (n: number) => String(Math.round(n * 100) / 100);
const r5 = (n: number) => String(Math.round(n * 1e5) / 1e5);

/** Parses standalone SVG markup into a linkedom element. */
function parseSvg(svgText: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${svgText}</body></html>`);
  const svg = document.querySelector('svg');
  if (!svg) throw new Error('svg fonts: no <svg> element');
  return svg as unknown as Element;
}

const markup = (svg: Element) => {
  const html = svg.outerHTML;
  return html.includes(`xmlns="${SVG_NS}"`) ? html : html.replace('<svg', `<svg xmlns="${SVG_NS}"`);
};

/**
 * The glyphs of a text item as `<path>` elements in the element's local coordinates: each chunk is shaped
 * with HarfBuzz in the font of its stack that has each character and placed by its text-anchor on its baseline.
 * Each glyph's outline (font units, cached per font) is placed with its own translate and scale.
 */
export function textItemGlyphs(item: SvgTextItem, doc: Document): Element[] {
  const out: Element[] = [];
  for (const c of item.chunks) {
    const w = item.stack.exactWidthPx(c.text, item.sizePx);
    let pen = c.anchor === 'middle' ? c.x - w / 2 : c.anchor === 'end' ? c.x - w : c.x;
    for (const run of item.stack.runs(c.text)) {
      const s = item.sizePx / run.font.upem;
      const shaped = run.font.shape(run.text);
      for (const g of shaped.glyphs) {
        const d = run.font.outline(g.glyphId);
        if (d === '') continue;
        const p = doc.createElementNS(SVG_NS, 'path');
        p.setAttribute('transform', `translate(${r2(pen + g.x * s)},${r2(c.y - g.y * s)}) scale(${r5(s)},${r5(-s)})`);
        p.setAttribute('d', d);
        out.push(p);
      }
      pen += shaped.advance * s;
    }
  }
  return out;
}

/**
 * Replaces every `<text>` under `svg` with the outlines of its glyphs (a group that keeps the text's transform
 * and paint), so a rasteriser needs no font at all. The outlines come from the fonts the text names (shipped
 * through npm), shaped by HarfBuzz: exactly the glyphs, widths and kerning that were measured for the layout.
 */
export function textToPathsInPlace(svg: Element): void {
  const doc = svg.ownerDocument;
  for (const item of svgTextItems(svg)) {
    const el = item.el as unknown as Element;
    const g = doc.createElementNS(SVG_NS, 'g');
    for (const a of ['transform', 'fill', 'fill-opacity', 'opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'paint-order']) {
      const v = el.getAttribute(a);
      if (v !== null) g.setAttribute(a, v);
    }
    for (const p of textItemGlyphs(item, doc)) g.appendChild(p);
    el.replaceWith(g);
  }
}

/** {@link textToPathsInPlace} on markup: returns the SVG with outlines instead of text. */
export function svgTextToPaths(svgText: string): string {
  const svg = parseSvg(svgText);
  textToPathsInPlace(svg);
  return markup(svg);
}

/** The characters each font of the SVG's text draws, by font. */
export function charactersByFont(items: readonly SvgTextItem[]): Map<ShapedFont, Set<string>> {
  const m = new Map<ShapedFont, Set<string>>();
  for (const item of items) {
    for (const c of item.chunks) {
      for (const run of item.stack.runs(c.text)) {
        let set = m.get(run.font);
        if (!set) m.set(run.font, (set = new Set()));
        for (const ch of run.text) set.add(ch);
      }
    }
  }
  return m;
}

/**
 * Makes an SVG self-contained: a `@font-face` per font its text uses, each a WOFF subset of just the characters
 * drawn with it, as a data URL. A browser without those fonts (a fresh machine has no CJK font) then draws the
 * chart with the very glyphs its margins were measured in; an SVG shown with `<img>` cannot load fonts from
 * elsewhere. A chart's subset is a few KB (Latin) to about 20 KB (30 Chinese member names).
 */
export function embedFontsInPlace(svg: Element): void {
  const rules: string[] = [];
  for (const [font, chars] of charactersByFont(svgTextItems(svg))) {
    const text = [...chars].sort().join('');
    if (text.trim() === '') continue;
    rules.push(fontFaceRule(font, text));
  }
  if (rules.length === 0) return;
  const style = svg.ownerDocument.createElementNS(SVG_NS, 'style');
  style.setAttribute('data-fonts', '');
  style.textContent = rules.join('\n');
  svg.insertBefore(style, svg.firstChild);
}

/** Recent `@font-face` rules by font and character set: charts of one index share most of their characters. */
const faceRules = new Map<string, string>();
const FACE_RULES_KEPT = 256;

/** A `@font-face` rule with the WOFF subset of `font` for `text` as a data URL (memoised). */
export function fontFaceRule(font: ShapedFont, text: string): string {
  const key = `${font.path}|${text}`;
  let rule = faceRules.get(key);
  if (rule === undefined) {
    const woff = Buffer.from(sfntToWoff(subsetFont(font, text))).toString('base64');
    rule = `@font-face{font-family:"${font.family}";font-weight:${font.weight};font-style:normal;src:url(data:font/woff;base64,${woff}) format("woff")}`;
    if (faceRules.size >= FACE_RULES_KEPT) faceRules.delete(faceRules.keys().next().value as string);
    faceRules.set(key, rule);
  }
  return rule;
}

/** {@link embedFontsInPlace} on markup. */
export function embedSvgFonts(svgText: string): string {
  const svg = parseSvg(svgText);
  embedFontsInPlace(svg);
  return markup(svg);
}

/** The standalone markup of an SVG element (with its namespace). */
export const svgElementMarkup = markup;
