/**
 * The site's languages in one place: the words of the page chrome, the HTML `lang`, where a language's
 * section lives, how dates and taxonomy terms are shown. Stories and republished news posts (issue 12) use the
 * same table, so that every page of one language reads alike.
 */
export interface SiteLocale {
  /** Story language code as in the front matter (`en`, `zh-Hant`). */
  readonly lang: string;
  /** BCP 47 tag for `<html lang>`: `en`, `zh-Hant-HK`. */
  readonly htmlLang: string;
  /** Folder of this language's section pages (front page, tag and category pages) from the site root: `` or `zh-hant/`. */
  readonly section: string;
  /** Extra stylesheet of this language (font stack, web font), relative to the site root; null for none. */
  readonly stylesheet: string | null;
  readonly text: {
    readonly latest: string;
    readonly tags: string;
    readonly allTags: string;
    readonly rss: string;
    readonly search: string;
    readonly searchPlaceholder: string;
    readonly searchNeedsJs: string;
    readonly noResults: string;
    readonly recent: string;
    readonly categoriesLabel: string;
    readonly tagsLabel: string;
    readonly olderStories: (tagIndexHref: string) => string;
    readonly tagTitle: (label: string) => string;
    readonly categoryTitle: (label: string) => string;
    /** The other language's link in the header, e.g. `English`. */
    readonly otherLanguage: string;
    /** Marks a republished news post in lists (`News`). */
    readonly newsLabel: string;
    /** Heading of a story's list of the news posts it cites. */
    readonly citedNews: string;
    /** Heading of a news post's list of the stories that cite it. */
    readonly citedBy: string;
  };
  /** A front-matter date (`2025-02-07 16:10:00`, Hong Kong time) as shown: as written in English, `2025年2月7日 16:10` in Chinese. */
  date(local: string): string;
  /** A tag or category as shown (`bull-market` → 牛市 in Chinese); unknown terms as written. */
  term(term: string): string;
}

/** The languages' names as shown in language links. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English', 'zh-Hant': '繁體中文' };

const EN: SiteLocale = {
  lang: 'en',
  htmlLang: 'en',
  section: '',
  stylesheet: null,
  text: {
    latest: 'Latest stories',
    tags: 'Tags',
    allTags: 'All tags',
    rss: 'RSS',
    search: 'Search',
    searchPlaceholder: 'Search stories and news',
    searchNeedsJs: 'Search needs JavaScript; every story and news post is listed on the front page and the tag pages.',
    noResults: 'No stories found',
    recent: 'Recent',
    categoriesLabel: 'Categories: ',
    tagsLabel: 'Tags: ',
    olderStories: (href) => `Older stories are on the <a href="${href}">tag pages</a>.`,
    tagTitle: (l) => `Tag: ${l}`,
    categoryTitle: (l) => `Category: ${l}`,
    otherLanguage: '繁體中文',
    newsLabel: 'News',
    citedNews: 'News cited in this story',
    citedBy: 'Stories citing this article',
  },
  date: (local) => local,
  term: (t) => t,
};

/** Chinese names of the tags and categories the writer uses (analytics regimes, news themes, categories). */
const ZH_TERMS: Readonly<Record<string, string>> = {
  markets: '市場',
  'bull-market': '牛市',
  'bear-market': '熊市',
  correction: '調整',
  ai: '人工智能',
  tariffs_trade: '關稅及貿易',
  stimulus_policy: '刺激措施及政策',
  earnings: '業績',
  regulation: '監管',
  evs: '電動車',
  chips: '晶片',
};

const ZH_HANT: SiteLocale = {
  lang: 'zh-Hant',
  htmlLang: 'zh-Hant-HK',
  section: 'zh-hant/',
  stylesheet: 'style.zh-Hant.css',
  text: {
    latest: '最新報道',
    tags: '標籤',
    allTags: '所有標籤',
    rss: 'RSS',
    search: '搜尋',
    searchPlaceholder: '搜尋報道及新聞',
    searchNeedsJs: '搜尋功能需要JavaScript；所有報道及新聞均列於首頁及標籤頁。',
    noResults: '找不到相關報道',
    recent: '最近報道',
    categoriesLabel: '類別：',
    tagsLabel: '標籤：',
    olderStories: (href) => `較早的報道見<a href="${href}">標籤頁</a>。`,
    tagTitle: (l) => `標籤：${l}`,
    categoryTitle: (l) => `類別：${l}`,
    otherLanguage: 'English',
    newsLabel: '新聞',
    citedNews: '本報道引用的新聞',
    citedBy: '引用本文的報道',
  },
  date: (local) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(local);
    if (!m) return local;
    return `${m[1]}年${Number(m[2])}月${Number(m[3])}日${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
  },
  term: (t) => ZH_TERMS[t] ?? (/^[a-z0-9.-]+$/.test(t) && !t.includes('-') ? t.toUpperCase() : t),
};

const LOCALES: Readonly<Record<string, SiteLocale>> = { en: EN, 'zh-Hant': ZH_HANT };

/** The site locale of a story language; English for a language the site has no words for. */
export function siteLocale(lang: string): SiteLocale {
  return LOCALES[lang] ?? EN;
}

/** The languages with a section of their own (besides the English root). */
export const SECTION_LOCALES: readonly SiteLocale[] = [ZH_HANT];

/** ISO date-time with the Hong Kong offset for `<time datetime>`: `2025-02-07T16:10:00+08:00`. */
export function isoDateTime(local: string, offset = '+08:00'): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(local);
  return m ? `${m[1]}T${m[2]}${offset}` : local;
}

/**
 * The zh-Hant stylesheet: a font stack that prefers the reader's own Traditional Chinese fonts (PingFang on
 * Apple systems, Microsoft JhengHei on Windows, Noto Sans HK/TC on Linux and Android), then the site's
 * self-hosted Noto Sans HK subset (only the characters the site uses), so a reader without any CJK font still
 * reads Chinese.
 */
export function zhHantStylesheet(fontFiles: { readonly regular: string; readonly bold: string | null }): string {
  const face = (file: string, weight: number) =>
    `@font-face{font-family:"Indexwire Noto Sans HK";font-style:normal;font-weight:${weight};font-display:swap;src:url("${file}") format("woff")}`;
  return `${face(fontFiles.regular, 400)}
${fontFiles.bold ? face(fontFiles.bold, 700) : ''}
html:lang(zh-Hant-HK) body,html:lang(zh-Hant-HK) input{font-family:"PingFang HK","PingFang TC","Microsoft JhengHei","Noto Sans HK","Noto Sans TC","Indexwire Noto Sans HK",system-ui,sans-serif}
html:lang(zh-Hant-HK) body{line-height:1.7}
`;
}
