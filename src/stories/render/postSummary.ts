/** Words in a post's summary (the seed's: the body's first 50 words, then "..."). */
export const SUMMARY_WORDS = 50;

/** A word: one Han or kana character (scripts written without spaces, counted as Hugo counts CJK), or a run of other non-space characters; CJK punctuation is not a word. */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff65]+/gu;

/**
 * The seed's summary of a body: its first `words` words with whitespace collapsed, followed by "..." when the
 * body has more. A Chinese or Japanese character counts as a word.
 * @example postSummary('a  b\n\nc', 2) // 'a b...'
 * @example postSummary('恒指升1.2%，收報21,133點。', 3) // '恒指升...'
 * @throws never.
 */
export function postSummary(text: string, words = SUMMARY_WORDS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  WORD.lastIndex = 0;
  let n = 0;
  for (let m = WORD.exec(flat); m !== null; m = WORD.exec(flat)) {
    if (n === words) return `${flat.slice(0, m.index).trimEnd()}...`;
    n++;
  }
  return flat;
}
