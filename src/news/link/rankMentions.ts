import type { TextLink } from './EntityLinker.js';

/** What the ranking needs to know about one article's mentions of one security. */
export interface MentionEvidence {
  /** Links found in `title + "\n\n" + body`. */
  readonly links: readonly TextLink[];
  /** Length of the title in UTF-16 units (links that end within it are title mentions). */
  readonly titleLength: number;
  /** Publication time, ms since the epoch. */
  readonly publishedMs: number;
}

/** The score of one article for one security, with its parts (so a reader can check the order). */
export interface MentionScore {
  readonly mentions: number;
  readonly inTitle: boolean;
  /** Offset of the first mention in the text (UTF-16 units). */
  readonly firstOffset: number;
  /** 3 for a title mention + 1 per mention (capped at 5) + 1 when the first mention is in the first 300 units. */
  readonly score: number;
}

/**
 * Scores how much an article is about `securityId`, or null when it does not mention it.
 * Rule: 3 if named in the title, + number of mentions (at most 5), + 1 if named in the first 300 characters.
 * @example scoreMention({links:[{securityId:'1810.HK',start:0,end:6,alias:'Xiaomi',kind:'name'}], titleLength: 12, publishedMs: 0}, '1810.HK')
 *   // { mentions: 1, inTitle: true, firstOffset: 0, score: 5 }
 */
export function scoreMention(e: MentionEvidence, securityId: string): MentionScore | null {
  const own = e.links.filter((l) => l.securityId === securityId);
  if (own.length === 0) return null;
  const inTitle = own.some((l) => l.end <= e.titleLength);
  const firstOffset = own[0]!.start;
  const score = (inTitle ? 3 : 0) + Math.min(own.length, 5) + (firstOffset < 300 ? 1 : 0);
  return { mentions: own.length, inTitle, firstOffset, score };
}

/**
 * Orders scored articles: higher score first, then later publication (closer to the move), then id.
 * @example rankByScore([{id:'a', score:2, publishedMs:1}, {id:'b', score:5, publishedMs:0}]).map(x => x.id) // ['b', 'a']
 */
export function rankByScore<T extends { readonly id: string; readonly score: number; readonly publishedMs: number }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => b.score - a.score || b.publishedMs - a.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
