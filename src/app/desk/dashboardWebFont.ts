import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontStackFor } from '../fonts/chartTypefaces.js';
import { sfntToWoff } from '../fonts/sfntToWoff.js';
import { subsetFont } from '../fonts/subsetFont.js';
import type { DeskService } from './deskService.js';

/** The dashboard's language tables (their Chinese words go into the font). */
const DASHBOARD_I18N = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dashboard/i18n.ts');

let last: { key: string; woff: Uint8Array } | null = null;

/**
 * The dashboard's self-hosted Noto Sans HK (shipped through npm) as WOFF, subset to the characters a reader
 * can meet in Chinese: the dashboard's own words, the Chinese security names and the Chinese stories. It is
 * rebuilt only when those characters change (a reload that brings new stories or names).
 * @throws SourceError when the font cannot be read.
 */
export async function dashboardWebFont(desk: DeskService): Promise<Uint8Array> {
  const chars = new Set<string>(Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)));
  const add = (s: string | null | undefined) => {
    for (const ch of s ?? '') chars.add(ch);
  };
  try {
    add(readFileSync(DASHBOARD_I18N, 'utf8'));
  } catch {
    // the sources are not beside the build: the names and stories still come in
  }
  const names = await desk.names().catch(() => ({ names: {} as Record<string, { zhHant: string | null }> }));
  for (const n of Object.values(names.names)) add(n.zhHant);
  const stories = await desk.stories().catch(() => []);
  for (const s of stories.filter((x) => x.lang === 'zh-Hant')) {
    add(s.title);
    add(s.summary);
    add((await desk.story(s.slug, s.lang).catch(() => null))?.body);
  }
  const text = [...chars].sort().join('');
  const key = createHash('sha256').update(text).digest('hex');
  if (last?.key !== key) {
    const font = fontStackFor('"Noto Sans HK"', false).fonts[0];
    if (!font) throw new Error('no shipped Noto Sans HK');
    last = { key, woff: sfntToWoff(subsetFont(font, text)) };
  }
  return last.woff;
}
