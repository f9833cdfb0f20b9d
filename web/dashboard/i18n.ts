/**
 * The dashboard's two languages: English and Traditional Chinese (Hong Kong). Labels, security names, dates
 * and number formats follow the choice, which the browser remembers (localStorage). Every string the
 * dashboard shows is looked up here, so a third language is one more table.
 */
export type Lang = 'en' | 'zh-Hant';
export const LANGS: readonly Lang[] = ['en', 'zh-Hant'];
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', 'zh-Hant': '繁體中文' };
/** BCP 47 tag of the page in each language. */
export const HTML_LANG: Readonly<Record<Lang, string>> = { en: 'en', 'zh-Hant': 'zh-Hant-HK' };
const STORAGE_KEY = 'indexwire.lang';

const EN = {
  title: 'Indexwire desk',
  index: 'Index',
  session: 'Session',
  language: 'Language',
  indexLevel: 'Index level',
  constituents: 'Constituents',
  symbol: 'Symbol',
  name: 'Name',
  weight: 'Weight',
  price: 'Price',
  change: 'Change',
  contribution: 'Contribution (pts)',
  movers: 'Movers',
  gainers: 'Gainers',
  losers: 'Losers',
  news: 'News',
  searchNews: 'Search news',
  stories: 'Stories',
  liveStories: 'Live',
  noStories: 'No stories yet.',
  noscript: 'The dashboard needs JavaScript; the JSON API is at /api/openapi.json.',
  stale: ' (stale)',
  levelTitle: (code: string, engine: boolean) => `${code} level (${engine ? 'computed by the engine' : 'from the level file'})`,
  tracks: (t: string) => ` grey: ${t}, the series it tracks`,
  membersOn: (n: number, date: string, weights: boolean) => `${n} members on ${date}${weights ? '' : ' (no engine: weights unknown)'}`,
  asMuchAs: (pct: string) => `, as much as ${pct}`,
  points: (pts: string) => `, ${pts} pts`,
  breadth: (up: number, down: number, same: number) => `${up} up, ${down} down, ${same} unchanged`,
  equalWeights: 'points approximated with equal weights',
  enginePoints: 'points from the index engine',
  newsWeek: (n: number, date: string) => `${n} articles in the week to ${date}`,
  newsMatches: (n: number) => `${n} matches`,
  sourceLink: 'source',
  onDate: (date: string) => ` on ${date}`,
  live: (at: string) => ` live ${at}`,
  liveStatus: { connected: 'live: connected', closed: 'live: closed', off: 'live: off' } as Record<string, string>,
  storyFlash: 'Flash',
  storyUpdate: (version: number) => `Update (version ${version})`,
  couldNotLoad: (why: string) => `Could not load the desk: ${why}`,
};
type Strings = typeof EN;

const ZH: Strings = {
  title: 'Indexwire 指數台',
  index: '指數',
  session: '交易日',
  language: '語言',
  indexLevel: '指數走勢',
  constituents: '成分股',
  symbol: '代號',
  name: '名稱',
  weight: '比重',
  price: '價格',
  change: '變動',
  contribution: '點數貢獻',
  movers: '升跌幅最大',
  gainers: '升幅最大',
  losers: '跌幅最大',
  news: '新聞',
  searchNews: '搜尋新聞',
  stories: '報道',
  liveStories: '即時',
  noStories: '暫無報道。',
  noscript: '指數台需要JavaScript；JSON API 見 /api/openapi.json。',
  stale: '（停牌／無成交）',
  levelTitle: (code, engine) => `${code} 指數（${engine ? '由指數引擎計算' : '來自指數數據檔'}）`,
  tracks: (t) => ` 灰線：${t}（追蹤的指數）`,
  membersOn: (n, date, weights) => `${date} 共${n}隻成分股${weights ? '' : '（未接指數引擎，比重不詳）'}`,
  asMuchAs: (pct) => `，最多${pct}`,
  points: (pts) => `，${pts}點`,
  breadth: (up, down, same) => `${up}隻上升、${down}隻下跌、${same}隻不變`,
  equalWeights: '點數以等權重估算',
  enginePoints: '點數由指數引擎計算',
  newsWeek: (n, date) => `截至${date}一周共${n}篇新聞`,
  newsMatches: (n) => `${n}篇相符`,
  sourceLink: '來源',
  onDate: (date) => `（${date}）`,
  live: (at) => ` 即時 ${at}`,
  liveStatus: { connected: '即時：已連線', closed: '即時：已中斷', off: '即時：未啟用' },
  storyFlash: '快訊',
  storyUpdate: (version) => `更新（第${version}版）`,
  couldNotLoad: (why) => `未能載入指數台：${why}`,
};

/** Milestone types in words (chips, chart markers). */
const FACTS_ZH: Readonly<Record<string, string>> = {
  bull_market: '牛市',
  bear_market: '熊市',
  correction: '調整',
  all_time_high: '歷史高位',
  all_time_low: '歷史低位',
  highest_since: '自某日以來最高',
  lowest_since: '自某日以來最低',
  biggest_gain_since: '單日最大升幅',
  biggest_loss_since: '單日最大跌幅',
  best_week_since: '最佳一周',
  worst_week_since: '最差一周',
  streak: '連升／連跌',
  as_much_as: '盤中最多',
  period_high: '期間高位',
  period_low: '期間低位',
  closing_in: '逼近高位',
  round_number: '整數關口',
  volume: '成交量',
  member_move: '成分股急升／急跌',
  index_step: '指數急變',
};
const EVENTS_ZH: Readonly<Record<string, string>> = { entered: '進入', new: '新', snapped: '中止', exited: '結束', in: '處於' };
const PERIODS_ZH: Readonly<Record<string, string>> = { session: '個交易日', week: '周', '52w': '52周', year: '年度' };

let current: Lang = 'en';

/** The language the browser remembered, else the browser's preference (any Chinese → 繁體中文), else English. */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-Hant') return saved;
  } catch {
    // storage blocked: fall through
  }
  return /^zh\b/i.test(navigator.language) ? 'zh-Hant' : 'en';
}

/** Sets and remembers the language. */
export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // storage blocked: the choice lasts for this page
  }
}

export const lang = (): Lang => current;
/** The strings of the current language. */
export const t = (): Strings => (current === 'zh-Hant' ? ZH : EN);

/** Number format of the current language (the API keeps unrounded values). */
const formats = new Map<string, Intl.NumberFormat>();
export function nf(dp: number): Intl.NumberFormat {
  const key = `${current}|${dp}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(current === 'zh-Hant' ? 'zh-Hant-HK' : 'en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp })));
  return f;
}

/** A session date: `2025-02-07` in English (as the desk's tables print it), `2025年2月7日` in Chinese. */
export function fmtDate(iso: string): string {
  if (current === 'en') return iso;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** A fact type (and event, period) in words of the current language. */
export function factWords(type: string, event?: string, period?: string): string {
  if (current === 'en') return type.replace(/_/g, ' ');
  const base = FACTS_ZH[type] ?? type.replace(/_/g, ' ');
  const ev = event !== undefined && event !== 'in' ? (EVENTS_ZH[event] ?? event) : '';
  const per = period !== undefined && type !== 'streak' ? (PERIODS_ZH[period] ?? period) : '';
  return `${ev}${base}${per ? `（${per}）` : ''}`;
}

/** A security's name in the current language from the desk's name table (English when no Chinese name). */
export function securityName(names: Readonly<Record<string, { en: string; zhHant: string | null }>>, id: string, fallback: string): string {
  const n = names[id];
  if (current === 'zh-Hant') return n?.zhHant ?? fallback;
  return fallback;
}
