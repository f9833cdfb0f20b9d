import { createRequire } from 'node:module';
import type * as ResvgJs from '@resvg/resvg-js';
import { svgTextToPaths } from '../fonts/svgFonts.js';

let resvgModule: typeof ResvgJs | undefined;
/** resvg, loaded on the first PNG (its native binding costs tens of ms to load: a run that draws none never pays). */
function resvg(): typeof ResvgJs {
  resvgModule ??= createRequire(import.meta.url)(RESVG_PACKAGE) as typeof ResvgJs;
  return resvgModule;
}

/** The package that rasterises (PngWorker.ts loads the same one in its thread). */
export const RESVG_PACKAGE = '@resvg/resvg-js';

/** resvg's options for a PNG `widthPx` wide (height keeps the aspect ratio): white background, no system fonts. */
export function pngRenderOptions(widthPx: number): ResvgJs.ResvgRenderOptions {
  return { fitTo: { mode: 'width', value: widthPx }, background: 'white', font: { loadSystemFonts: false } };
}

/**
 * Rasterises a chart SVG to PNG with resvg. Its text is first turned into glyph outlines from the fonts the
 * SVG names among those shipped through npm (DejaVu Sans; Noto Sans HK for Chinese), shaped by HarfBuzz, so
 * the pixels never depend on the machine's fonts and Chinese never renders as boxes. resvg itself loads no
 * font: with the 7 MB Noto Sans HK file it re-reads the font's tables for every text element (about 35 ms each,
 * measured), and its Node binding cannot take a font from memory.
 * @param widthPx output width in pixels (height keeps the aspect ratio).
 * @throws Error from resvg when the SVG is invalid.
 */
export function svgToPng(svg: string, widthPx = 1200): Buffer {
  return outlinedSvgToPng(svgTextToPaths(svg), widthPx);
}

/** Rasterises an SVG whose text is already glyph outlines (storyCharts' `indexOutlined`). */
export function outlinedSvgToPng(svg: string, widthPx = 1200): Buffer {
  return new (resvg().Resvg)(svg, pngRenderOptions(widthPx)).render().asPng();
}

/**
 * {@link outlinedSvgToPng} with the rasterising on a libuv worker thread (resvg's `renderAsync`), so that the
 * story job draws the next language's charts meanwhile; the PNG is encoded on this thread. The same bytes.
 */
export async function outlinedSvgToPngAsync(svg: string, widthPx = 1200): Promise<Buffer> {
  return (await resvg().renderAsync(svg, pngRenderOptions(widthPx))).asPng();
}
