import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CachedGlyphFont } from '../../../src/app/fonts/CachedGlyphFont.js';
import { FONT_FILES } from '../../../src/app/fonts/chartTypefaces.js';
import { fontFileKey, glyphCachePath, readGlyphCache, writeGlyphCache } from '../../../src/app/fonts/glyphCacheFile.js';
import type { GlyphFont } from '../../../src/app/fonts/GlyphFont.js';
import { ShapedFont } from '../../../src/app/fonts/ShapedFont.js';
import { subsetFont } from '../../../src/app/fonts/subsetFont.js';

// Characters of a Chinese chart (title, dates, member names, figures) and of an English one.
const ZH = '恒生科技指數收市走勢（至2025年2月7日）成分股點數貢獻聯想集團小米金蝶國際+-.,%0123456789';
const EN = 'Hang Seng TECH Index close (to Feb 7, 2025) Lenovo Group +3.21%';

/** Everything a chart asks of a font, for `text`: coverage, placed glyphs, outlines. */
function answers(f: GlyphFont, text: string) {
  const shaped = f.shape(text);
  return {
    upem: f.upem,
    has: [...text].map((ch) => f.has(ch.codePointAt(0) as number)),
    shaped,
    outlines: shaped.glyphs.map((g) => f.outline(g.glyphId)),
  };
}

const opened = (f: CachedGlyphFont) => f.fontFileOpened;

