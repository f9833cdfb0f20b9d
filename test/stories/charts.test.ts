import { parseHTML } from 'linkedom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartFont, storyCharts } from '../../src/app/story/storyCharts.js';
import { svgToPng } from '../../src/app/story/svgToPng.js';
import { approximateMeasure, fitText } from '../../src/stories/charts/chartText.js';
import { CONTRIBUTION_CHART_TEXT, contributionChartSvg } from '../../src/stories/charts/contributionChartSvg.js';
import { indexChartSvg } from '../../src/stories/charts/indexChartSvg.js';
import { storyChartSpecs } from '../../src/stories/charts/storyChartSpecs.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { FIXTURE_BARS, fixtureInput } from './fixtures.js';

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
    const c = contributionChartSvg({ title: 'Points added', bars: [{ label: 'Alpha', points: 12.5 }, { label: 'Gamma', points: -2.5 }] }, doc());
    expect(c.match(/<rect/g)?.length).toBe(2);
    expect(c).toContain('#2e7d32');
    expect(c).toContain('#c0392b');
    expect(() => contributionChartSvg({ title: 'x', bars: [] }, doc())).toThrow(/no bars/);
  });

  it('rasterises the thumbnail to PNG with the shipped fonts', () => {
    const png = svgToPng(svg, 600);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(600); // IHDR width
    expect(png.length).toBeGreaterThan(5000);
  });
});

describe('chart labels fit: measured margins and an ellipsis past the maximum', () => {
  const font = chartFont('en');
  const marginOf = (svgText: string) => Number(/<g transform="translate\(-9,[^)]*\)" text-anchor="end" aria-label="y-axis tick label">\s*<text transform="translate\(([\d.]+),/.exec(svgText)?.[1]);

  it('sets the left margin of the contribution chart from the widest name, in the font that draws it', () => {
    const longest = 'Ping An Health and Technology (Good Doctor)';
    const c = contributionChartSvg({ title: 'P', bars: [{ label: longest, points: 1 }, { label: 'NIO', points: -1 }], font }, doc());
    const w = font.measure(longest, CONTRIBUTION_CHART_TEXT.labelPx, false);
    // DejaVu Sans at 11 px: 43 characters, about 245 px; margin = ceil(width + 9 px tick gap + 6 px pad)
    expect(w).toBeGreaterThan(200);
    expect(w).toBeLessThan(CONTRIBUTION_CHART_TEXT.maxNameLabelPx);
    expect(marginOf(c)).toBe(Math.ceil(w + 9 + 6));
    expect(c).toContain(longest); // drawn in full: it is under the maximum
    // a short name gets a small margin (no fixed 170 px)
    const short = contributionChartSvg({ title: 'P', bars: [{ label: 'NIO', points: 1 }], font }, doc());
    expect(marginOf(short)).toBeLessThan(60);
  });

  it('shortens a name past the documented maximum with an ellipsis, never wider than the maximum', () => {
    const name = 'An Extraordinarily Long Company Name Holdings International Group Limited (Hong Kong)';
    const c = contributionChartSvg({ title: 'P', bars: [{ label: name, points: 2 }], font }, doc());
    const shown = /aria-label="y-axis tick label">\s*<text[^>]*>([^<]*)<\/text>/.exec(c)?.[1] ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect(name.startsWith(shown.slice(0, -1))).toBe(true);
    expect(font.measure(shown, 11, false)).toBeLessThanOrEqual(CONTRIBUTION_CHART_TEXT.maxNameLabelPx);
  });

  it('fitText: the result fits, is a prefix plus an ellipsis, and is the longest such prefix (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 60, unit: fc.constantFrom('a', 'W', ' ', '聯', '想', '.', '1') }), fc.integer({ min: 12, max: 300 }), (text, max) => {
        const out = fitText(text, max, 11, approximateMeasure);
        if (out === text) return approximateMeasure(text, 11, false) <= max;
        const prefix = out.slice(0, -1);
        const next = [...text].slice(0, [...prefix].length + 1).join('').trimEnd();
        return out.endsWith('…') && text.startsWith(prefix) && (approximateMeasure(out, 11, false) <= max || prefix === '') && (next === prefix || approximateMeasure(`${next}…`, 11, false) > max || next.length <= prefix.length);
      }),
    );
  });
});

describe('charts in the story language', () => {
  const input = fixtureInput();
  const story = writeStory(input);

  it('titles, annotations, dates and member names of the Chinese chart are Chinese; the English chart stays English', () => {
    const zh = storyChartSpecs(input, story.ledger, 'zh-Hant');
    const en = storyChartSpecs(input, story.ledger, 'en');
    expect(zh.index.title).toBe('科技X指數收市走勢（至2025年2月7日）');
    expect(en.index.title).toBe('Techx Index, close to 2025-02-07');
    // fixture: bull market from the 2025-01-13 low of 1,000; threshold line 1,000 x 1.2 = 1,200
    expect(zh.index.levels.map((l) => l.label)).toEqual(expect.arrayContaining(['低位 2025年1月13日：1,000.00', '+20%：1,200.00']));
    expect(en.index.levels.map((l) => l.label)).toEqual(expect.arrayContaining(['low Jan 13, 2025: 1,000.00', '+20%: 1,200.00']));
    expect(zh.contribution?.title).toBe('成分股對指數點數貢獻（2025年2月7日）');
    expect(zh.contribution?.axisLabel).toBe('指數點數');
    expect(zh.contribution?.bars.map((b) => b.label)).toEqual(['阿爾法科技', '貝塔系統', '伽瑪芯片', '德爾塔雲']);
    expect(en.contribution?.bars.map((b) => b.label)).toEqual(['Alpha Tech', 'Beta Systems', 'Gamma Chips', 'Delta Cloud']);
    expect(zh.index.xTickFormat?.(new Date('2025-03-01T00:00:00Z'))).toBe('3月');
    expect(zh.index.xTickFormat?.(new Date('2025-01-01T00:00:00Z'))).toBe('2025年');
  });

  it('writes self-contained SVGs: the Chinese chart embeds a Noto Sans HK subset, the English one DejaVu Sans', () => {
    const zh = storyCharts(input, story, 'zh-Hant');
    const en = storyCharts(input, story, 'en');
    expect(zh.indexSvg).toContain('font-family:&quot;Noto Sans HK&quot;');
    expect(zh.indexSvg).toMatch(/@font-face\{font-family:"Noto Sans HK";font-weight:400;[^}]*data:font\/woff;base64,d09GR/); // 'wOFF'
    expect(zh.indexSvg).toMatch(/@font-face\{font-family:"Noto Sans HK";font-weight:700/); // the bold title
    expect(zh.contributionSvg).toContain('阿爾法科技');
    expect(en.indexSvg).toMatch(/@font-face\{font-family:"DejaVu Sans";font-weight:400/);
    expect(en.indexSvg).not.toContain('Noto Sans HK";font-weight'); // no Chinese in the English chart
    // the PNG's SVG has no text left: every label is glyph outlines
    expect(zh.indexOutlined).not.toContain('<text');
    expect(zh.indexOutlined.match(/<path [^>]*transform="translate\(/g)?.length).toBeGreaterThan(50);
  });
});
