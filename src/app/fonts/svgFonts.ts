import { parseHTML } from 'linkedom';
import type { GlyphFont } from './GlyphFont.js';
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

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The glyphs of a text item as `<path>` markup in the element's local coordinates: each chunk is shaped in
 * the font of its stack that has each character and placed by its text-anchor on its baseline; each glyph's
 * outline (font units, cached per font) gets its own translate and scale.
 */
export function textItemGlyphs(item: SvgTextItem): string {
  let out = '';
  for (const c of item.chunks) {
    const w = item.stack.exactWidthPx(c.text, item.sizePx);
    let pen = c.anchor === 'middle' ? c.x - w / 2 : c.anchor === 'end' ? c.x - w : c.x;
    for (const run of item.stack.runs(c.text)) {
      const s = item.sizePx / run.font.upem;
      const shaped = run.font.shape(run.text);
      for (const g of shaped.glyphs) {
        const d = run.font.outline(g.glyphId);
        if (d !== '') out += `<path transform="translate(${r2(pen + g.x * s)},${r2(c.y - g.y * s)}) scale(${r5(s)},${r5(-s)})" d="${d}"/>`;
      }
      pen += shaped.advance * s;
    }
  }
  return out;
}

/**
 * The markup of `svg` with every `<text>` replaced by the outlines of its glyphs (a group that keeps the
 * text's transform and paint), so a rasteriser needs no font at all. The outlines come from the fonts the
 * text names (shipped through npm): exactly the glyphs and advances that were measured for the layout.
 * Mutates `svg` (its text elements become placeholders).
 */
export function outlinedSvgMarkup(svg: Element): string {
  const doc = svg.ownerDocument;
  const groups: string[] = [];
  for (const item of svgTextItems(svg)) {
    const el = item.el as unknown as Element;
    let attrs = '';
    for (const a of ['transform', 'fill', 'fill-opacity', 'opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'paint-order']) {
      const v = el.getAttribute(a);
      if (v !== null) attrs += ` ${a}="${attr(v)}"`;
    }
    el.replaceWith(doc.createComment(`iw-glyphs-${groups.length}`));
    groups.push(`<g${attrs}>${textItemGlyphs(item)}</g>`);
  }
  return markup(svg).replace(/<!--iw-glyphs-(\d+)-->/g, (_, i: string) => groups[Number(i)] ?? '');
}

/** {@link outlinedSvgMarkup} of SVG markup. */
export function svgTextToPaths(svgText: string): string {
  return outlinedSvgMarkup(parseSvg(svgText));
}

/** The characters each font of the SVG's text draws, by font. */
export function charactersByFont(items: readonly SvgTextItem[]): Map<GlyphFont, Set<string>> {
  const m = new Map<GlyphFont, Set<string>>();
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
export function fontFaceRule(font: GlyphFont, text: string): string {
  const key = `${font.path}|${text}`;
  let rule = faceRules.get(key);
  if (rule === undefined) {
    const woff = Buffer.from(font.woffSubset(text, () => sfntToWoff(subsetFont(font, text)))).toString('base64');
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
