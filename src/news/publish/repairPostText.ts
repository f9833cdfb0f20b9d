import { repairEncoding } from '../repair/repairEncoding.js';

/**
 * The repair a republished text gets, and nothing more: mojibake repaired where the measured badness drops
 * (repairEncoding, the news layer's repair), Unicode NFC, and whitespace: CRLF/CR -> LF, zero-width characters
 * and soft hyphens removed, NBSP and other Unicode spaces -> space, runs of spaces inside a line collapsed,
 * trailing spaces cut, at most one blank line between paragraphs, no blank lines at either end. Quotes, dashes
 * and every other character stay as the publisher wrote them (unlike normalizeText, which also straightens
 * quotes for search and linking). Entities are not touched: the format parser decoded them once, and a
 * Markdown body keeps its own character references, which its renderer decodes once.
 * Indentation at a line start is kept (it means something in Markdown).
 * @example repairPostText('Itâ€™s “up”\u00a0 now\r\n\r\n\r\nok  ') // 'It’s “up” now\n\nok'
 * @throws never.
 */
export function repairPostText(text: string): string {
  let s = repairEncoding(text).text.normalize('NFC');
  s = s.replace(/\r\n?/g, '\n').replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
  s = s.replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v]/g, ' ');
  s = s
    .split('\n')
    .map((line) => line.replace(/(\S)[ \t]{2,}(?=\S)/g, '$1 ').trimEnd())
    .join('\n');
  return s.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}

/**
 * repairPostText for one-line fields (headlines): line breaks and runs of spaces become one space, ends trimmed.
 * @example repairPostLine('DeepSeek Rally â€” Update\n') // 'DeepSeek Rally — Update'
 * @throws never.
 */
export function repairPostLine(text: string): string {
  return repairPostText(text).replace(/\s+/g, ' ').trim();
}
