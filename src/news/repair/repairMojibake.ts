import { CP1252_HIGH } from './cp1252.js';

/**
 * Repairs mojibake: UTF-8 bytes that were decoded as Windows-1252 or Latin-1, possibly twice
 * ("â€”" -> "—", "Ã©" -> "é", "Ã¢â‚¬â€œ" -> "–").
 *
 * Method: find every run of characters that spells a UTF-8 multi-byte sequence once each character is
 * mapped back to its Windows-1252 (or Latin-1) byte: a lead byte 0xC2-0xF4 followed by the right number of
 * continuation bytes 0x80-0xBF. Each such run that decodes as valid UTF-8 is replaced by its decoding; a
 * run that does not decode is left alone, so legitimate accented text ("café", "naïve — ok") is kept.
 * The pass repeats (at most `maxPasses`) until nothing changes, which undoes double encoding.
 *
 * @example repairMojibake('Rally â€” Update') // 'Rally — Update'
 * @throws never; text that is not mojibake is returned unchanged.
 */
export function repairMojibake(text: string, maxPasses = 3): string {
  let out = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    if (!SUSPECT_RE.test(out)) break;
    const next = out.replace(SEQUENCE_RE, decodeRun);
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Unicode code point -> the byte it came from, for both Windows-1252 and Latin-1 readings. */
const BYTE_OF = new Map<number, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(b, b); // Latin-1: identity (0x80-0x9F are C1 controls)
CP1252_HIGH.forEach((cp, i) => BYTE_OF.set(cp, 0x80 + i)); // Windows-1252 printable forms

const esc = (cp: number): string => `\\u${cp.toString(16).padStart(4, '0')}`;
const CONT_CLASS = `[${[...BYTE_OF.entries()].filter(([, b]) => b >= 0x80 && b <= 0xbf).map(([cp]) => esc(cp)).join('')}]`;
/** Continuation bytes 0x80-0x9F in their Windows-1252 printable forms (’ ” – — … € ...), not Latin-1 code points. */
const CP1252_CONT_CLASS = `[${CP1252_HIGH.filter((cp) => cp > 0xff).map(esc).join('')}]`;
/**
 * Lead bytes: 0xC2-0xDF (2 bytes), 0xE0-0xEF (3), 0xF0-0xF4 (4); as Latin-1/cp1252 they are U+00C2-U+00F4.
 * Two-byte runs led by Ä-ß (U+00C4-U+00DF) with a cp1252 punctuation continuation right after an ASCII letter are
 * correct text, not mojibake: "NESTLÉ’s" (É’ = C9 92 would decode to "ɒ"), "“CAFÉ”". Runs led by Â/Ã always repair.
 */
const SEQUENCE_RE = new RegExp(
  `[\\u00c2\\u00c3]${CONT_CLASS}|(?<![A-Za-z])[\\u00c4-\\u00df]${CONT_CLASS}|[\\u00c4-\\u00df](?!${CP1252_CONT_CLASS})${CONT_CLASS}` +
    `|[\\u00e0-\\u00ef]${CONT_CLASS}{2}|[\\u00f0-\\u00f4]${CONT_CLASS}{3}`,
  'g',
);
const SUSPECT_RE = new RegExp(`[\\u00c2-\\u00f4]${CONT_CLASS}`);

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeRun(run: string): string {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const cp = run.charCodeAt(i);
    const b = BYTE_OF.get(cp) ?? cp; // lead bytes U+00C2-U+00F4 are identical in both code pages
    bytes[i] = b;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return run;
  }
}
