import type { CheckIssue, FactLedger, LedgerEntry, LinkedArticle, StoryLang } from '../../domain/story.js';
import { takeOutMoveFigures } from '../../domain/claimFigures.js';
import { escapeMarkdown } from '../render/escapeMarkdown.js';
import { allZhFacts, factHolds } from '../render/zhCatalystFacts.js';

/**
 * True when a catalyst text states a figure: a digit outside a year (1900-2099), or a number word before percent
 * or points. Such a text is never printed: the story's figures come from the data (news/why/figures.ts takes move
 * figures out of reported sentences before they get here).
 * @example FIGURE_IN_CLAIM('Hong Kong stocks up 3 percent') // true
 */
export function FIGURE_IN_CLAIM(text: string): boolean {
  const t = text.replace(/\b(?:19|20)\d\d\b/g, '');
  return /\d/.test(t) || /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\s*(?:percent|per cent|pc|pct|percentage points?|points?)\b/i.test(t);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * True when `part` (a reported clause: its first letter's case and its closing period aside) is one contiguous run
 * of `body`'s words once the body's move figures are taken out by the same rule as the news layer's
 * (domain/claimFigures.ts): nothing else may be skipped, added or reordered.
 * @example isContiguousClause('investors returned to news.', 'Shares rose as investors returned to news.') // true
 */
export function isContiguousClause(part: string, body: string): boolean {
  const core = norm(part).replace(/[.!?]$/, '');
  if (core === '') return false;
  const trimmed = norm(takeOutMoveFigures(norm(body), true));
  const rest = core.slice(1);
  for (let at = trimmed.indexOf(rest); at >= 0; at = trimmed.indexOf(rest, at + 1)) {
    const first = trimmed[at - 1] ?? '';
    const before = trimmed[at - 2];
    if (first.toLowerCase() === (core[0] ?? '').toLowerCase() && (before === undefined || !/[\p{L}\p{N}]/u.test(before))) return true;
  }
  return false;
}

/**
 * The checker for catalyst claims (ledger entries `catalyst.reported`, `catalyst.also` and `catalyst.quote`): each must come from one
 * of the story's linked articles, with that article's source and local date; a quote must be words the article
 * prints inside quotation marks, exactly; a reported clause must be one contiguous run of the article's words, only move figures taken out
 * (isContiguousClause), with no figure. In `text`, every span in quotation marks must be a recorded quote, and Chinese text must hold no English
 * sentence (five Latin words in a row; names such as DeepSeek or RTHK are one or two), and each Chinese fact of a
 * reported sentence (render/zhCatalystFacts.ts) must have the English words it stands for in a recorded clause.
 * @example checkCatalyst(ledger, [], 'en', 'RTHK reported that ...') // [{reason: 'catalyst.reported: article x is not among the linked articles', ...}]
 */
export function checkCatalyst(ledger: FactLedger, articles: readonly LinkedArticle[], lang: StoryLang, text: string): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const issue = (token: string, reason: string) => issues.push({ lang, token, offset: Math.max(0, text.indexOf(token)), reason });
  const byId = new Map(articles.map((a) => [a.article.id, a.article]));
  const entries = ledger.entries.filter((e) => e.id === 'catalyst.reported' || e.id === 'catalyst.also' || e.id === 'catalyst.quote');
  for (const e of entries) {
    const id = String(e.inputs?.articleId ?? '');
    const a = byId.get(id);
    const t = e.text ?? '';
    if (!a) {
      issue(t, `${e.id}: article ${id} is not among the linked articles`);
      continue;
    }
    if (e.inputs?.source !== a.source) issue(t, `${e.id}: source "${String(e.inputs?.source)}" is not the article's "${a.source}"`);
    const date = ledger.entries.find((d) => d.id === `${e.id}.date`);
    const local = a.publishedAt.slice(0, 10);
    if (!date || date.dateParts?.join('-') !== local.split('-').map(Number).join('-')) issue(t, `${e.id}: date is not the article's ${local}`);
    if (FIGURE_IN_CLAIM(t)) issue(t, `${e.id}: holds a figure`);
    const body = escapeMarkdown(norm(a.body));
    if (e.id === 'catalyst.quote') {
      const at = body.indexOf(t);
      if (at < 1 || !/["“]/.test(body[at - 1] as string)) issue(t, `${e.id}: not words inside quotation marks in the article`);
    } else if (!isContiguousClause(t, body)) issue(t, `${e.id}: not one contiguous clause of the article (move figures aside)`);
  }
  const quoted = new Set(entries.filter((e) => e.id === 'catalyst.quote').map((e) => e.text ?? ''));
  for (const m of text.matchAll(/"([^"\n]+)"/g)) {
    const inner = (m[1] ?? '').replace(/[.,]$/, '');
    if (lang === 'en' && !quoted.has(inner) && !isLedgerQuote(ledger.entries, m[1] ?? '')) issue(m[0], 'quotation not recorded as a quote of a linked article');
  }
  if (lang === 'zh-Hant') {
    // A Chinese fact of a catalyst sentence (one that says 報道) stands for English words: a recorded clause must hold them all.
    const clauses = entries.filter((e) => e.id !== 'catalyst.quote').map((e) => e.text ?? '');
    // What the report was about (`有關比亞迪的報道中，`) is the article's tie, not a fact of its clause: left out here.
    const reports = text.split(/(?<=。)/).filter((s) => s.includes('報道')).map((s) => s.replace(/有關[^，。]*?的報道中，/, '報道中，'));
    // One Chinese phrase may stand for several alternatives of English words: one of them must hold.
    const byZh = new Map<string, ReturnType<typeof allZhFacts>>();
    for (const f of allZhFacts()) byZh.set(f.zh, [...(byZh.get(f.zh) ?? []), f]);
    for (const [zh, fs] of byZh) {
      if (!reports.some((s) => s.includes(zh))) continue;
      if (!fs.some((f) => clauses.some((c) => factHolds(f, c)))) issue(zh, `catalyst fact "${zh}" needs ${fs.map((f) => `"${f.needs.join('", "')}"`).join(' or ')} in a reported clause`);
    }
    const english = /[A-Za-z][A-Za-z'’-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’-]*){4,}/.exec(text);
    if (english) issue(english[0], 'English sentence in Chinese text');
  }
  return issues;
}

/** Other quote entries (a headline quoted verbatim by an older plan) count as recorded. */
function isLedgerQuote(entries: readonly LedgerEntry[], s: string): boolean {
  return entries.some((e) => e.kind === 'quote' && e.text === s);
}
