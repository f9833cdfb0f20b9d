import { parseHTML } from 'linkedom';
import type { Story, StoryInput, StoryLang } from '../../domain/story.js';
import type { ChartFont } from '../../stories/charts/chartText.js';
import { contributionChartElement } from '../../stories/charts/contributionChartSvg.js';
import { indexChartElement } from '../../stories/charts/indexChartSvg.js';
import { storyChartSpecs } from '../../stories/charts/storyChartSpecs.js';
import { chartTypeface } from '../fonts/chartTypefaces.js';
import { embedFontsInPlace, outlinedSvgMarkup, svgElementMarkup } from '../fonts/svgFonts.js';

export interface StoryCharts {
  /** The index (or stock) with its reference lines; also the thumbnail. */
  readonly indexSvg: string;
  /** Point contributions of the members; null when the engine gave none. */
  readonly contributionSvg: string | null;
  /** The index chart with its text as glyph outlines, for the PNG thumbnail (svgToPng of it needs no font). */
  readonly indexOutlined: string;
}

/** The chart font of a story language: its CSS family and a HarfBuzz measure over the shipped font files. */
export function chartFont(lang: StoryLang): ChartFont {
  const t = chartTypeface(lang);
  return { family: t.cssFamily, measure: (text, sizePx, bold) => (bold ? t.bold : t.regular).widthPx(text, sizePx) };
}

/**
 * Draws a story's charts in `lang` (titles, annotations, dates, numbers and member names in that language;
 * see stories/charts/storyChartSpecs), laid out with the measured widths of their labels in the font that draws
 * them, and makes each SVG self-contained by embedding WOFF subsets of that font.
 * @throws Error when the story has no bars to draw.
 */
export function storyCharts(input: StoryInput, story: Story, lang: StoryLang = 'en'): StoryCharts {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const font = chartFont(lang);
  const spec = storyChartSpecs(input, story.ledger, lang);
  const finish = (el: Element) => {
    embedFontsInPlace(el);
    return svgElementMarkup(el);
  };
  const indexEl = indexChartElement({ ...spec.index, font }, document) as unknown as Element;
  const indexSvg = finish(indexEl);
  indexEl.querySelector('style[data-fonts]')?.remove();
  const indexOutlined = outlinedSvgMarkup(indexEl);
  const contributionSvg = spec.contribution ? finish(contributionChartElement({ ...spec.contribution, font }, document) as unknown as Element) : null;
  return { indexSvg, contributionSvg, indexOutlined };
}

/** Chart file names of a story language: English keeps the plain names, other languages add theirs. */
export function chartFileNames(slug: string, lang: StoryLang): { readonly index: string; readonly contribution: string; readonly thumbnail: string } {
  const tag = lang === 'en' ? '' : `.${lang}`;
  return { index: `${slug}.index${tag}.svg`, contribution: `${slug}.contrib${tag}.svg`, thumbnail: `${slug}${tag}.png` };
}
