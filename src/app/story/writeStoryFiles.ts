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
  /** Rasterises a thumbnail (an outlined SVG, `widthPx` wide): default outlinedSvgToPngAsync (resvg on a libuv thread); desk run gives its PngWorker's. */
  readonly png?: (outlinedSvg: string, widthPx: number) => Buffer | Promise<Buffer>;
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
  const job = await startStoryFiles(o);
  await job.written;
  return job.result;
}

/** A story whose files are being written: its result now, `written` when every file is in place. */
export interface StoryFilesJob {
  readonly result: StoryJobResult;
  /** Resolves when the files are written (after the thumbnails render); rejects, having written nothing, when one fails. */
  readonly written: Promise<void>;
}

/**
 * {@link writeStoryFiles} without waiting for the files: the story, its gates, checker and charts are done when
 * this resolves, the thumbnails may still be rendering (o.png on a worker thread). A run of stories starts the next
 * story meanwhile and waits for every `written` at the end. Files are written in the same order, after all of a
 * story's thumbnails are rendered.
 * @throws SourceError / InputError from reading the inputs.
 */
export async function startStoryFiles(o: StoryJobOptions): Promise<StoryFilesJob> {
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
  const out: { readonly name: string; readonly data: string | Buffer | Promise<Buffer> }[] = [];
  if (story.publishable) {
    ensureOutputDir(o.outDir);
    // each thumbnail is rasterised off this thread (a libuv thread, or desk run's PngWorker) while the next
    // language's charts are drawn; the files are written in order once all are ready
    const png = o.png ?? outlinedSvgToPngAsync;
    if (charts) {
      for (const lang of story.documents.map((d) => d.lang)) {
        const c = storyCharts(input, story, lang);
        const names = chartFileNames(story.slug, lang);
        out.push({ name: names.index, data: c.indexSvg });
        if (c.contributionSvg) out.push({ name: names.contribution, data: c.contributionSvg });
        out.push({ name: names.thumbnail, data: png(c.indexOutlined, THUMBNAIL_WIDTH_PX) });
      }
    }
    out.push({ name: `${story.slug}.ledger.json`, data: `${JSON.stringify(story.ledger, null, 2)}\n` });
    for (const d of story.documents) out.push({ name: d.fileName, data: d.markdown });
  }
  const paths = out.map((f) => join(o.outDir, f.name));
  const written = Promise.all(out.map((f) => f.data)).then((data) => {
    data.forEach((d, i) => {
      const path = paths[i] as string;
      writeFileSync(`${path}.tmp`, d);
      renameSync(`${path}.tmp`, path);
    });
  });
  written.catch(() => undefined); // awaited by the caller; never an unhandled rejection meanwhile
  return { result: resultOf(story, paths), written };
}

function resultOf(story: ReturnType<typeof writeStory>, written: readonly string[]): StoryJobResult {
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
