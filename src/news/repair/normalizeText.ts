import { repairEncoding } from './repairEncoding.js';

/**
 * The text clean-up every article field goes through, in this order:
 * 1. mojibake repaired where the result is clearly more plausible (repairEncoding, a measured badness score),
 * 2. (no entity decoding: the format parser decoded entities once, so "&amp;amp;" written by a publisher stays "&amp;"),
 * 3. quotes made straight (‘ ’ ‚ ‛ ′ -> ', “ ” „ ‟ ″ -> "), 4. whitespace normalised: CRLF/CR -> LF,
 *    NBSP and other Unicode spaces -> space, zero-width characters and soft hyphens removed, runs of spaces
 *    collapsed, lines trimmed, at most one blank line between paragraphs, no leading/trailing blank lines.
 * Unicode is put in NFC form.
 * @example normalizeText('  Itâ€™s\u00a0 up\r\n\r\n\r\n“ok”  ') // 'It\'s up\n\n"ok"'
 * @throws never.
 */
export function normalizeText(text: string): string {
  let s = repairEncoding(text).text;
  s = s.normalize('NFC');
  s = s.replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"');
  s = s.replace(/\r\n?/g, '\n');
  s = s.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
  s = s.replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v]/g, ' ');
  s = s.replace(/ {2,}/g, ' ');
  s = s.split('\n').map((line) => line.trim()).join('\n');
  s = s.replace(/\n{3,}/g, '\n\n');
  return s.trim();
}

/** normalizeText for one-line fields (titles, names): newlines become spaces. @throws never. */
export function normalizeLine(text: string): string {
  return normalizeText(text).replace(/\s*\n+\s*/g, ' ');
}
