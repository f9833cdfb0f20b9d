import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/app/story/svgToPng.js';
import { contributionChartSvg } from '../../src/stories/charts/contributionChartSvg.js';
import { indexChartSvg } from '../../src/stories/charts/indexChartSvg.js';
import { FIXTURE_BARS } from './fixtures.js';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document;

describe('charts without a browser', () => {
  const svg = indexChartSvg(
    { title: 'Techx Index', bars: FIXTURE_BARS, levels: [{ label: 'low Jan 13: 1,000.00', value: 1000, color: 'green' }, { label: '+20%: 1,200.00', value: 1200, color: 'green', dashed: true }], markDate: '2025-02-07' },
    doc(),
  );

  it('draws the index line with its reference lines and labels as standalone SVG', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const { document } = parseHTML(`<html><body>${svg}</body></html>`);
    expect(document.querySelectorAll('line').length).toBeGreaterThanOrEqual(2); // two ruleY marks
    expect(svg).toContain('low Jan 13: 1,000.00');
    expect(svg).toContain('+20%: 1,200.00');
    expect(svg).toContain('stroke-dasharray="6,4"');
    expect(document.querySelectorAll('circle').length).toBe(1); // the session dot
  });

  it('draws a bar per contribution, gains and losses in their colours', () => {
    const c = contributionChartSvg('Points added', [{ label: 'Alpha', points: 12.5 }, { label: 'Gamma', points: -2.5 }], doc());
    expect(c.match(/<rect/g)?.length).toBe(2);
    expect(c).toContain('#2e7d32');
    expect(c).toContain('#c0392b');
    expect(() => contributionChartSvg('x', [], doc())).toThrow(/no bars/);
  });

  it('rasterises the thumbnail to PNG with the bundled font', () => {
    const png = svgToPng(svg, 600);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(600); // IHDR width
    expect(png.length).toBeGreaterThan(5000);
  });
});
