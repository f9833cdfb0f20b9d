import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import { chartTypeface } from '../../src/app/fonts/chartTypefaces.js';
import { svgTextToPaths } from '../../src/app/fonts/svgFonts.js';
import { buildStoryInput } from '../../src/app/story/buildStoryInput.js';
import { storyCharts } from '../../src/app/story/storyCharts.js';
import { writeStory } from '../../src/stories/writeStory.js';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../support/sharedData.js';

/** Renders one character at 48 px in the Chinese chart typeface (as the PNG pipeline does) to RGBA pixels. */
function glyphPixels(ch: string): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" style="font-family:&quot;Noto Sans HK&quot;, sans-serif"><text x="8" y="52" font-size="48">${ch}</text></svg>`;
  return new Uint8Array(new Resvg(svgTextToPaths(svg), { background: 'white', font: { loadSystemFonts: false } }).render().pixels);
}
const ink = (px: Uint8Array) => {
  let n = 0;
  for (let i = 0; i < px.length; i += 4) if ((px[i] ?? 255) < 128) n++;
  return n;
};
const differing = (a: Uint8Array, b: Uint8Array) => {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 64) n++;
  return n;
};

// Chart words and the members the acceptance names (聯想集團 Lenovo, 小米集團 Xiaomi, 金蝶國際 Kingdee).
const CHINESE = '聯想集團小米集團金蝶國際恒生科技指數收市走勢至低位高位週成分股對點數貢獻複製年月日';

describe('the shipped CJK font: no Chinese glyph renders as a box', () => {
  const zh = chartTypeface('zh-Hant');

  it('Noto Sans HK (from npm) maps every character the charts use', () => {
    expect(zh.regular.missing(CHINESE)).toEqual([]);
    expect(zh.bold.missing(CHINESE)).toEqual([]);
    expect(zh.regular.fonts[0]?.family).toBe('Noto Sans HK');
    expect(zh.regular.fonts[0]?.path).toContain(join('node_modules', '@expo-google-fonts', 'noto-sans-hk'));
  });

  it('each glyph has ink and differs from the font\'s missing-glyph shape', () => {
    const notdef = glyphPixels('\u{E000}'); // a private-use code point: the font draws its .notdef box
    expect(ink(notdef)).toBeGreaterThan(100); // the box itself is visible, so the comparison can fail
    for (const ch of new Set(CHINESE)) {
      const px = glyphPixels(ch);
      expect(ink(px), ch).toBeGreaterThan(60);
      expect(differing(px, notdef), ch).toBeGreaterThan(80);
    }
  });
});

describeWithSharedData('HSTECH 2025-02-07 in Chinese: charts with Chinese titles and member names (real data)', () => {
  it('the Chinese SVGs carry Chinese titles and the members\' names; the PNGs draw those glyphs', async () => {
    const input = await buildStoryInput({
      symbol: 'HSTECH',
      date: '2025-02-07' as SessionDate,
      dataDir: HK_DATA,
      membersPath: join(HK_DATA, 'hstech_members.csv'),
      methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml'),
    });
    const story = writeStory(input);
    const zh = storyCharts(input, story, 'zh-Hant');
    expect(zh.indexSvg).toContain('恒生科技指數收市走勢（至2025年2月7日）');
    expect(zh.contributionSvg).toContain('成分股點數貢獻（複製指數HSTECH-R，2025年2月7日）');
    for (const name of ['聯想集團', '小米集團', '金蝶國際']) expect(zh.contributionSvg).toContain(`>${name}<`);
    const en = storyCharts(input, story, 'en');
    expect(en.contributionSvg).toContain('>Lenovo Group<');
    expect(en.contributionSvg).not.toContain('聯想集團');

    // The glyphs in the rasterised charts are the font's outlines of those characters, never .notdef.
    const noto = chartTypeface('zh-Hant').regular.fonts[0];
    const notoBold = chartTypeface('zh-Hant').bold.fonts[0];
    if (!noto || !notoBold) throw new Error('no Noto Sans HK');
    const outline = (f: typeof noto, ch: string) => f.outline(f.shape(ch).glyphs[0]?.glyphId ?? 0);
    const notdef = noto.outline(0);
    for (const ch of '恒生科技指數') {
      expect(outline(notoBold, ch)).not.toBe(notdef);
      expect(zh.indexOutlined, `thumbnail draws ${ch}`).toContain(`d="${outline(notoBold, ch)}"`);
    }
    const contribOutlined = svgTextToPaths(zh.contributionSvg ?? '');
    for (const ch of '聯想集團小米金蝶國際') {
      expect(outline(noto, ch)).not.toBe(notdef);
      expect(contribOutlined, `contribution PNG draws ${ch}`).toContain(`d="${outline(noto, ch)}"`);
    }
    expect(contribOutlined).not.toContain(`d="${notdef}"`);
    expect(zh.indexOutlined).not.toContain(`d="${notdef}"`);
  });
});
