import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckIssue, GateFailure, StoryLang } from '../../domain/story.js';
import { storySlug, writeStory } from '../../stories/writeStory.js';
import { buildStoryInput, type StoryInputOptions } from './buildStoryInput.js';
import { chartFileNames, storyCharts } from './storyCharts.js';
import { outlinedSvgToPngAsync } from './svgToPng.js';
import { ensureOutputDir } from '../ensureOutputDir.js';

/** Thumbnail width in pixels (the index chart as PNG). */
export const THUMBNAIL_WIDTH_PX = 800;

export interface StoryJobOptions extends StoryInputOptions {
  readonly outDir: string;
  readonly langs?: readonly StoryLang[];
  /** Symbols whose big move an editor confirmed (no `implausible_move` gate for them). */
  readonly confirmedMoves?: readonly string[];
  /** Draw the SVG charts and the PNG thumbnail (default true). */
  readonly charts?: boolean;
}

/** What `indexwire story` did (its `--json` output). */
export interface StoryJobResult {
  readonly slug: string;
  readonly symbol: string;
  readonly date: string;
  readonly published: boolean;
  /** Lead kind chosen by the ranking (regime, record, big_move, ...). */
  readonly lead: string;
  readonly headlines: Readonly<Partial<Record<StoryLang, string>>>;
  /** Files written (absolute or relative to the cwd as given). */
  readonly files: readonly string[];
  readonly gateFailures: readonly GateFailure[];
  readonly checkIssues: readonly CheckIssue[];
  /** Ledger entry count. */
  readonly ledgerEntries: number;
}

/**
 * The story job: builds the input, writes the story in each language, runs the gates and the fact checker
 * on every language, and only when both pass writes `<slug>.<lang>.md`, `<slug>.ledger.json`, the charts
 * of each language (`<slug>.index.svg`, `<slug>.contrib.svg`, thumbnail `<slug>.png` for English;
 * `<slug>.index.zh-Hant.svg`, `<slug>.contrib.zh-Hant.svg`, `<slug>.zh-Hant.png` for Chinese; each file written to a
 * temporary name and renamed, so a reader never sees half a file). A story that fails writes nothing.
 * @throws SourceError / InputError from reading the inputs.
 */
export async function writeStoryFiles(o: StoryJobOptions): Promise<StoryJobResult> {
  const input = await buildStoryInput(o);
  const charts = o.charts ?? true;
  // Each language gets its own charts (English keeps the plain file names).
  const files = (slug: string) => ({ en: chartFileNames(slug, 'en'), 'zh-Hant': chartFileNames(slug, 'zh-Hant') });
  const slugFigures = (slug: string, withContrib: boolean) => {
    const f = files(slug);
    return [
      { alt: { en: `${input.names.en} chart`, 'zh-Hant': `${input.names['zh-Hant']}走勢圖` }, src: { en: f.en.index, 'zh-Hant': f['zh-Hant'].index } },
      ...(withContrib ? [{ alt: { en: 'Point contributions', 'zh-Hant': '成分股點數貢獻' }, src: { en: f.en.contribution, 'zh-Hant': f['zh-Hant'].contribution } }] : []),
    ];
  };
  const hasContrib = (input.members ?? []).some((m) => m.contributionPoints !== null);
  const slug = storySlug(input.symbol, input.date);
  const story = writeStory(input, {
    ...(o.langs ? { langs: o.langs } : {}),
    ...(o.confirmedMoves ? { confirmedMoves: o.confirmedMoves } : {}),
    ...(charts ? { figures: slugFigures(slug, hasContrib), thumbnail: { en: files(slug).en.thumbnail, 'zh-Hant': files(slug)['zh-Hant'].thumbnail } } : {}),
  });
  const written: string[] = [];
  if (story.publishable) {
    ensureOutputDir(o.outDir);
    const put = (name: string, data: string | Buffer) => {
      const path = join(o.outDir, name);
      writeFileSync(`${path}.tmp`, data);
      renameSync(`${path}.tmp`, path);
      written.push(path);
    };
    if (charts) {
      // each thumbnail is rasterised on a worker thread while the next language's charts are drawn
      const drawn = story.documents.map((d) => {
        const c = storyCharts(input, story, d.lang);
        const png = outlinedSvgToPngAsync(c.indexOutlined, THUMBNAIL_WIDTH_PX);
        png.catch(() => undefined); // awaited below, in order; a failure is thrown there
        return { lang: d.lang, c, png };
      });
      for (const { lang, c, png } of drawn) {
        const names = chartFileNames(story.slug, lang);
        put(names.index, c.indexSvg);
        if (c.contributionSvg) put(names.contribution, c.contributionSvg);
        put(names.thumbnail, await png);
      }
    }
    put(`${story.slug}.ledger.json`, `${JSON.stringify(story.ledger, null, 2)}\n`);
    for (const d of story.documents) put(d.fileName, d.markdown);
  }
  return {
    slug: story.slug,
    symbol: story.symbol,
    date: story.date,
    published: story.publishable,
    lead: story.headlineFact,
    headlines: Object.fromEntries(story.documents.map((d) => [d.lang, d.frontMatter.title])),
    files: written,
    gateFailures: story.gateFailures,
    checkIssues: story.checkIssues,
    ledgerEntries: story.ledger.entries.length,
  };
}
