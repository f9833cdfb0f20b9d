import type { SecurityId } from '../../core/units.js';
import type { EntityLink } from '../../domain/article.js';
import { PhraseMatcher } from './PhraseMatcher.js';
import { aliasPatterns, type AliasPattern } from './aliasPatterns.js';
import type { SecurityMaster } from './securityMasterSchema.js';

/** A link found in a text: offsets in UTF-16 code units, `end` exclusive. */
export interface TextLink {
  readonly securityId: SecurityId;
  readonly start: number;
  readonly end: number;
  /** The alias as written in the master (not as in the text). */
  readonly alias: string;
  readonly kind: 'name' | 'ticker';
}

/** How far back (code units) a year-like ticker form such as `(2015)` looks for its company's name. */
export const NAME_BEFORE_WINDOW = 24;

/**
 * Links the securities a text names, in one pass of an Aho-Corasick automaton built once from the master.
 * Rules, in order:
 * 1. case: short Latin aliases (up to 5 characters: NIO, Nio, BYD, JD, HSI) and ticker forms must match exactly;
 *    longer aliases ignore ASCII case;
 * 2. word boundaries: an alias that starts (ends) with a letter or digit may not touch another letter or digit
 *    on that side; Chinese aliases need no boundary;
 * 3. longest match wins among overlapping candidates (Alibaba Health over Alibaba, Hang Seng Bank over Hang Seng;
 *    blockers win and link nothing), leftmost first;
 * 4. context: year-like ticker forms (`(2015)`, `2015 HK`) link only after a name of the same security within
 *    NAME_BEFORE_WINDOW units. Bare numbers never link: tickers only in ticker syntax.
 * @example new EntityLinker(master).link('Alibaba Health (0241) rose') // [{securityId:'0241.HK', start:0, end:14, ...}, ...]
 */
export class EntityLinker {
  private readonly patterns: readonly AliasPattern[];
  private readonly matcher: PhraseMatcher;

  constructor(master: SecurityMaster) {
    this.patterns = aliasPatterns(master);
    this.matcher = new PhraseMatcher(this.patterns);
  }

  /** Number of patterns in the automaton (names, ticker forms, blockers). */
  get patternCount(): number {
    return this.patterns.length;
  }

  /** Links in `text`, ordered by start offset, non-overlapping. */
  link(text: string): TextLink[] {
    const out: TextLink[] = [];
    for (const m of this.matcher.match(text)) {
      const p = this.patterns[m.phrase]!;
      if (p.securityId === null) continue; // a blocker won the longest match
      if (p.needsNameBefore && !namedBefore(out, p.securityId, m.start)) continue;
      out.push({ securityId: p.securityId as SecurityId, start: m.start, end: m.end, alias: p.text, kind: p.kind === 'ticker' ? 'ticker' : 'name' });
    }
    return out;
  }

  /**
   * Links of an article, with offsets into `title + "\n\n" + body` (the EntityLink convention).
   */
  linkArticle(article: { readonly id: string; readonly title: string; readonly body: string }): EntityLink[] {
    return this.link(`${article.title}\n\n${article.body}`).map((l) => ({
      articleId: article.id,
      securityId: l.securityId,
      start: l.start,
      end: l.end,
      alias: l.alias,
    }));
  }

  /** The distinct securities a text names, in order of first mention. */
  securitiesIn(text: string): SecurityId[] {
    return [...new Set(this.link(text).map((l) => l.securityId))];
  }
}

function namedBefore(links: readonly TextLink[], id: string, start: number): boolean {
  for (let i = links.length - 1; i >= 0; i--) {
    const l = links[i]!;
    if (start - l.end > NAME_BEFORE_WINDOW) return false;
    if (l.securityId === id && l.kind === 'name') return true;
  }
  return false;
}
