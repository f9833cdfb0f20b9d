import * as Plot from '@observablehq/plot';
import type { Bar } from '../../domain/bar.js';
import { numberFormat } from './chartLocale.js';
import { APPROXIMATE_FONT, fitText, widestPx, type ChartFont } from './chartText.js';

/** A labelled horizontal reference line on the index chart. */
export interface ChartLevel {
  readonly label: string;
  readonly value: number;
  /** CSS colour. */
  readonly color: string;
  readonly dashed?: boolean;
}

export interface IndexChartOptions {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** Reference low, high, 20% threshold ... drawn as horizontal rules with labels. */
  readonly levels: readonly ChartLevel[];
  /** Session to mark with a dot. */
  readonly markDate?: string;
  readonly width?: number;
  readonly height?: number;
  /** The font the chart is set in and its measure (margins come from it); default a rough Latin/CJK measure. */
  readonly font?: ChartFont;
  /** Intl locale of the y-axis numbers (default `en-US`: 5,150). */
  readonly locale?: string;
  /** Format of an x-axis date (UTC midnight); default Observable Plot's (`Jan` / `2025`). */
  readonly xTickFormat?: (date: Date) => string;
}

/** Font sizes (px) and the longest reference-line label drawn in full; longer labels end in an ellipsis. */
export const INDEX_CHART_TEXT = { titlePx: 15, labelPx: 12, maxLevelLabelPx: 260 } as const;
const PAD_PX = 6;
const TICK_GAP_PX = 9;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Draws the index closes with its reference lines as a standalone SVG string, without a browser:
 * Observable Plot renders into the given DOM `document` (linkedom's works) and the SVG namespace is
 * added so resvg and browsers accept the file. The margins come from the measured widths of the labels
 * (y-axis numbers on the left, reference-line labels on the right, half an x-axis label at either end), so no
 * label is cut by the edge; a reference label wider than `INDEX_CHART_TEXT.maxLevelLabelPx` and a title wider
 * than the chart are shortened with an ellipsis.
 * @throws Error when `bars` is empty.
 * @example indexChartSvg({title: 'HSTECH', bars, levels: []}, parseHTML('<html></html>').document)
 */
export function indexChartSvg(o: IndexChartOptions, document: unknown): string {
  return svgMarkup(indexChartElement(o, document));
}

/** The index chart as the `<svg>` element Plot drew into `document` (for callers that post-process it). */
export function indexChartElement(o: IndexChartOptions, document: unknown): SVGSVGElement {
  if (o.bars.length === 0) throw new Error('index chart: no bars');
  const font = o.font ?? APPROXIMATE_FONT;
  const { titlePx, labelPx, maxLevelLabelPx } = INDEX_CHART_TEXT;
  const width = o.width ?? 800;
  const data = o.bars.map((b) => ({ date: new Date(`${b.date}T00:00:00Z`), close: b.close }));
  const mark = o.markDate ? data.filter((d, i) => o.bars[i]?.date === o.markDate) : [];
  const first = data[0] as { date: Date };
  const last = data[data.length - 1] as { date: Date };
  const levels = o.levels.map((l) => ({ ...l, label: fitText(l.label, maxLevelLabelPx, labelPx, font.measure), date: last.date }));
  const lo = Math.min(...data.map((d) => d.close), ...o.levels.map((l) => l.value));
  const hi = Math.max(...data.map((d) => d.close), ...o.levels.map((l) => l.value));
  const pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.01 || 1;
  const nf = numberFormat(o.locale ?? 'en-US', -2);
  // The widest y tick is the one of largest magnitude; small ranges may get decimals.
  const yLabels = [nf.format(Math.round(Math.max(Math.abs(lo - pad), Math.abs(hi + pad))))].map((s) => (hi - lo < 20 ? `${s}.00` : s));
  const halfX = widestPx(xTickCandidates(first.date, last.date, o.xTickFormat), labelPx, font.measure) / 2;
  const marginLeft = Math.ceil(Math.max(widestPx(yLabels, labelPx, font.measure) + TICK_GAP_PX, halfX) + PAD_PX);
  const marginRight = Math.ceil(Math.max(levels.length > 0 ? 8 + widestPx(levels.map((l) => l.label), labelPx, font.measure) : 0, halfX) + PAD_PX);
  const title = fitText(o.title, width - marginLeft - PAD_PX, titlePx, font.measure, true);
  const svg = Plot.plot({
    document: document as Document,
    width,
    height: o.height ?? 420,
    marginRight,
    style: { fontFamily: font.family, fontSize: `${labelPx}px`, background: 'white', textRendering: 'geometricPrecision' },
    marginTop: 36,
    marginLeft,
    marginBottom: 36, // two-line English date ticks (Oct / 2023) need more than Plot's 30 px
    x: { type: 'utc', label: null, ...(o.xTickFormat ? { tickFormat: o.xTickFormat } : {}) },
    y: { grid: true, label: null, domain: [lo - pad, hi + pad], tickFormat: (v: number) => nf.format(v) },
    marks: [
      ...levels.map((l) => Plot.ruleY([l.value], { stroke: l.color, strokeDasharray: l.dashed ? '6,4' : 'none' })),
      Plot.lineY(data, { x: 'date', y: 'close', stroke: '#1f4e79', strokeWidth: 1.6 }),
      Plot.dot(mark, { x: 'date', y: 'close', fill: '#c0392b', r: 4 }),
      Plot.text([title], { frameAnchor: 'top-left', dy: -26, fontSize: titlePx, fontWeight: 'bold', textAnchor: 'start' }),
      Plot.text(levels, { x: 'date', y: 'value', text: (d: { label: string }) => d.label, textAnchor: 'start', dx: 8, fill: 'color' }),
    ],
  });
  return svg as SVGSVGElement;
}

/** Labels the x axis may show between two dates: each month start (and each year) in the given format. */
function xTickCandidates(from: Date, to: Date, format?: (d: Date) => string): string[] {
  const out = new Set<string>();
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  for (let i = 0; d <= to && i < 600; i++) {
    out.add(format ? format(d) : (MONTHS_EN[d.getUTCMonth()] as string));
    if (!format) out.add(String(d.getUTCFullYear()));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  // Plot's day-level ticks on short ranges
  out.add(format ? format(new Date(Date.UTC(to.getUTCFullYear(), 11, 28))) : '30');
  return [...out];
}

/** The markup of a Plot result (an SVG element, or a figure wrapping it when a title is set). */
export function outerHtml(node: unknown): string {
  const el = node as { outerHTML?: string; querySelector?: (s: string) => { outerHTML: string } | null };
  const html = el.outerHTML ?? '';
  if (html.startsWith('<svg')) return html;
  const svg = el.querySelector?.('svg');
  if (!svg) throw new Error('chart: Plot returned no svg');
  return svg.outerHTML;
}

/** The standalone markup of a chart element, with the SVG namespace. */
export function svgMarkup(el: unknown): string {
  return withXmlns(outerHtml(el));
}

/** Adds the SVG namespace (Plot on linkedom leaves it out; resvg needs it). */
export function withXmlns(svg: string): string {
  return svg.includes('xmlns="http://www.w3.org/2000/svg"') ? svg : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
}
