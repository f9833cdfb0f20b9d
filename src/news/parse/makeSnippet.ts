import { tokenizeForSearch } from './tokenizeForSearch.js';

/**
 * A short extract of `text` around the first word whose search token is one of `terms` (so "tariffs"
 * matches the query "tariff"), cut at word boundaries, with "…" where text was cut. Without a hit, the
 * start of the text.
 * @param maxChars approximate length of the extract in UTF-16 code units (default 200).
 * @example makeSnippet("Stocks fell. New tariffs hit exporters hard.", ["tariff"], 20) // "… New tariffs hit…"
 * @throws never.
 */
export function makeSnippet(text: string, terms: readonly string[], maxChars = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const wanted = new Set(terms);
  let hit = -1;
  for (const m of flat.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (tokenizeForSearch(m[0]).some((t) => wanted.has(t))) {
      hit = m.index ?? 0;
      break;
    }
  }
  if (flat.length <= maxChars) return flat;
  let start = hit < 0 ? 0 : Math.max(0, hit - Math.floor(maxChars / 4));
  if (start > 0) {
    const sp = flat.indexOf(' ', start);
    start = sp < 0 || sp > hit ? start : sp + 1;
  }
  let end = Math.min(flat.length, start + maxChars);
  if (end < flat.length) {
    const sp = flat.lastIndexOf(' ', end);
    if (sp > start) end = sp;
  }
  return `${start > 0 ? '… ' : ''}${flat.slice(start, end).replace(/[\s,;:]+$/, '')}${end < flat.length ? '…' : ''}`;
}