describe('CachedGlyphFont: the shipped fonts read back from a per-build cache give the font file\'s answers', () => {
  let root: string;
  let cacheDir: string;
  const noto = ShapedFont.open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'iw-glyph-cache-'));
  });
  afterEach(() => {
    rmSync(join(root, 'cache'), { recursive: true, force: true });
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const freshCacheDir = () => {
    cacheDir = join(root, 'cache');
    return cacheDir;
  };

  it('cold: opens the font file, answers as it does, and keeps what it learnt; warm: same answers without the file', () => {
    const dir = freshCacheDir();
    const cold = CachedGlyphFont.open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400, dir);
    expect(opened(cold)).toBe(true); // nothing cached: upem comes from the file
    expect(answers(cold, ZH)).toEqual(answers(noto, ZH));
    expect(Buffer.from(subsetFont(cold, ZH)).equals(Buffer.from(subsetFont(noto, ZH)))).toBe(true);
    expect(cold.save()).toBe(true);
    expect(readdirSync(dir)).toEqual(['glyphs-NotoSansHK_400Regular.ttf.json']);

    const warm = CachedGlyphFont.open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400, dir);
    expect(answers(warm, ZH)).toEqual(answers(noto, ZH));
    // '聯想集團' = 4 characters, each 1 em (1000 units) wide in Noto Sans HK: 4 x 1000 = 4000
    expect(warm.advance('聯想集團')).toBe(4000);
    expect(opened(warm)).toBe(false);
    expect(warm.save()).toBe(false); // nothing new: nothing written
  });

  it('a subset made from the cached subset is byte for byte the subset of the font file (every text within the cache)', () => {
    const dir = freshCacheDir();
    const cold = CachedGlyphFont.open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400, dir);
    answers(cold, ZH);
    cold.save();
    const warm = CachedGlyphFont.open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400, dir);
    const chars = [...new Set(ZH)];
    const texts = ['聯想集團', '2025年2月7日', '0123456789', ZH, chars.filter((_, i) => i % 3 === 0).join(''), chars.reverse().join('')];
    for (const t of texts) {
      expect(warm.subsetSource(t).key, t).toContain('#cached-subset');
      expect(Buffer.from(subsetFont(warm, t)).equals(Buffer.from(subsetFont(noto, t))), t).toBe(true);
    }
    expect(opened(warm)).toBe(false);
  });

  it('a character the cache lacks opens the file once, is answered right, and is cached by the next save', () => {
    const dir = freshCacheDir();
    const first = CachedGlyphFont.open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400, dir);
    answers(first, '聯想');
    first.save();
    const second = CachedGlyphFont.open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400, dir);
    expect(answers(second, '鑫')).toEqual(answers(noto, '鑫'));
    expect(opened(second)).toBe(true);
    // a text with a character outside the cached subset is subset from the file (and still the same bytes)
    expect(second.subsetSource('聯鑫').key).toBe(FONT_FILES.notoSansHk);
    expect(Buffer.from(subsetFont(second, '聯鑫')).equals(Buffer.from(subsetFont(noto, '聯鑫')))).toBe(true);
    expect(second.save()).toBe(true);
    const third = CachedGlyphFont.open(FONT_FILES.notoSansHk, 'Noto Sans HK', 400, dir);
    expect(answers(third, '聯想鑫')).toEqual(answers(noto, '聯想鑫'));
    expect(third.subsetSource('聯鑫').key).toContain('#cached-subset');
    expect(opened(third)).toBe(false);
  });

  it('two processes that learnt different characters both end up in the cache (a save merges with the file on disk)', () => {
    const dir = freshCacheDir();
    const a = CachedGlyphFont.open(FONT_FILES.dejaVuSans, 'DejaVu Sans', 400, dir);
    const b = CachedGlyphFont.open(FONT_FILES.dejaVuSans, 'DejaVu Sans', 400, dir);
    answers(a, 'abc');
    answers(b, 'xyz');
    a.save();
    b.save();
    const c = CachedGlyphFont.open(FONT_FILES.dejaVuSans, 'DejaVu Sans', 400, dir);
    const dejaVu = ShapedFont.open(FONT_FILES.dejaVuSans, 'DejaVu Sans', 400);
    expect(answers(c, 'abcxyz')).toEqual(answers(dejaVu, 'abcxyz'));
    expect(opened(c)).toBe(false);
    expect(readdirSync(dir)).toEqual(['glyphs-DejaVuSans.ttf.json']); // no temporary file left
  });

  it('a damaged cache is never used: a flipped byte, a truncated file, another font version; the next save rewrites it', () => {
    const dir = freshCacheDir();
    const warmUp = CachedGlyphFont.open(FONT_FILES.dejaVuSans, 'DejaVu Sans', 400, dir);
    answers(warmUp, EN);
    warmUp.save();
    const file = glyphCachePath(dir, FONT_FILES.dejaVuSans);
    const good = readFileSync(file);
    const key = fontFileKey(FONT_FILES.dejaVuSans);
    if (!key) throw new Error('no DejaVu Sans');
    expect(readGlyphCache(file, key)).not.toBeNull();

    // one digit of a code point changed (e.g. [65,1,36,1401] -> [95,...]): valid JSON, wrong content; the hash line catches it
    const flipped = Buffer.from(good);
    const at = flipped.indexOf(',[', 100) + 2;
    flipped[at] = flipped[at] === 0x39 ? 0x38 : 0x39;
    const damaged = [flipped, good.subarray(0, good.length - 10), Buffer.from('not a cache\n')];
    for (const bytes of damaged) {
      writeFileSync(file, bytes);
      expect(readGlyphCache(file, key)).toBeNull();
      const f = CachedGlyphFont.open(FONT_FILES.dejaVuSans, 'DejaVu Sans', 400, dir);
      expect(opened(f)).toBe(true);
      const dejaVu = ShapedFont.open(FONT_FILES.dejaVuSans, 'DejaVu Sans', 400);
      expect(answers(f, EN)).toEqual(answers(dejaVu, EN));
      expect(f.save()).toBe(true);
      expect(readGlyphCache(file, key)).not.toBeNull();
    }
    // the same file name for another version of the font (size or time differ): not read
    expect(readGlyphCache(file, { ...key, mtimeMs: key.mtimeMs + 1 })).toBeNull();
    expect(readGlyphCache(file, { ...key, size: key.size + 1 })).toBeNull();
  });

  it('a font file that changes after the cache was written is read again (the cache names its size and time)', () => {
    const dir = freshCacheDir();
    const copy = join(root, 'DejaVuSans.ttf');
    copyFileSync(FONT_FILES.dejaVuSans, copy);
    const a = CachedGlyphFont.open(copy, 'DejaVu Sans', 400, dir);
    answers(a, EN);
    a.save();
    expect(opened(CachedGlyphFont.open(copy, 'DejaVu Sans', 400, dir))).toBe(false);
    utimesSync(copy, new Date(), new Date(Date.now() + 5_000));
    expect(opened(CachedGlyphFont.open(copy, 'DejaVu Sans', 400, dir))).toBe(true);
    rmSync(copy);
  });

  it('writes nothing when the folder that holds the cache folder is gone (a removed build)', () => {
    const gone = join(root, 'removed-build', 'cache');
    const key = fontFileKey(FONT_FILES.dejaVuSans);
    if (!key) throw new Error('no DejaVu Sans');
    const data = { upem: 2048, glyphs: new Map(), outlines: new Map(), baseCodePoints: new Set<number>(), base: null };
    expect(writeGlyphCache(join(gone, 'glyphs-x.json'), key, data)).toBe(false);
    expect(existsSync(join(root, 'removed-build'))).toBe(false);
    mkdirSync(join(root, 'removed-build'));
    expect(writeGlyphCache(join(gone, 'glyphs-x.json'), key, data)).toBe(true);
    rmSync(join(root, 'removed-build'), { recursive: true });
  });
});
