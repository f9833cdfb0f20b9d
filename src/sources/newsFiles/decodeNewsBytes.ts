import { decodeCp1252 } from '../../news/repair/cp1252.js';

/** How a news file's bytes were read. */
export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'windows-1252' }
  | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a news file: UTF-8 (BOM allowed), else Windows-1252 for legacy files. Refuses binary data:
 * a NUL byte in the first 8 KiB, or more than 2% C0 control characters (other than tab, LF, CR, FF) or DEL.
 * @throws never; a refusal is `{ ok: false, reason }`.
 */
export function decodeNewsBytes(bytes: Uint8Array): DecodedText {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'binary file (NUL byte), not text' };
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeCp1252(bytes);
    encoding = 'windows-1252';
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) controls++;
  }
  if (text.length > 0 && controls / text.length > 0.02) {
    return { ok: false, reason: `binary file (${((controls / text.length) * 100).toFixed(1)}% control characters), not text` };
  }
  return { ok: true, text: text.replace(/^\ufeff/, ''), encoding };
}
