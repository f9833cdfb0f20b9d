import * as Plot from '@observablehq/plot';
import { numberFormat } from './chartLocale.js';
import { APPROXIMATE_FONT, fitText, widestPx, type ChartFont } from './chartText.js';
import { svgMarkup } from './indexChartSvg.js';

/** One bar: a member's points added to (or taken off) the index move. */
export interface ContributionBar {
  /** The member's name in the chart's language. */
  readonly label: string;
  readonly points: number;
}

export interface ContributionChartOptions {
  readonly title: string;
  readonly bars: readonly ContributionBar[];
  /** The x-axis label (default `index points`). */
  readonly axisLabel?: string;
  readonly width?: number;
  readonly font?: ChartFont;
  /** Intl locale of the x-axis numbers (default `en-US`). */
  readonly locale?: string;
}

/** Font sizes (px) and the longest member name drawn in full; longer names end in an ellipsis. */
export const CONTRIBUTION_CHART_TEXT = { titlePx: 15, labelPx: 11, maxNameLabelPx: 300 } as const;
const PAD_PX = 6;
const TICK_GAP_PX = 9;

/**
 * Horizontal bar chart of point contributions, largest first, gains green and losses red, as a standalone
 * SVG string drawn into the given DOM `document` (linkedom's works). The left margin is the measured width
 * of the longest member name (up to `CONTRIBUTION_CHART_TEXT.maxNameLabelPx`; a longer name is shortened
 * with an ellipsis), so no name is cut by the edge.
 * @throws Error when there are no bars.
 * @example contributionChartSvg({title: 'Points added, 2025-02-07', bars: [{label: 'Tencent', points: 25.3}]}, document)
 */
export function contributionChartSvg(o: ContributionChartOptions, document: unknown): string {
  return svgMarkup(contributionChartElement(o, document));
}

/** The contribution chart as the `<svg>` element Plot drew into `document`. */
export function contributionChartElement(o: ContributionChartOptions, document: unknown): SVGSVGElement {
  if (o.bars.length === 0) throw new Error('contribution chart: no bars');
  const font = o.font ?? APPROXIMATE_FONT;
  const { titlePx, labelPx, maxNameLabelPx } = CONTRIBUTION_CHART_TEXT;
  const width = o.width ?? 800;
  // Keys, not names, on the y scale: two names shortened alike stay two bars.
  const data = [...o.bars].sort((a, b) => b.points - a.points).map((b, i) => ({ key: String(i), label: fitText(b.label, maxNameLabelPx, labelPx, font.measure), points: b.points }));
  const names = new Map(data.map((d) => [d.key, d.label]));
  const nf = numberFormat(o.locale ?? 'en-US', -2);
  const extreme = Math.max(...data.map((d) => Math.abs(d.points)), 1);
  const halfX = widestPx([nf.format(-Math.ceil(extreme)), nf.format(Math.ceil(extreme))], labelPx, font.measure) / 2;
  const marginLeft = Math.ceil(Math.max(widestPx(data.map((d) => d.label), labelPx, font.measure) + TICK_GAP_PX, halfX) + PAD_PX);
  const marginRight = Math.ceil(Math.max(20, halfX + PAD_PX));
  const title = fitText(o.title, width - PAD_PX * 2, titlePx, font.measure, true);
  const svg = Plot.plot({
    document: document as Document,
    width,
    height: 66 + data.length * 18,
    marginLeft,
    // Room under the axis label for a CJK line box (Noto Sans HK's is 1.45 em tall, DejaVu's 1.16 em).
    marginBottom: 36,
    marginRight,
    marginTop: 36,
    style: { fontFamily: font.family, fontSize: `${labelPx}px`, background: 'white', textRendering: 'geometricPrecision' },
    x: { grid: true, label: o.axisLabel ?? 'index points', labelOffset: 28, tickFormat: (v: number) => nf.format(v) },
    y: { domain: data.map((d) => d.key), label: null, tickFormat: (k: string) => names.get(k) ?? k },
    marks: [
      Plot.text([title], { frameAnchor: 'top-left', dx: PAD_PX - marginLeft, dy: -26, fontSize: titlePx, fontWeight: 'bold', textAnchor: 'start' }),
      Plot.barX(data, { x: 'points', y: 'key', fill: (d: { points: number }) => (d.points >= 0 ? '#2e7d32' : '#c0392b') }),
      Plot.ruleX([0]),
    ],
  });
  return svg as SVGSVGElement;
}
