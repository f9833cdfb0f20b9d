import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** The bundled font for chart PNGs (DejaVu Sans from the `dejavu-fonts-ttf` package): same pixels on every machine. */
export const CHART_FONT_PATH = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/**
 * Rasterises an SVG to PNG with resvg and only the bundled Latin font (no system fonts), so output is
 * reproducible. Chart text must therefore be Latin: Chinese labels would render as boxes.
 * @param widthPx output width in pixels (height keeps the aspect ratio).
 * @throws Error from resvg when the SVG is invalid.
 */
export function svgToPng(svg: string, widthPx = 1200): Buffer {
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
    font: { fontFiles: [CHART_FONT_PATH], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
}
