import * as Plot from '@observablehq/plot';
import { outerHtml, withXmlns } from './indexChartSvg.js';

/** One bar: a member's points added to (or taken off) the index move. */
export interface ContributionBar {
  /** Latin label (the PNG font has no CJK glyphs). */
  readonly label: string;
  readonly points: number;
}

/**
 * Horizontal bar chart of point contributions, largest first, gains green and losses red, as a standalone
 * SVG string drawn into the given DOM `document` (linkedom's works).
 * @throws Error when there are no bars.
 * @example contributionChartSvg('Points added, 2025-02-07', [{label: 'Tencent', points: 25.3}], document)
 */
export function contributionChartSvg(title: string, bars: readonly ContributionBar[], document: unknown, width = 800): string {
  if (bars.length === 0) throw new Error('contribution chart: no bars');
  const data = [...bars].sort((a, b) => b.points - a.points);
  const svg = Plot.plot({
    document: document as Document,
    width,
    height: 60 + data.length * 18,
    marginLeft: 170,
    marginTop: 36,
    style: { fontFamily: 'DejaVu Sans, sans-serif', fontSize: '11px', background: 'white' },
    x: { grid: true, label: 'index points' },
    y: { domain: data.map((d) => d.label), label: null },
    marks: [
      Plot.text([title], { frameAnchor: 'top-left', dy: -26, fontSize: 15, fontWeight: 'bold', textAnchor: 'start' }),
      Plot.barX(data, { x: 'points', y: 'label', fill: (d: ContributionBar) => (d.points >= 0 ? '#2e7d32' : '#c0392b') }),
      Plot.ruleX([0]),
    ],
  });
  return withXmlns(outerHtml(svg));
}
