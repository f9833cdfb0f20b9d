import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { NewsPostSource } from '../../../src/domain/newsPost.js';
import { readSeedLayout, SEED_FIELDS, SEED_PAGE_SETTINGS } from '../../../src/domain/seedLayout.js';
import { postSummary } from '../../../src/stories/render/postSummary.js';
import { postFileName, renderNewsPost, textToMarkdown } from '../../../src/stories/render/renderNewsPost.js';

const source = (over: Partial<NewsPostSource> = {}): NewsPostSource => ({
  articleId: '0123456789abcdef',
  title: 'Hong Kong stocks close higher',
  date: '2025-02-07 17:36:00',
  lang: 'en',
  sourceName: 'rthk',
  url: 'https://news.rthk.hk/rthk/en/component/k2/1790704-20250207.htm',
  bodyMarkdown: 'Hong Kong stocks ended higher on Friday.\n\nThe Shanghai Composite Index finished up 1 percent.',
  bodyText: 'Hong Kong stocks ended higher on Friday.\n\nThe Shanghai Composite Index finished up 1 percent.',
  closingLink: null,
  securities: [],
  layout: null,
  ...over,
});

describe('postSummary', () => {
  it('takes the first 50 words, whitespace collapsed, then "..." only when there are more', () => {
    const words = Array.from({ length: 51 }, (_, i) => `w${i + 1}`);
    // 51 words: the first 50 ("w1 ... w50") and "..."
    expect(postSummary(`${words.slice(0, 25).join('  ')}\n\n${words.slice(25).join('\t')}`)).toBe(`${words.slice(0, 50).join(' ')}...`);
    // exactly 50 words: all of them, no "..."
    expect(postSummary(words.slice(0, 50).join('\n'))).toBe(words.slice(0, 50).join(' '));
    expect(postSummary('')).toBe('');
  });
  it('counts a Chinese character as a word, CJK punctuation as none', () => {
    // 恒 指 升 1.2% 收 報 = 6 words; the first 4 are 恒指升 and "1.2%", the comma is not a word
    expect(postSummary('恒指升1.2%，收報21,133點。', 4)).toBe('恒指升1.2%，...');
    expect(postSummary('恒指升1.2%', 4)).toBe('恒指升1.2%');
  });
  it('property: the summary without "..." is a prefix of the collapsed text, and "..." means words were left out', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'bb', ' ', '\n', '恒', '，', '1.2%', '\t'), { maxLength: 200 }).map((a) => a.join('')), (text) => {
      const flat = text.replace(/\s+/g, ' ').trim();
      const s = postSummary(text, 10);
      const cut = s.endsWith('...') && !flat.endsWith('...') ? s.slice(0, -3) : s;
      expect(flat.startsWith(cut)).toBe(true);
      if (cut !== flat) expect(s.endsWith('...')).toBe(true);
    }), { numRuns: 500 });
  });
});

describe('renderNewsPost', () => {
  it("writes every seed field in the seed's order, categories and first tag the source, tags the linked securities", () => {
    const p = renderNewsPost(source({ securities: ['HSI', '9988.HK', 'HSI'] }));
    const fm = parse(p.markdown.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, unknown>;
    expect(Object.keys(fm)).toEqual(SEED_FIELDS.map(([k]) => k));
    expect(fm).toMatchObject({ categories: ['rthk'], tags: ['rthk', 'hsi', '9988.hk'], lang: ['en'], translations: ['en'], ...SEED_PAGE_SETTINGS });
    expect(fm.summary).toBe('Hong Kong stocks ended higher on Friday. The Shanghai Composite Index finished up 1 percent.');
    expect(p.fileName).toBe('2025-02-07-hong-kong-stocks-close-higher.en.md');
    expect(p.markdown.endsWith('\n---\n\nHong Kong stocks ended higher on Friday.\n\nThe Shanghai Composite Index finished up 1 percent.\n\n[rthk](https://news.rthk.hk/rthk/en/component/k2/1790704-20250207.htm)\n')).toBe(true);
  });
  it('keeps a closing link the body already has, and adds none without a URL', () => {
    const kept = renderNewsPost(source({ closingLink: '[morningstar](https://www.morningstar.com/x)' }));
    expect(kept.markdown.match(/\]\(https:/g)).toHaveLength(1);
    expect(kept.markdown.endsWith('percent.\n\n[morningstar](https://www.morningstar.com/x)\n')).toBe(true);
    expect(renderNewsPost(source({ url: null })).markdown.endsWith('percent.\n')).toBe(true);
  });
  it('makes a plain-text body inert: HTML and Markdown punctuation escaped, list and heading starts escaped', () => {
    const p = renderNewsPost(source({ bodyMarkdown: null, bodyText: '<script>alert(1)</script> [x](javascript:y)\n\n# 1\n- a\n1. b\n=== c' }));
    expect(p.markdown).toContain('\n\n&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:y)\n\n\\# 1\n\\- a\n1\\. b\n\\=== c\n\n[rthk]');
  });
  it("keeps the taxonomy and page settings of an input already in the seed's layout", () => {
    const layout = readSeedLayout({
      title: 'x', date: 'x', summary: 'x', categories: ['morningstar'], lang: ['en'], translations: ['en'], tags: ['morningstar'],
      menu: '', thumbnail: 't.png', lead: '', comments: true, authorbox: false, pager: true, toc: false, mathjax: false, sidebar: 'left', widgets: ['search'],
    });
    expect(layout).not.toBeNull();
    const fm = renderNewsPost(source({ layout, securities: ['HSI'] })).frontMatter;
    expect(fm).toMatchObject({ categories: ['morningstar'], tags: ['morningstar'], thumbnail: 't.png', comments: true, sidebar: 'left', widgets: ['search'] });
    expect(fm.title).toBe('Hong Kong stocks close higher'); // title, date and summary are the article's
    expect(readSeedLayout({ ...layout, toc: 'no' })).toBeNull();
    expect(readSeedLayout({ title: 'only a title' })).toBeNull();
  });
  it('encodes parentheses and spaces of a URL so the closing link cannot end early', () => {
    expect(renderNewsPost(source({ url: 'https://e.org/a_(b)' })).markdown).toContain('[rthk](https://e.org/a_%28b%29)');
  });
});

describe('postFileName', () => {
  it('is the date and an ASCII slug of the title, cut at a word boundary, with the language', () => {
    expect(postFileName('2025-02-07 16:10:53', 'DeepSeek Breakthrough Fuels Rally in Chinese Tech Stocks — Update', 'en', 'x')).toBe('2025-02-07-deepseek-breakthrough-fuels-rally-in-chinese-tech-stocks-update.en.md');
    expect(postFileName('2025-02-07 16:10:53', 'Café résumé', 'en', 'x')).toBe('2025-02-07-cafe-resume.en.md');
    const long = postFileName('2025-02-07 00:00:00', `${'word '.repeat(30)}`, 'en', 'x');
    // 30 words are 149 chars; the first 81 end in "...word-w": cut at its last dash, 16 words = 16 x 5 - 1 = 79 chars
    expect(long).toBe(`2025-02-07-${'word-'.repeat(16).slice(0, 79)}.en.md`);
    expect(postFileName('2025-02-07 00:00:00', '恒指收市升1.2%', 'zh-Hant', 'abcdef0123456789')).toBe('2025-02-07-article-abcdef01.zh-Hant.md');
  });
});

describe('textToMarkdown', () => {
  it('keeps paragraphs and lines, drops empty paragraphs', () => {
    expect(textToMarkdown('a\nb\n\n\n\nc\n')).toBe('a\nb\n\nc');
  });
});
