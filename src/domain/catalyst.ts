/** Where a catalyst claim comes from: one real article. */
export interface ClaimSource {
  readonly articleId: string;
  readonly url: string | null;
  /** Publisher as the article gives it, e.g. `RTHK (Radio Television Hong Kong), English finance news`. */
  readonly source: string;
  readonly publishedAt: string;
  /** Local publication date, `YYYY-MM-DD`. */
  readonly localDate: string;
  /** What the article names: the story's own symbol, one of its movers, or its market. */
  readonly tie: 'symbol' | 'mover' | 'market';
  /** The symbol that ties it (the story's symbol, a mover, or the market benchmark). */
  readonly tiedTo: string;
}

/**
 * What the news said about a session's theme, chosen by the news layer (news/why/chooseCatalyst.ts) and written by
 * the story: a sentence of an article, reported (never quoted) and without figures, and optionally words the
 * article prints inside quotation marks, with the speaker it names.
 */
export interface CatalystClaim {
  readonly theme: { readonly id: string; readonly en: string; readonly zhHant: string };
  readonly reported: ClaimSource & {
    readonly text: string;
    /** False when the first word is an ordinary word the article also writes in lower case (`Shares`, `Financial`). */
    readonly opensWithName: boolean;
  };
  readonly quote: (ClaimSource & { readonly text: string; readonly speaker: string }) | null;
  /**
   * A second clause, from another article of the theme, when the first does not name the theme's key word (the
   * tariffs of a trade-war clause): null or absent otherwise.
   */
  readonly also?: (ClaimSource & { readonly text: string; readonly opensWithName: boolean }) | null;
}
