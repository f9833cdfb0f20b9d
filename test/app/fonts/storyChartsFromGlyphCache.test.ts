import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import type { SessionDate } from '../../../src/core/units.js';
import type { StoryInput, StoryLang } from '../../../src/domain/story.js';
import { describeWithSharedData, HK_DATA, REPO_ROOT } from '../../support/sharedData.js';

const KEY = Symbol.for('indexwire.parseCacheDir');
const slot = globalThis as Record<symbol, unknown>;

/** Every chart file of a story in both languages (SVGs and the PNG thumbnails), from freshly loaded modules. */
async function chartFiles(input: StoryInput): Promise<Record<string, string>> {
  vi.resetModules(); // a new process, as far as the font modules know: nothing opened, nothing cached in memory
  const { writeStory } = await import('../../../src/stories/writeStory.js');
  const { storyCharts } = await import('../../../src/app/story/storyCharts.js');
  const { outlinedSvgToPng, outlinedSvgToPngAsync } = await import('../../../src/app/story/svgToPng.js');
  const { CachedGlyphFont, saveGlyphCaches } = await import('../../../src/app/fonts/CachedGlyphFont.js');
  const { chartTypeface } = await import('../../../src/app/fonts/chartTypefaces.js');
  const story = writeStory(input);
  const out: Record<string, string> = {};
  for (const lang of ['en', 'zh-Hant'] as StoryLang[]) {
    const c = storyCharts(input, story, lang);
    out[`${lang}.index.svg`] = c.indexSvg;
    out[`${lang}.contrib.svg`] = c.contributionSvg ?? '';
    out[`${lang}.png`] = outlinedSvgToPng(c.indexOutlined, 800).toString('base64');
    // the story job rasterises on a worker thread (renderAsync): the same bytes
    out[`${lang}.async.png`] = (await outlinedSvgToPngAsync(c.indexOutlined, 800)).toString('base64');
  }
  const fonts = (['en', 'zh-Hant'] as const).flatMap((l) => [...chartTypeface(l).regular.fonts, ...chartTypeface(l).bold.fonts]);
  const cached = [...new Set(fonts)].filter((f) => f instanceof CachedGlyphFont);
  out.fontFilesOpened = cached.length === 0 ? 'no cache' : String(cached.filter((f) => f.fontFileOpened).length);
  saveGlyphCaches(); // what the CLI does at exit
  return out;
}

describeWithSharedData('story charts through the per-build glyph cache are byte for byte those from the font files (HSTECH 2025-02-07)', () => {
  const root = mkdtempSync(join(tmpdir(), 'iw-chart-glyphs-'));
  afterAll(() => {
    delete slot[KEY];
    rmSync(root, { recursive: true, force: true });
  });

  it('from the sources (font files), a cold cache, then a warm one: the same SVG and PNG bytes', async () => {
    const { buildStoryInput } = await import('../../../src/app/story/buildStoryInput.js');
    const input = await buildStoryInput({
      symbol: 'HSTECH',
      date: '2025-02-07' as SessionDate,
      dataDir: HK_DATA,
      membersPath: join(HK_DATA, 'hstech_members.csv'),
      methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml'),
    });
    delete slot[KEY];
    const fromFiles = await chartFiles(input);
    expect(fromFiles['zh-Hant.contrib.svg']).toContain('>聯想集團<');
    expect(fromFiles.fontFilesOpened).toBe('no cache');

    slot[KEY] = join(root, 'cache');
    const cold = await chartFiles(input);
    // the four shipped fonts each got a cache: DejaVu Sans (regular, bold) for English, Noto Sans HK for Chinese
    expect(readdirSync(join(root, 'cache')).sort()).toEqual([
      'glyphs-DejaVuSans-Bold.ttf.json', 'glyphs-DejaVuSans.ttf.json', 'glyphs-NotoSansHK_400Regular.ttf.json', 'glyphs-NotoSansHK_700Bold.ttf.json', 'subsets',
    ]);
    const warm = await chartFiles(input);
    expect(cold.fontFilesOpened).toBe('4');
    expect(fromFiles['en.async.png']).toBe(fromFiles['en.png']);
    expect(fromFiles['zh-Hant.async.png']).toBe(fromFiles['zh-Hant.png']);
    // the WOFF subsets embedded in the SVGs were kept by the cold pass and read back by the warm one
    expect(readdirSync(join(root, 'cache', 'subsets')).length).toBeGreaterThan(0);
    expect(warm.fontFilesOpened).toBe('0');
    for (const name of Object.keys(fromFiles).filter((n) => n !== 'fontFilesOpened')) {
      expect(cold[name] === fromFiles[name], `cold ${name}`).toBe(true);
      expect(warm[name] === fromFiles[name], `warm ${name}`).toBe(true);
    }
  });
});
