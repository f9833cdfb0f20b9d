import { createRequire } from 'node:module';
import type { StoryLang } from '../../domain/story.js';
import { buildCacheDir } from '../parseCache.js';
import { CachedGlyphFont } from './CachedGlyphFont.js';
import { FontStack } from './FontStack.js';
import type { GlyphFont } from './GlyphFont.js';
import { ShapedFont } from './ShapedFont.js';

const require = createRequire(import.meta.url);

/**
 * The font files Indexwire ships through npm (resolved as packages, so they are found from the sources and
 * from a compiled build alike): DejaVu Sans (`dejavu-fonts-ttf`, Latin) and Noto Sans HK
 * (`@expo-google-fonts/noto-sans-hk`, Traditional Chinese with Hong Kong glyph forms, SIL OFL 1.1).
 */
export const FONT_FILES = {
  dejaVuSans: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  dejaVuSansBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  notoSansHk: require.resolve('@expo-google-fonts/noto-sans-hk/400Regular/NotoSansHK_400Regular.ttf'),
  notoSansHkBold: require.resolve('@expo-google-fonts/noto-sans-hk/700Bold/NotoSansHK_700Bold.ttf'),
} as const;

/** The fonts of one chart language: a CSS family list and the stacks that draw it, regular and bold. */
export interface ChartTypeface {
  /** CSS `font-family` value written into the SVG, e.g. `"Noto Sans HK", sans-serif`. */
  readonly cssFamily: string;
  readonly regular: FontStack;
  readonly bold: FontStack;
}

let opened: Record<keyof typeof FONT_FILES, GlyphFont> | null = null;
const typefaces = new Map<StoryLang, ChartTypeface>();

/**
 * The four font files, opened once per process. The compiled CLI reads them through its per-build glyph cache
 * (CachedGlyphFont: a warm run opens no font file); from the sources (tests, tsx) they are opened with fontkit
 * (about 100-150 ms of CPU and 15 MB for the two Noto Sans HK weights).
 */
function fonts(): Record<keyof typeof FONT_FILES, GlyphFont> {
  if (opened) return opened;
  const cacheDir = buildCacheDir();
  const open = (path: string, family: string, weight: number): GlyphFont =>
    cacheDir === null ? ShapedFont.open(path, family, weight) : CachedGlyphFont.open(path, family, weight, cacheDir);
  opened = {
    dejaVuSans: open(FONT_FILES.dejaVuSans, 'DejaVu Sans', 400),
    dejaVuSansBold: open(FONT_FILES.dejaVuSansBold, 'DejaVu Sans', 700),
    notoSansHk: open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400),
    notoSansHkBold: open(FONT_FILES.notoSansHkBold, 'Noto Sans HK', 700),
  };
  return opened;
}

const FAMILIES: Record<string, { regular: keyof typeof FONT_FILES; bold: keyof typeof FONT_FILES }> = {
  'dejavu sans': { regular: 'dejaVuSans', bold: 'dejaVuSansBold' },
  'noto sans hk': { regular: 'notoSansHk', bold: 'notoSansHkBold' },
  'sans-serif': { regular: 'dejaVuSans', bold: 'dejaVuSansBold' },
};

/**
 * The fonts a CSS `font-family` list resolves to among the shipped ones, in order, with Noto Sans HK always
 * last so that no Chinese character is left without a glyph. Unknown names are skipped (as a browser does).
 * @example fontStackFor('"DejaVu Sans", sans-serif', false).fonts.map((f) => f.family) // ['DejaVu Sans', 'Noto Sans HK']
 */
export function fontStackFor(cssFamily: string, bold: boolean): FontStack {
  const f = fonts();
  const list: GlyphFont[] = [];
  for (const raw of cssFamily.split(',')) {
    const fam = FAMILIES[raw.trim().replace(/^["']|["']$/g, '').toLowerCase()];
    const font = fam ? f[bold ? fam.bold : fam.regular] : undefined;
    if (font && !list.includes(font)) list.push(font);
  }
  const last = bold ? f.notoSansHkBold : f.notoSansHk;
  if (!list.includes(last)) list.push(last);
  return new FontStack(list);
}

/**
 * The chart typeface of a story language. English charts are set in DejaVu Sans (Chinese characters fall back
 * to Noto Sans HK); Traditional Chinese charts in Noto Sans HK throughout, its Latin and figures included, as
 * Hong Kong financial pages set mixed text in one CJK family.
 */
export function chartTypeface(lang: StoryLang): ChartTypeface {
  const have = typefaces.get(lang);
  if (have) return have;
  const cssFamily = lang === 'zh-Hant' ? '"Noto Sans HK", sans-serif' : '"DejaVu Sans", "Noto Sans HK", sans-serif';
  const t: ChartTypeface = { cssFamily, regular: fontStackFor(cssFamily, false), bold: fontStackFor(cssFamily, true) };
  typefaces.set(lang, t);
  return t;
}
