import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckIssue, GateFailure, StoryLang } from '../../domain/story.js';
import { storySlug, writeStory } from '../../stories/writeStory.js';
import { buildStoryInput, type StoryInputOptions } from './buildStoryInput.js';
import { storyCharts } from './storyCharts.js';
import { svgToPng } from './svgToPng.js';

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
 * (`<slug>.index.svg`, `<slug>.contrib.svg`) and the thumbnail `<slug>.png` (each file written to a
 * temporary name and renamed, so a reader never sees half a file). A story that fails writes nothing.
 * @throws SourceError / InputError from reading the inputs.
 */
export async function writeStoryFiles(o: StoryJobOptions): Promise<StoryJobResult> {
  const input = await buildStoryInput(o);
  const charts = o.charts ?? true;
  const slugFigures = (slug: string, withContrib: boolean) => [
    { alt: { en: `${input.names.en} chart`, 'zh-Hant': `${input.names['zh-Hant']}走勢圖` }, src: `${slug}.index.svg` },
    ...(withContrib ? [{ alt: { en: 'Point contributions', 'zh-Hant': '成分股點數貢獻' }, src: `${slug}.contrib.svg` }] : []),
  ];
  const hasContrib = (input.members ?? []).some((m) => m.contributionPoints !== null);
  const slug = storySlug(input.symbol, input.date);
  const story = writeStory(input, {
    ...(o.langs ? { langs: o.langs } : {}),
    ...(o.confirmedMoves ? { confirmedMoves: o.confirmedMoves } : {}),
    ...(charts ? { figures: slugFigures(slug, hasContrib), thumbnail: `${slug}.png` } : {}),
  });
  const files: string[] = [];
  if (story.publishable) {
    mkdirSync(o.outDir, { recursive: true });
    const put = (name: string, data: string | Buffer) => {
      const path = join(o.outDir, name);
      writeFileSync(`${path}.tmp`, data);
      renameSync(`${path}.tmp`, path);
      files.push(path);
    };
    if (charts) {
      const c = storyCharts(input, story);
      put(`${story.slug}.index.svg`, c.indexSvg);
      if (c.contributionSvg) put(`${story.slug}.contrib.svg`, c.contributionSvg);
      put(`${story.slug}.png`, svgToPng(c.indexSvg, THUMBNAIL_WIDTH_PX));
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
    files,
    gateFailures: story.gateFailures,
    checkIssues: story.checkIssues,
    ledgerEntries: story.ledger.entries.length,
  };
}
