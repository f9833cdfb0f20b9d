import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../src/app/demo/runDemo.js';
import { parseBarsCsv } from '../../src/sources/csvBars/parseBarsCsv.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

// The main job (`npm start`) on the embedded demo: needs nothing outside the project.
describe('npm start: the main job on the simulated demo market', () => {
  let demo: DemoResult;
  let again: DemoResult;
  beforeAll(async () => {
    demo = await runDemo({ outDir: tmp('iw-demo-a-') });
    again = await runDemo({ outDir: tmp('iw-demo-b-') });
  });

  it('writes the index level series whose closes are the engine levels', () => {
    const parsed = parseBarsCsv(readFileSync(join(demo.dataDir, 'SIMTECH.csv'), 'utf8'), 'SIMTECH.csv');
    expect(parsed.rejected).toBe(false);
    const last = parsed.bars[parsed.bars.length - 1];
    expect(last?.date).toBe(demo.latest.date);
    // formatBarsCsv may round for the file; the close must agree with the engine to 1e-6 relative.
    expect(Math.abs((last?.close ?? 0) / demo.latest.level - 1)).toBeLessThan(1e-6);
    expect(demo.latest.constituents.length).toBe(30);
  });

  it('publishes a story in both languages about a regime change, labelled simulated, with a ledger', () => {
    expect(demo.story.published).toBe(true);
    expect(demo.storyFacts.some((f) => (f.type === 'bull_market' || f.type === 'bear_market') && f.event === 'entered')).toBe(true);
    const files = demo.story.files.map((f) => f.split(/[\\/]/).pop());
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/\.en\.md$/), expect.stringMatching(/\.zh-Hant\.md$/), expect.stringMatching(/\.ledger\.json$/), expect.stringMatching(/\.png$/)]));
    expect(demo.story.headlines.en).toMatch(/^Simulated Tech Index /);
    expect(demo.story.headlines['zh-Hant']).toMatch(/^模擬科技指數/);
    expect(demo.story.checkIssues).toEqual([]);
  });

  it('labels every demo article as simulated and builds the site', () => {
    for (const f of ['-demo-1.md', '-demo-2.md', '-demo-index.md']) {
      const text = readFileSync(join(demo.newsDir, `${demo.storyDate}${f}`), 'utf8');
      expect(text).toContain('[Simulated]');
      expect(text).toContain('SIMULATED NEWS');
    }
    expect(existsSync(demo.siteIndex)).toBe(true);
    expect(readFileSync(demo.siteIndex, 'utf8')).toContain('Simulated Tech Index');
  });

  it('is deterministic: a second run writes the same story', () => {
    const en = (d: DemoResult): string => readFileSync(d.story.files.find((f) => f.endsWith('.en.md')) as string, 'utf8');
    expect(again.storyDate).toBe(demo.storyDate);
    expect(en(again)).toBe(en(demo));
  });
});
