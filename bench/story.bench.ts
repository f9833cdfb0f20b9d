/**
 * Stories benchmark.
 * 1. One story with charts: writeStory (both languages, ledger, gates, checker) + each language's two SVG charts
 *    (labels measured with HarfBuzz, fonts embedded as WOFF subsets) + each language's PNG thumbnail, per story,
 *    on the real HSTECH 2025-02-07 input when ../shared/data exists (else the fixture).
 *    Goal < 50 ms. Baseline: a naive thumbnail (fresh DOM, resvg loading system fonts each call).
 * 2. The static site for 1,000 stories (2,000 story files, both languages): buildSite. Goal < 30 s.
 *    Baseline: naive page rendering with the widgets recomputed per page, on the same stories.
 * 3. With ../shared/data: a sweep of every HSTECH session from June 2024 to October 2025 (input building included),
 *    counting checker failures (expected 0).
 * Options: STORIES=1000 RUNS=20.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../src/app/site/buildSite.js';
import { openData } from '../src/app/openData.js';
import { readStoryFiles } from '../src/app/site/readStoryFiles.js';
import { buildStoryInput } from '../src/app/story/buildStoryInput.js';
import { storyCharts } from '../src/app/story/storyCharts.js';
import { outlinedSvgToPng } from '../src/app/story/svgToPng.js';
import { THUMBNAIL_WIDTH_PX } from '../src/app/story/writeStoryFiles.js';
import type { SecurityId, SessionDate } from '../src/core/units.js';
import type { StoryInput } from '../src/domain/story.js';
import { writeStory } from '../src/stories/writeStory.js';
import { fixtureInput } from '../test/stories/fixtures.js';
import { hasSharedData, HK_DATA } from '../test/support/sharedData.js';
import { naiveBuildSite, naiveThumbnail } from './baselines/naiveStorySite.js';
import { bestOf, peakRssMb, report, time, timeAsync } from './harness.js';

const STORIES = Number(process.env['STORIES'] ?? 1000);
const RUNS = Number(process.env['RUNS'] ?? 20);

const input: StoryInput = hasSharedData
  ? await buildStoryInput({ symbol: 'HSTECH', date: '2025-02-07' as SessionDate, dataDir: HK_DATA, membersPath: join(HK_DATA, 'hstech_members.csv'), methodologyPath: 'methodologies/hstech-replica.yaml' })
  : fixtureInput();
process.stdout.write(`story input: ${hasSharedData ? 'HSTECH 2025-02-07, real data, 30 members with replica contributions (both languages draw the contribution chart)' : 'fixture (no ../shared/data)'}\n`);

const one = () => {
  const s = writeStory(input, { thumbnail: `${input.symbol}.png` });
  const pngs = (['en', 'zh-Hant'] as const).map((lang) => {
    const c = storyCharts(input, s, lang);
    if (input.members && !c.contributionSvg) throw new Error('bench: no contribution chart');
    return outlinedSvgToPng(c.indexOutlined, THUMBNAIL_WIDTH_PX);
  });
  return { s, pngs };
};
const cpu0 = process.cpuUsage();
const first = time(one);
const firstCpu = process.cpuUsage(cpu0);
const cpuRuns0 = process.cpuUsage();
const ours = bestOf(RUNS, one);
const cpuRuns = process.cpuUsage(cpuRuns0);
if (!ours.result.s.publishable) throw new Error('bench story did not pass its own checks');
const textOnly = bestOf(RUNS, () => writeStory(input));
const naive = bestOf(Math.max(3, Math.floor(RUNS / 4)), () => naiveThumbnail(input));
report('story with charts (writeStory en+zh-Hant, ledger, checker; per language: index + contribution SVG with embedded font subsets, PNG thumbnail), per story', ours.seconds * 1000, 'ms', undefined);
report('  first story of the process (opens the fonts: 2 x 7 MB Noto Sans HK with fontkit, HarfBuzz subsetter, JIT warm-up), wall / CPU', first.seconds * 1000, 'ms');
process.stdout.write(`  mean CPU per story over the runs: ${((cpuRuns.user + cpuRuns.system) / 1000 / (RUNS + 1)).toFixed(1)} ms\n`);
process.stdout.write(`  first story CPU: ${((firstCpu.user + firstCpu.system) / 1000).toFixed(1)} ms\n`);
report('  of which the text, ledger and checker (no charts)', textOnly.seconds * 1000, 'ms');
report('  naive thumbnail alone (fresh DOM, system fonts each call)', naive.seconds * 1000, 'ms');
process.stdout.write(`  ratio: the whole story is ${(naive.seconds / ours.seconds).toFixed(1)}x faster than the naive thumbnail alone\n`);

if (hasSharedData) {
  // 3. Every HSTECH session from 2024-06-01 to 2025-10-30 with members: input building included, no charts.
  const ports = await openData({ data: HK_DATA });
  const dates = (await ports.market.getBars('HSTECH' as SecurityId, '2024-06-01' as SessionDate, '2025-10-30' as SessionDate)).map((b) => b.date);
  const sweep = await timeAsync(async () => {
    let failed = 0;
    for (const d of dates) {
      const s = writeStory(await buildStoryInput({ symbol: 'HSTECH', date: d, ports, membersPath: join(HK_DATA, 'hstech_members.csv') }));
      if (s.checkIssues.length > 0) failed++;
    }
    return failed;
  });
  await ports.close();
  report(`sweep: ${dates.length} HSTECH stories with members (input + writeStory, no charts), checker failures ${sweep.result}`, (sweep.seconds * 1000) / dates.length, 'ms per story');
}

const root = mkdtempSync(join(tmpdir(), 'iw-bench-site-'));
try {
  const dir = join(root, 'stories');
  mkdirSync(dir, { recursive: true });
  const gen = time(() => {
    const base = fixtureInput();
    for (let i = 0; i < STORIES; i++) {
      const t = Date.UTC(2021, 0, 1) + i * 86_400_000;
      const day = new Date(t).toISOString().slice(0, 10);
      // 40 symbols (40 tags + bull-market), one story a day; the file name carries the day so slugs are unique
      const s = writeStory({ ...base, symbol: `S${i % 40}X`, publishedLocal: `${day} 16:10:00` });
      for (const d of s.documents) writeFileSync(join(dir, d.fileName.replace('2025-02-07', day)), d.markdown);
    }
  });
  process.stdout.write(`  (generated ${STORIES} stories x 2 languages in ${gen.seconds.toFixed(1)} s, not timed below)\n`);
  const site = time(() => buildSite({ storiesDir: dir, outDir: join(root, 'site') }));
  const base = time(() => naiveBuildSite(readStoryFiles(dir).stories, join(root, 'naive')));
  report(`site build, ${STORIES.toLocaleString('en-US')} stories (${site.result.pages} pages)`, site.seconds, 's', base.seconds, false);
  report('  naive: read + story pages only, widgets recomputed per page', base.seconds, 's');
  report('peak RSS', peakRssMb(), 'MB');
} finally {
  rmSync(root, { recursive: true, force: true });
}
