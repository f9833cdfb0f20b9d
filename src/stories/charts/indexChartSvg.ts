import * as Plot from '@observablehq/plot';
import type { Bar } from '../../domain/bar.js';

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
}

/**
 * Draws the index closes with its reference lines as a standalone SVG string, without a browser:
 * Observable Plot renders into the given DOM `document` (linkedom's works) and the SVG namespace is
 * added so resvg and browsers accept the file. Labels are Latin text only (the PNG font is DejaVu Sans).
 * @throws Error when `bars` is empty.
 * @example indexChartSvg({title: 'HSTECH', bars, levels: []}, parseHTML('<html></html>').document)
 */
export function indexChartSvg(o: IndexChartOptions, document: unknown): string {
  if (o.bars.length === 0) throw new Error('index chart: no bars');
  const data = o.bars.map((b) => ({ date: new Date(`${b.date}T00:00:00Z`), close: b.close }));
  const mark = o.markDate ? data.filter((d, i) => o.bars[i]?.date === o.markDate) : [];
  const last = data[data.length - 1] as { date: Date };
  const levels = o.levels.map((l) => ({ ...l, date: last.date }));
  const lo = Math.min(...data.map((d) => d.close), ...o.levels.map((l) => l.value));
  const hi = Math.max(...data.map((d) => d.close), ...o.levels.map((l) => l.value));
  const pad = (hi - lo) * 0.06;
  const svg = Plot.plot({
    document: document as Document,
    width: o.width ?? 800,
    height: o.height ?? 420,
    marginRight: 220,
    style: { fontFamily: 'DejaVu Sans, sans-serif', fontSize: '12px', background: 'white' },
    marginTop: 36,
    marginLeft: 56,
    x: { type: 'utc', label: null },
    y: { grid: true, label: null, domain: [lo - pad, hi + pad] },
    marks: [
      ...o.levels.map((l) => Plot.ruleY([l.value], { stroke: l.color, strokeDasharray: l.dashed ? '6,4' : 'none' })),
      Plot.lineY(data, { x: 'date', y: 'close', stroke: '#1f4e79', strokeWidth: 1.6 }),
      Plot.dot(mark, { x: 'date', y: 'close', fill: '#c0392b', r: 4 }),
      Plot.text([o.title], { frameAnchor: 'top-left', dy: -26, fontSize: 15, fontWeight: 'bold', textAnchor: 'start' }),
      Plot.text(levels, { x: 'date', y: 'value', text: (d: { label: string }) => d.label, textAnchor: 'start', dx: 8, fill: 'color' }),
    ],
  });
  return withXmlns(outerHtml(svg));
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

/** Adds the SVG namespace (Plot on linkedom leaves it out; resvg needs it). */
export function withXmlns(svg: string): string {
  return svg.includes('xmlns="http://www.w3.org/2000/svg"') ? svg : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
}
