import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { svgTextToPaths } from '../fonts/svgFonts.js';

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

const pngOptions = (widthPx: number): ResvgRenderOptions => ({
  fitTo: { mode: 'width', value: widthPx },
  background: 'white',
  font: { loadSystemFonts: false },
});

/** Rasterises an SVG whose text is already glyph outlines (storyCharts' `indexOutlined`). */
export function outlinedSvgToPng(svg: string, widthPx = 1200): Buffer {
  return new Resvg(svg, pngOptions(widthPx)).render().asPng();
}

/**
 * {@link outlinedSvgToPng} with the rasterising on a libuv worker thread (resvg's `renderAsync`), so that the
 * story job draws the next language's charts meanwhile; the PNG is encoded on this thread. The same bytes.
 */
export async function outlinedSvgToPngAsync(svg: string, widthPx = 1200): Promise<Buffer> {
  return (await renderAsync(svg, pngOptions(widthPx))).asPng();
}
