/**
 * How "weird" a piece of text looks: the measured score that decides whether an encoding repair is made
 * (docs/news-ingest.md, "Repair"). Correct text in any language scores 0 almost always; mojibake scores > 0.
 * A repair is kept only when it lowers the score of the text around it, so text that merely *decodes* as UTF-8
 * ("NESTLÉ®", "été »") is never touched. The rules are our own, measured on the RTHK corpus and on the ftfy
 * project's public regression cases (counts in docs/news-ingest.md).
 */

/** cp1252 printable forms of bytes 0x80-0x9F (the five undefined bytes excluded). */
export const CP1252_SPECIALS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
/** What a UTF-8 continuation byte 0x80-0xBF looks like when read as Windows-1252 or Latin-1. */
const CONT = `\\u0080-\\u009f${CP1252_SPECIALS}\\u00a0-\\u00bf`;
/** Continuation look-alikes that rarely follow a letter in real text (no quotes, dashes, ©, ®, °, «, », ·, NBSP). */
const RARE_AFTER_LETTER = `\\u0080-\\u009f‚ƒ„†‡ˆ‰Š‹ŒŽ˜™š›œžŸ‘“¡¢£¤¥¦§¨ª«¬\\u00ad¯°±²³´µ¶¸¹º»¼½¾¿`;
/** Continuation look-alikes that end words in real text ("Brontë…”", "lá´´"): two of them after a lead are not enough. */
const WORD_END = `’”…–—»«\\u00a0•`;
const CYRILLIC = '\\u0400-\\u04ff';
const CJK = '\\u2e80-\\u9fff\\uac00-\\ud7af';

interface Rule {
  readonly name: string;
  readonly re: RegExp;
  readonly weight: number;
}

/** Each rule names one pattern that correct text almost never has. */
export const BADNESS_RULES: readonly Rule[] = [
  { name: 'C1 control character', re: /[\u0080-\u009f]/g, weight: 3 },
  // Â or Ã before a continuation look-alike: UTF-8 of U+0080-U+00FF read as cp1252 ("Ã©" for é, "Â£" for £)
  // not "Ã’s" (an apostrophe), nor a no-break space after a capital ("MISUTÂ AJIKKO", romaji)
  { name: 'Â/Ã before a symbol', re: new RegExp(`[\\u00c2\\u00c3](?!’s\\b)(?!\\u00a0)[${CONT}]|(?<![A-Z])[\\u00c2\\u00c3]\\u00a0`, 'g'), weight: 2 },
  // a 3-byte UTF-8 lead (à-ï) before two continuation look-alikes ("â€™" for ’, "ä¸­" for 中); "é »" is French
  { name: '3-byte sequence look-alike', re: new RegExp(`[\\u00e0-\\u00ef](?![\\u00a0«»])(?![${WORD_END}]{2})(?!(.)\\1)[${CONT}][${CONT}]`, 'g'), weight: 2 },
  { name: '4-byte sequence look-alike', re: new RegExp(`[\\u00f0-\\u00f4][${CONT}]{3}`, 'g'), weight: 2 },
  // other 2-byte leads (Ä-ß) before a symbol that does not follow letters ("Å‚" for ł, "Ñ‚" for т)
  { name: 'accented capital before a rare symbol', re: new RegExp(`[\\u00c4-\\u00d6\\u00d8-\\u00df][${RARE_AFTER_LETTER}]`, 'g'), weight: 1 },
  // × (D7, the Hebrew lead) before cp1252 punctuation ("×‘" for ב); "5×£35", "“×”" and "4288×…" are correct
  { name: '× before cp1252 punctuation', re: /\u00d7[\u0080-\u009f€‚ƒ„†‡ˆ‰Š‹ŒŽ‘’“•–—˜™š›œžŸ]/g, weight: 1 },
  // a lost last byte: "â€" then U+FFFD (a closing quote whose 0x9D was undefined in cp1252)
  { name: 'â€ before U+FFFD', re: /\u00e2\u20ac\ufffd/g, weight: 2 },
  // à (C3 A0) whose A0 became a plain space: "voilÃ ", "Ã  la"
  { name: 'Ã with a lost no-break space', re: /[a-z\u00e0-\u00ff]\u00c3 |[A-Z]\u00c3 (?=[a-z])|\u00c3 {2}|(?:^|[\s'’(])\u00c3 (?=[a-z])/g, weight: 2 },
  // UTF-8 read as Windows-1251: Р/С (the D0/D1 lead bytes) before a symbol or letter that no Russian, Ukrainian or
  // Serbian word puts there ("Рџ" for П, "СЂ" for р; not dashes, quotes, №, °, ©, і, ї, ј: "Р—а", "С°", "Сіль"),
  // and "вЂ" (E2 80: ’ “ ” – —)
  { name: 'Р/С before a Windows-1251 symbol', re: /[\u0420\u0421][\u0402\u0403\u0453\u0409\u040a\u040c\u040b\u040f\u0452\u0459\u045a\u045c\u045b\u045f\u040e\u045e\u0405\u0455\u20ac\u2030\u2020\u2021\u2122\u00a4\u00a6\u00a7\u00ac\u00ad\u00b1\u00b5\u00b6]/g, weight: 2 },
  { name: 'вЂ (Windows-1251 punctuation mojibake)', re: /\u0432\u0402/g, weight: 2 },
  { name: 'replacement character', re: /\ufffd/g, weight: 1 },
  { name: 'lower-case accented letter between capitals', re: /\p{Lu}(?![a-z])(?=\p{Script=Latin})\p{Ll}\p{Lu}|\p{Lu}{2}(?![a-z])(?=\p{Script=Latin})\p{Ll}(?!\p{L})/gu, weight: 1 },
  { name: 'phonetic extension letter', re: /[\u1d00-\u1dbf]/g, weight: 1 },
  // Greek letters inside Latin words are normal in science ("IL2Rγc"); Cyrillic ones are not
  { name: 'Latin letter touching Cyrillic', re: new RegExp(`[A-Za-z][${CYRILLIC}]|[${CYRILLIC}][A-Za-z]`, 'g'), weight: 1 },
  { name: 'Hebrew or Arabic touching a Latin letter', re: /[A-Za-z][\u0590-\u06ff]|[\u0590-\u06ff][A-Za-z]/g, weight: 1 },
  { name: 'IPA letter', re: /[\u0250-\u02af]/g, weight: 1 },
  { name: 'accented Latin touching CJK', re: new RegExp(`[\\u00c0-\\u00ff][${CJK}]|[${CJK}][\\u00c0-\\u00ff]`, 'g'), weight: 2 },
];

/**
 * The badness score: the weighted count of weird patterns (BADNESS_RULES). 0 for "It’s 5% up — 恒生".
 * @example textBadness('Itâ€™s') // 2 ("â€™" is a 3-byte sequence look-alike)
 * @throws never.
 */
export function textBadness(text: string): number {
  let score = 0;
  for (const r of BADNESS_RULES) {
    r.re.lastIndex = 0;
    const m = text.match(r.re);
    if (m) score += m.length * r.weight;
  }
  return score;
}
