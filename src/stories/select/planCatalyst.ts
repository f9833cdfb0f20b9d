import type { CatalystClaim, ClaimSource } from '../../domain/catalyst.js';
import type { MemberSession } from '../../domain/story.js';
import { escapeMarkdown } from '../render/escapeMarkdown.js';
import type { LedgerBuilder } from '../ledger/LedgerBuilder.js';
import { FIGURE_IN_CLAIM } from '../ledger/checkCatalyst.js';
import type { CatalystLine } from './planTypes.js';

/**
 * `RTHK (Radio Television Hong Kong), English finance news` -> `RTHK`, escaped for the story's Markdown (a feed's
 * title is untrusted text: `<img onerror=...>` or `[x](javascript:...)` must stay inert, issue 15).
 */
export function shortSourceName(source: string): string {
  const s = source.split(/\s*[(,]/)[0]?.trim() ?? '';
  return escapeMarkdown(s === '' ? source.trim() : s);
}

/**
 * The catalyst paragraph's plan: the claim the news layer chose (news/why/chooseCatalyst.ts: the top theme of the
 * window's news and what its heaviest article said), each part recorded in the ledger with its article, date and
 * exact text, so the checker (ledger/checkCatalyst.ts) can find it in the article. Never a cause of its own: null
 * without a claim. A claim whose text holds a figure is dropped (the news layer takes figures out; a figure left
 * could contradict the story's own), the quote alone when only it does.
 */
export function planCatalyst(claim: CatalystClaim | null | undefined, session: string, members: readonly MemberSession[] | null, ledger: LedgerBuilder): CatalystLine | null {
  if (!claim || FIGURE_IN_CLAIM(claim.reported.text)) return null;
  const r = claim.reported;
  const record = (part: 'reported' | 'quote' | 'also', c: ClaimSource & { text: string; speaker?: string }, field: string) => ({
    text: ledger.add({
      id: `catalyst.${part}`, kind: 'quote', value: Date.parse(c.publishedAt), dp: 0, text: escapeMarkdown(c.text),
      source: { series: `article:${c.articleId}`, session: c.publishedAt, field, computation: `from ${c.url ?? c.articleId} (${c.source})` },
      inputs: { articleId: c.articleId, source: c.source, localDate: c.localDate, ...(c.url ? { url: c.url } : {}), ...(c.speaker ? { speaker: c.speaker } : {}) },
    }),
    date: ledger.addDate(`catalyst.${part}.date`, c.localDate, `article:${c.articleId}`, 'local publication date of the article'),
    sameDay: c.localDate === session,
  });
  const subjectNames = r.tie === 'mover' ? members?.find((m) => m.symbol === r.tiedTo)?.names ?? null : null;
  const q = claim.quote && !FIGURE_IN_CLAIM(claim.quote.text) ? claim.quote : null;
  const also = claim.also && !FIGURE_IN_CLAIM(claim.also.text) ? claim.also : null;
  return {
    source: shortSourceName(r.source),
    theme: claim.theme,
    reported: { ...record('reported', r, 'body sentence, reported without quotation marks (move figures taken out)'), opensWithName: r.opensWithName, subject: { tie: r.tie, names: subjectNames } },
    also: also ? { ...record('also', also, 'body sentence of a second article of the theme, reported without quotation marks (move figures taken out)'), source: shortSourceName(also.source), opensWithName: also.opensWithName } : null,
    quote: q ? { ...record('quote', q, 'words inside quotation marks in the body'), speaker: escapeMarkdown(q.speaker), sameArticle: q.articleId === r.articleId } : null,
    themes: [claim.theme.id],
  };
}
