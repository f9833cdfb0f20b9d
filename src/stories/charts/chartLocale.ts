import type { StoryLang } from '../../domain/story.js';

/** The words and formats of a chart in one story language (titles, annotations, axes, dates, numbers). */
export interface ChartLocale {
  /** Intl locale of the chart's numbers: `5,150.35` in both (Hong Kong financial pages group by thousands). */
  readonly numberLocale: string;
  /** A session date: `Jan 13, 2025` / `2025年1月13日`. */
  date(iso: string): string;
  /** An x-axis tick; undefined keeps Observable Plot's English ticks. */
  readonly xTick?: (d: Date) => string;
  indexTitle(name: string, date: string): string;
  /** Reference low or high of a regime: `low Jan 13, 2025: 4,221.92` / `低位 2025年1月13日：4,221.92`. */
  reference(kind: 'low' | 'high', date: string, value: string): string;
  /** The regime threshold line: `+20%: 5,066.30` / `+20%：5,066.30`. */
  threshold(signedPct: string, value: string): string;
  high52w(date: string, value: string): string;
  contributionTitle(date: string, replicaCode: string | null): string;
  readonly pointsAxis: string;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const parts = (iso: string) => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))] as const;

const EN: ChartLocale = {
  numberLocale: 'en-US',
  date: (iso) => {
    const [y, m, d] = parts(iso);
    return `${MONTHS_EN[m - 1]} ${d}, ${y}`;
  },
  indexTitle: (name, date) => `${name}, close to ${date}`,
  reference: (kind, date, value) => `${kind} ${date}: ${value}`,
  threshold: (pct, value) => `${pct}: ${value}`,
  high52w: (date, value) => `52w high ${date}: ${value}`,
  contributionTitle: (date, replica) => (replica ? `Points added in replica ${replica}, ${date}` : `Points added to the index, ${date}`),
  pointsAxis: 'index points',
};

const ZH_HANT: ChartLocale = {
  numberLocale: 'zh-Hant-HK',
  date: (iso) => {
    const [y, m, d] = parts(iso);
    return `${y}年${m}月${d}日`;
  },
  // January ticks carry the year (2025年), other month starts the month (3月), other days month and day.
  xTick: (d) => (d.getUTCDate() !== 1 ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : d.getUTCMonth() === 0 ? `${d.getUTCFullYear()}年` : `${d.getUTCMonth() + 1}月`),
  indexTitle: (name, date) => `${name}收市走勢（至${date}）`,
  reference: (kind, date, value) => `${kind === 'low' ? '低位' : '高位'} ${date}：${value}`,
  threshold: (pct, value) => `${pct}：${value}`,
  high52w: (date, value) => `52週高位 ${date}：${value}`,
  contributionTitle: (date, replica) => (replica ? `成分股點數貢獻（複製指數${replica}，${date}）` : `成分股對指數點數貢獻（${date}）`),
  pointsAxis: '指數點數',
};

/** The chart locale of a story language. */
export function chartLocale(lang: StoryLang): ChartLocale {
  return lang === 'zh-Hant' ? ZH_HANT : EN;
}

const formats = new Map<string, Intl.NumberFormat>();

/** A cached Intl number format with exactly `dp` decimals, or up to `-dp` decimals when `dp` is negative. */
export function numberFormat(locale: string, dp: number): Intl.NumberFormat {
  const key = `${locale}|${dp}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, dp >= 0 ? { minimumFractionDigits: dp, maximumFractionDigits: dp } : { maximumFractionDigits: -dp })));
  return f;
}
