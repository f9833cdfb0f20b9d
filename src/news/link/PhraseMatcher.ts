import { AhoCorasick } from './AhoCorasick.js';

/** A phrase to find. `caseSensitive` phrases must match exactly; the others ignore ASCII case. */
export interface Phrase {
  readonly text: string;
  readonly caseSensitive: boolean;
}

/** A selected match: index of the phrase, offsets in UTF-16 code units (`end` exclusive). */
export interface PhraseMatch {
  readonly phrase: number;
  readonly start: number;
  readonly end: number;
}

const isWordUnit = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isWordUnitAt = (s: string, i: number): boolean => i >= 0 && i < s.length && isWordUnit(s.charCodeAt(i));

/**
 * Finds phrases in one pass (Aho-Corasick), then keeps the leftmost-longest non-overlapping matches.
 * Word boundaries: a phrase that starts (ends) with a letter or digit may not touch another letter or digit on
 * that side; CJK phrases need no boundary. Whitespace in the text matches any whitespace unit in the phrase.
 * @example new PhraseMatcher([{text:'Hang Seng',caseSensitive:false},{text:'Hang Seng Bank',caseSensitive:false}]).match('Hang Seng Bank') // [{phrase:1,start:0,end:14}]
 * @throws RangeError when a phrase is empty.
 */
export class PhraseMatcher {
  private readonly automaton: AhoCorasick;

  constructor(private readonly phrases: readonly Phrase[]) {
    this.automaton = new AhoCorasick(phrases.map((p) => p.text));
  }

  get size(): number {
    return this.phrases.length;
  }

  /** Selected matches, ordered by start. */
  match(text: string): PhraseMatch[] {
    const cands: PhraseMatch[] = [];
    const phrases = this.phrases;
    this.automaton.scan(text, (pi, end) => {
      const p = phrases[pi]!;
      const start = end - p.text.length;
      if (p.caseSensitive && text.slice(start, end) !== p.text) return;
      if (isWordUnit(p.text.charCodeAt(0)) && isWordUnitAt(text, start - 1)) return;
      if (isWordUnit(p.text.charCodeAt(p.text.length - 1)) && isWordUnitAt(text, end)) return;
      cands.push({ phrase: pi, start, end });
    });
    if (cands.length <= 1) return cands;
    cands.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: PhraseMatch[] = [];
    let lastEnd = -1;
    for (const c of cands) {
      if (c.start < lastEnd) continue;
      lastEnd = c.end;
      out.push(c);
    }
    return out;
  }
}
