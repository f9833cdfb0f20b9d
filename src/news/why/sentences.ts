/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Inc|Co|Corp|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|approx)|\b[A-Z](?:\.[A-Z])*)\.$/;

/**
 * The paragraphs of an article body: blank-line separated, whitespace collapsed, without the agency credit that
 * closes many wire paragraphs (`(AFP)`, `(Agencies)`, `(additional reporting by Reuters)`) and without rule lines
 * and "Last updated" footers.
 * @example articleParagraphs('One. (AFP)\n\nTwo.') // ['One.', 'Two.']
 */
export function articleParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .map((p) => p.replace(/\s*\((?:[^()]*\b(?:reporting|Agencies|AFP|Reuters|Xinhua|AP|Bloomberg|CNS)\b[^()]*)\)\s*$/i, '').trim())
    .filter((p) => p !== '' && !/^_+$/.test(p) && !/^Last updated/i.test(p));
}

/**
 * Splits a paragraph into sentences at `.`, `!` or `?` (and a closing quotation mark after it) followed by a space
 * and a capital letter or an opening quotation mark; abbreviations (U.S., Mr., Feb.) and decimals do not split.
 * @example splitSentences('Shares rose 0.6 percent. The U.S. Fed held.') // ['Shares rose 0.6 percent.', 'The U.S. Fed held.']
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["”’]?(?=\s+["“‘]?[A-Z])/g;
  for (const m of paragraph.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].length;
    const candidate = paragraph.slice(start, end);
    if (m[0][0] === '.' && ABBREVIATIONS.test(paragraph.slice(start, (m.index ?? 0) + 1))) continue;
    out.push(candidate.trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}
