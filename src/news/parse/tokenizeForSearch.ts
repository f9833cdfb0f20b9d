/** English words too common to help ranking; not indexed and dropped from queries. */
const STOPWORDS = new Set(
  ('a an and are as at be been but by for from had has have he her his i if in into is it its of on or our ' +
    'she so than that the their them then there these they this those to was we were which who will with you')
    .split(' '),
);

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const HAN_RE = /\p{Script=Han}/u;

/**
 * Search tokens of a text: NFKC, lower case, runs of letters and digits; English stopwords dropped;
 * a light plural stemmer ("S-stemmer", Harman 1991: tariffs -> tariff, companies -> company, not "us"/"ss");
 * runs of Chinese characters become overlapping bigrams (one character alone stays a unigram).
 * The same function tokenizes documents and queries, so both sides agree.
 * @example tokenizeForSearch("Tariffs hit the companies' shares") // ['tariff', 'hit', 'company', 'share']
 * @throws never.
 */
export function tokenizeForSearch(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(TOKEN_RE)) {
    const w = m[0];
    if (HAN_RE.test(w)) {
      pushHan(w, out);
      continue;
    }
    if (STOPWORDS.has(w)) continue;
    out.push(stemPlural(w));
  }
  return out;
}

function stemPlural(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && !w.endsWith('eies') && !w.endsWith('aies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('es') && !/(?:aes|ees|oes)$/.test(w)) return w.slice(0, -1);
  if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function pushHan(run: string, out: string[]): void {
  // split mixed runs (Han + Latin/digits) into Han and non-Han parts
  for (const part of run.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
    if (!HAN_RE.test(part)) {
      if (!STOPWORDS.has(part)) out.push(stemPlural(part));
      continue;
    }
    const chars = [...part];
    if (chars.length === 1) out.push(part);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
}

/** Term frequencies of a document for the index: title tokens count twice (a title hit ranks higher). */
export function documentTerms(title: string, body: string): { terms: Map<string, number>; length: number } {
  const tokens = [...tokenizeForSearch(title), ...tokenizeForSearch(title), ...tokenizeForSearch(body)];
  const terms = new Map<string, number>();
  for (const t of tokens) terms.set(t, (terms.get(t) ?? 0) + 1);
  return { terms, length: tokens.length };
}
