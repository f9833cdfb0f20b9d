import { roundHalfUp } from '../../core/format.js';
import type { LedgerEntry, StoryLang } from '../../domain/story.js';

/** Intl locales of each story language. */
export const LOCALE: Readonly<Record<StoryLang, string>> = { en: 'en-US', 'zh-Hant': 'zh-Hant-HK' };

/** Number, percent and date formats of one language, always from a ledger entry (the one rounding place). */
export interface Formatters {
  /** Magnitude at the entry's decimals: `5,150.35`. */
  num(e: LedgerEntry): string;
  /** Magnitude as percent: `2.9%`. */
  pct(e: LedgerEntry): string;
  /** `January 13` / `1月13日`. */
  dayMonth(e: LedgerEntry): string;
  /** `October 7, 2024` / `2024年10月`; `October` / `10月` when the year is `omitYear`. */
  monthYear(e: LedgerEntry, omitYear?: number): string;
  /** `January 2015` / `2015年1月`: a month, never the day (where the data begin). */
  month(e: LedgerEntry): string;
  /** `Friday` / `星期五`. */
  weekday(e: LedgerEntry): string;
  /** A "since" date: `February 4` within the session's year, else `October 7, 2024` (en) / `2024年10月` (zh-Hant). */
  since(e: LedgerEntry, sessionYear: number | undefined): string;
  /** `2024` / `2024年`. */
  year(e: LedgerEntry): string;
  /** Joins names: `A, B and C` / `A、B及C`. */
  list(items: readonly string[]): string;
}

const cache = new Map<StoryLang, Formatters>();

/** `make()` on the first call, the same value after. */
function lazy<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= make());
}

/** The formatters of `lang` (cached; Intl objects are costly to build). */
export function formattersFor(lang: StoryLang): Formatters {
  const have = cache.get(lang);
  if (have) return have;
  const loc = LOCALE[lang];
  const nf = new Map<number, Intl.NumberFormat>();
  const numberFormat = (dp: number) => {
    let f = nf.get(dp);
    if (!f) nf.set(dp, (f = new Intl.NumberFormat(loc, { minimumFractionDigits: dp, maximumFractionDigits: dp })));
    return f;
  };
  // each date format is built on first use: a DateTimeFormat costs milliseconds (ICU's pattern generator), and a
  // story uses a few of the ten of its two languages
  const dm = lazy(() => new Intl.DateTimeFormat(loc, { month: 'long', day: 'numeric', timeZone: 'UTC' }));
  // English names a date of another year in full ("October 7, 2024"): exact, AP style, and never read as
  // "October 20" + "24" by a number checker. Chinese keeps month granularity (2024年10月).
  const my = lazy(() => new Intl.DateTimeFormat(loc, lang === 'en'
    ? { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' }));
  const mo = lazy(() => new Intl.DateTimeFormat(loc, { month: 'long', timeZone: 'UTC' }));
  const mY = lazy(() => new Intl.DateTimeFormat(loc, { month: 'long', year: 'numeric', timeZone: 'UTC' }));
  const wd = lazy(() => new Intl.DateTimeFormat(loc, { weekday: 'long', timeZone: 'UTC' }));
  const dateOf = (e: LedgerEntry) => {
    const [y, m, d] = e.dateParts ?? [];
    return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  };
  const num = (e: LedgerEntry) => numberFormat(e.dp).format(roundHalfUp(Math.abs(e.value), e.dp));
  const f: Formatters = {
    num,
    pct: (e) => `${num(e)}%`,
    dayMonth: (e) => dm().format(dateOf(e)),
    monthYear: (e, omitYear) => ((e.dateParts?.[0] ?? 0) === omitYear ? mo() : my()).format(dateOf(e)),
    month: (e) => mY().format(dateOf(e)),
    weekday: (e) => wd().format(dateOf(e)),
    since: (e, y) => (e.dateParts?.[0] === y ? dm().format(dateOf(e)) : my().format(dateOf(e))),
    year: (e) => (lang === 'en' ? String(e.dateParts?.[0]) : `${e.dateParts?.[0]}年`),
    list: (items) => {
      if (items.length <= 1) return items.join('');
      const head = items.slice(0, -1);
      const last = items[items.length - 1] as string;
      return lang === 'en' ? `${head.join(', ')} and ${last}` : `${head.join('、')}及${last}`;
    },
  };
  cache.set(lang, f);
  return f;
}
