/** A span of one sentence that a story may report: the article's words, contiguous, in order. */
export interface ClauseSpan {
  /** The span as printed: a sentence's own end punctuation, or a period added where the span stops early. */
  readonly text: string;
  /** True when the span starts the sentence (it keeps the sentence's subject and main verb). */
  readonly fromStart: boolean;
  /** The span's main clause (up to its first clause or phrase boundary), for telling what it is about. */
  readonly head: string;
}

/** A conjunction that opens a clause of its own (`... rose as mainland investors returned ...`). */
const SUBORDINATOR = /,?\s(?:as|after|while|because|whereas|although|though|but)\s/g;
/**
 * Where a span may stop: before a subordinator, or before a phrase set off by a comma or led by a preposition of
 * cause (`, boosted by ...`, `, including 34 percent ...`, ` following ...`, ` amid ...`).
 */
const PHRASE_BREAK = /,\s(?=(?:boosted|dragged|weighed|led|helped|extending|adding|with|including|following|amid|ramping|fanning|sending|raising|which|who|prompting|sparking|citing)\b)|\s(?=(?:following|amid)\s)/g;
/** A finite verb near a clause's start: a past form not led by a determiner or an adverb, or an auxiliary. */
const FINITE = /^(?:\S+\s){0,7}?(?:(?<!\b(?:the|a|an|its|their|his|her|[a-z]+ly)\s)[a-z-]+ed|is|are|was|were|has|have|had|will|would|could|may|might|says|said|rose|fell|sank|slid|hit|saw|made|led|took|came|grew|won|shed|lost|kept)\b/;

/**
 * The spans of a sentence a story may report (docs/stories.md, "The catalyst"): a span starts at the sentence's
 * start or right after a subordinator that opens a finite clause (`as mainland investors returned ...` gives
 * `mainland investors returned ...`), and ends at the sentence's end or at a clause or phrase boundary after its
 * start (then a period is added). Nothing is taken out in between: every span is contiguous in the article.
 * @example clauseSpans('Shares rose as investors returned to news of a chatbot.').map((c) => c.text)
 *   // ['Shares rose.', 'Shares rose as investors returned to news of a chatbot.', 'investors returned to news of a chatbot.']
 */
export function clauseSpans(sentence: string): ClauseSpan[] {
  const s = sentence.trim();
  const ends: number[] = [];
  const starts: number[] = [0];
  for (const m of s.matchAll(SUBORDINATOR)) {
    const at = m.index ?? 0;
    ends.push(at);
    const from = at + m[0].length;
    if (FINITE.test(s.slice(from))) starts.push(from);
  }
  for (const m of s.matchAll(PHRASE_BREAK)) ends.push(m.index ?? 0);
  ends.push(s.length);
  const sortedEnds = [...new Set(ends)].sort((a, b) => a - b);
  const out: ClauseSpan[] = [];
  for (const from of starts) {
    const headEnd = sortedEnds.find((e) => e > from) ?? s.length;
    for (const to of sortedEnds) {
      if (to <= from) continue;
      const raw = s.slice(from, to).replace(/[,;:\s]+$/, '');
      const text = to === s.length ? raw : `${raw.replace(/[.!?]$/, '')}.`;
      if (text.split(/\s+/).length < 4) continue;
      out.push({ text, fromStart: from === 0, head: s.slice(from, headEnd) });
    }
  }
  return out;
}

/** A word that points back to an earlier sentence (`That comes as ...`, `It said ...`, `Such moves ...`). */
const ANAPHOR = /^(?:that|this|these|those|it|its|they|their|he|she|his|her|such)\b/i;

/**
 * True when the span opens with a word that refers back to an earlier sentence of the article: lifted out alone
 * into a story, it would point at nothing (`RTHK reported that that comes as part of a risk-off mode ...`).
 * @example opensWithAnaphor('That comes as part of a risk-off mode.') // true
 * @example opensWithAnaphor('Hong Kong stocks sank.') // false
 */
export function opensWithAnaphor(span: string): boolean {
  return ANAPHOR.test(span.trimStart());
}
