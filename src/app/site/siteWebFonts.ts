import { createHash } from 'node:crypto';
import { fontStackFor } from '../fonts/chartTypefaces.js';
import { sfntToWoff } from '../fonts/sfntToWoff.js';
import { subsetFont } from '../fonts/subsetFont.js';

export interface SiteWebFonts {
  /** Files to write under the site's `fonts/` folder. */
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  /** File name of the regular weight. */
  readonly regular: string;
  /** File name of the bold weight (headings); null when no heading text. */
  readonly bold: string | null;
}

/**
 * The self-hosted fallback web font of a language section: Noto Sans HK (shipped through npm) subset to the
 * characters its pages use, as WOFF, regular for the text and bold for the headings. File names carry a
 * content hash, so a browser may cache them for good. A site of a few Chinese stories needs a few tens of KB
 * instead of the 7 MB font.
 * @example siteWebFonts('zh-Hant', '恒生科技指數…', '恒生科技指數').regular // 'noto-sans-hk-400-3f2a9c1d.woff'
 */
export function siteWebFonts(lang: string, text: string, headingText: string): SiteWebFonts {
  const family = lang === 'zh-Hant' ? '"Noto Sans HK"' : '"DejaVu Sans"';
  const files: { name: string; bytes: Uint8Array }[] = [];
  const make = (weight: number, chars: string): string => {
    const font = fontStackFor(family, weight >= 700).fonts[0];
    if (!font) throw new Error(`no shipped font for ${family}`);
    const bytes = sfntToWoff(subsetFont(font, chars));
    const name = `${font.family.toLowerCase().replace(/\s+/g, '-')}-${weight}-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.woff`;
    files.push({ name, bytes });
    return name;
  };
  // The visible text is a subset of every character in the markup; ASCII keeps Latin in the same face.
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  const regular = make(400, [...new Set(text + ascii)].sort().join(''));
  const bold = headingText.trim() === '' ? null : make(700, [...new Set(headingText + ascii)].sort().join(''));
  return { files, regular, bold };
}
