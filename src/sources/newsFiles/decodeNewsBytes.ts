import { decodeCp1252 } from '../../news/repair/cp1252.js';

/** How a news file's bytes were read. */
export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a news file: UTF-8 (BOM allowed), else Windows-1252 for legacy files. A `declaredCharset` (an HTTP
 * Content-Type charset such as Big5 or GBK) is used first when the bytes are valid in it; UTF-8 and the Latin
 * code pages keep the default order. Refuses binary data: a NUL byte in the first 8 KiB, or more than 2% C0
 * control characters (other than tab, LF, CR, FF) or DEL.
 * `encoding` is the WHATWG name of the decoder used ('utf-8', 'windows-1252', 'big5', 'gbk', ...).
 * @throws never; a refusal is `{ ok: false, reason }`.
 */
export function decodeNewsBytes(bytes: Uint8Array, declaredCharset?: string): DecodedText {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'binary file (NUL byte), not text' };
  let text: string | null = declaredCharset === undefined ? null : decodeDeclared(bytes, declaredCharset);
  let encoding = text === null ? 'utf-8' : new TextDecoder(declaredCharset).encoding;
  if (text === null) {
    try {
      text = utf8.decode(bytes);
    } catch {
      text = decodeCp1252(bytes);
      encoding = 'windows-1252';
    }
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

/** The text in a declared charset other than UTF-8/Latin, or null (unknown label, a Latin/UTF-8 one, or invalid bytes). */
function decodeDeclared(bytes: Uint8Array, label: string): string | null {
  let d: TextDecoder;
  try {
    d = new TextDecoder(label.trim(), { fatal: true });
  } catch {
    return null; // not a charset the platform knows
  }
  if (d.encoding === 'utf-8' || d.encoding === 'windows-1252') return null; // the default order covers them (Latin-1 labels map to windows-1252)
  try {
    return d.decode(bytes);
  } catch {
    return null;
  }
}
