import chardet from 'chardet';
import iconv from 'iconv-lite';
import { decodeCp1252 } from '../../news/repair/cp1252.js';

/** How a news file's bytes were read. */
export type DecodedText =
  | {
    readonly ok: true;
    readonly text: string;
    /** The charset used, as iconv-lite names it ('utf-8', 'big5-hkscs', 'gb18030', 'utf-16le', 'windows-1252', ...). */
    readonly encoding: string;
    /** Why: 'byte-order mark', 'HTTP Content-Type', 'XML declaration', 'HTML meta', 'valid UTF-8', 'detected …', … */
    readonly reason: string;
    /** Problems met while decoding (invalid sequences repaired), one line each. */
    readonly warnings: readonly string[];
  }
  | { readonly ok: false; readonly reason: string };

/** Declared labels read as the superset that decoders and browsers use (WHATWG): a Hong Kong Big5 page often has HKSCS characters. */
const SUPERSET: Readonly<Record<string, string>> = {
  big5: 'big5-hkscs', 'x-x-big5': 'big5-hkscs', cp950: 'big5-hkscs', gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030',
  cp936: 'gb18030', 'iso-8859-1': 'windows-1252', 'latin1': 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252',
  'shift-jis': 'shift_jis', sjis: 'shift_jis', 'x-sjis': 'shift_jis', 'euc-kr': 'cp949', ks_c_5601_1987: 'cp949',
  'utf-16': 'utf-16le', 'utf-32': 'utf-32le', 'iso-10646-ucs-2': 'utf-16le', 'ucs-2': 'utf-16le',
};
/** Detector results trusted without a declaration (multi-byte and Cyrillic code pages; Latin guesses are weak). */
const DETECTABLE = new Set(['big5', 'gb18030', 'shift_jis', 'euc-jp', 'euc-kr', 'koi8-r', 'windows-1251', 'iso-2022-jp', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be']);

/** The charset name iconv-lite should use for a declared label, or null when it does not know it. */
export function charsetFor(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = SUPERSET[l] ?? l;
  if (name === 'utf8' || name === 'utf-8') return 'utf-8';
  return iconv.encodingExists(name) ? name : null;
}

/**
 * Decodes a news file, choosing the charset in this order (docs/news-ingest.md, "Charsets"):
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); 2. the transport's charset (`declaredCharset`, from an
 * HTTP Content-Type) when fetched; 3. the XML declaration or an HTML `<meta charset>`; 4. valid UTF-8 as it is;
 * 5. detection from the bytes (chardet) when invalid UTF-8 is not rare (fewer than 4 valid multi-byte sequences
 * per invalid one) and the detector is sure
 * (Big5, GB18030, Shift_JIS, EUC-JP/KR, KOI8-R, Windows-1251); 6. UTF-8 with each invalid sequence read as
 * Windows-1252 (legacy bytes) and a warning, so one bad byte never re-decodes the genuine UTF-8 around it.
 * Declared Big5 is read as Big5-HKSCS and GB2312/GBK as GB18030 (supersets). Decoding uses iconv-lite.
 * Refuses binary data: a NUL byte in the first 8 KiB (after a UTF-16/32 check), or more than 2% control characters.
 * @throws never; a refusal is `{ ok: false, reason }`.
 */
export function decodeNewsBytes(bytes: Uint8Array, declaredCharset?: string): DecodedText {
  const chosen = chooseCharset(bytes, declaredCharset);
  const warnings: string[] = [...chosen.warnings];
  let text: string;
  if (chosen.text !== undefined) {
    text = chosen.text;
  } else if (chosen.encoding === 'utf-8') {
    const r = decodeUtf8Repairing(bytes.subarray(chosen.bomLength));
    text = r.text;
    if (r.invalid > 0) {
      warnings.push(`${r.invalid} invalid UTF-8 sequence(s) read as Windows-1252 (first at line ${r.firstLine})`);
    }
  } else {
    if (bytes.subarray(0, 8192).includes(0) && !/^utf-(16|32)/.test(chosen.encoding)) return { ok: false, reason: 'binary file (NUL byte), not text' };
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), chosen.encoding, { stripBOM: true });
    const bad = (text.match(/\ufffd/g) ?? []).length;
    if (bad > 0) warnings.push(`${bad} byte sequence(s) not valid in ${chosen.encoding} became U+FFFD`);
  }
  if (chosen.encoding === 'utf-8' && bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (NUL byte), not text' };
  let controls = 0;
  for (let i = CONTROL.test(text) ? 0 : text.length; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) controls++;
  }
  if (text.length > 0 && controls / text.length > 0.02) {
    return { ok: false, reason: `binary file (${((controls / text.length) * 100).toFixed(1)}% control characters), not text` };
  }
  return { ok: true, text: text.replace(/^\ufeff/, ''), encoding: chosen.encoding, reason: chosen.reason, warnings };
}

interface Choice {
  /** The text when choosing already decoded it (valid UTF-8, by the platform's decoder). */
  readonly text?: string;
  readonly encoding: string;
  readonly reason: string;
  readonly bomLength: number;
  readonly warnings: string[];
}

function chooseCharset(bytes: Uint8Array, declaredCharset: string | undefined): Choice {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf) return { encoding: 'utf-8', reason: 'byte-order mark', bomLength: 3, warnings: [] };
  let strict: string | null | undefined; // the bytes as strict UTF-8, decoded once (natively) when first asked
  const asUtf8 = (): string | null => (strict === undefined ? (strict = strictUtf8(bytes)) : strict);
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) return { encoding: 'utf-32le', reason: 'byte-order mark', bomLength: 4, warnings: [] };
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) return { encoding: 'utf-32be', reason: 'byte-order mark', bomLength: 4, warnings: [] };
  if (b(0) === 0xff && b(1) === 0xfe) return { encoding: 'utf-16le', reason: 'byte-order mark', bomLength: 2, warnings: [] };
  if (b(0) === 0xfe && b(1) === 0xff) return { encoding: 'utf-16be', reason: 'byte-order mark', bomLength: 2, warnings: [] };
  const warnings: string[] = [];
  if (declaredCharset !== undefined && declaredCharset.trim() !== '') {
    const c = charsetFor(declaredCharset);
    if (c) return { encoding: c, reason: 'HTTP Content-Type', bomLength: 0, warnings };
    warnings.push(`unknown charset "${declaredCharset}" in Content-Type, ignored`);
  }
  // "<?" without a BOM in UTF-16/32 (XML 1.0 appendix F)
  if (b(0) === 0 && b(1) === 0 && b(2) === 0 && b(3) === 0x3c) return { encoding: 'utf-32be', reason: 'XML declaration', bomLength: 0, warnings };
  if (b(0) === 0x3c && b(1) === 0 && b(2) === 0 && b(3) === 0) return { encoding: 'utf-32le', reason: 'XML declaration', bomLength: 0, warnings };
  if (b(0) === 0x3c && b(1) === 0 && b(2) === 0x3f && b(3) === 0) return { encoding: 'utf-16le', reason: 'XML declaration', bomLength: 0, warnings };
  if (b(0) === 0 && b(1) === 0x3c && b(2) === 0 && b(3) === 0x3f) return { encoding: 'utf-16be', reason: 'XML declaration', bomLength: 0, warnings };
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1');
  const xmlAt = head.indexOf('<?xml');
  const xmlDecl = xmlAt >= 0 && xmlAt <= 512 ? /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head.slice(xmlAt))?.[1] : undefined;
  const meta = xmlDecl === undefined && /<meta/i.test(head)
    ? (/<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head)?.[1])
    : undefined;
  const label = xmlDecl ?? meta;
  if (label !== undefined) {
    const c = charsetFor(label);
    // a UTF-16 label on bytes we are reading as ASCII-compatible is a mislabel: the declaration itself was 8-bit
    if (c && !/^utf-(16|32)/.test(c)) {
      const valid = c === 'utf-8' ? asUtf8() : null;
      if (c !== 'utf-8' || valid !== null) {
        return { ...(valid !== null ? { text: valid } : {}), encoding: c, reason: xmlDecl !== undefined ? 'XML declaration' : 'HTML meta', bomLength: 0, warnings };
      }
      warnings.push(`declared ${label} but the bytes are not valid UTF-8`);
    } else if (!c) warnings.push(`unknown charset "${label}" declared, ignored`);
  }
  const valid = asUtf8();
  if (valid !== null) return { text: valid, encoding: 'utf-8', reason: /[^\u0000-\u007f]/.test(valid) ? 'valid UTF-8' : 'ASCII', bomLength: 0, warnings };
  const stats = utf8Stats(bytes);
  if (stats.multibyte < 4 * stats.invalid) {
    const best = chardet.analyse(bytes)[0];
    const name = best ? charsetFor(best.name) : null;
    if (best && name && best.confidence >= 50 && DETECTABLE.has(best.name.toLowerCase())) {
      const enc = SUPERSET[best.name.toLowerCase()] ?? name;
      return { encoding: enc, reason: `detected (chardet, confidence ${best.confidence}%)`, bomLength: 0, warnings };
    }
  }
  return { encoding: 'utf-8', reason: 'UTF-8, invalid sequences read as Windows-1252', bomLength: 0, warnings };
}

/** Length of the valid UTF-8 sequence at `i` (Unicode table 3-7), or 0 when the byte there starts none. */
function seqLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const c = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const x = bytes[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return c(1) ? 2 : 0;
  if (b0 === 0xe0) return c(1, 0xa0) && c(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return c(1) && c(2) ? 3 : 0;
  if (b0 === 0xed) return c(1, 0x80, 0x9f) && c(2) ? 3 : 0;
  if (b0 === 0xf0) return c(1, 0x90) && c(2) && c(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return c(1) && c(2) && c(3) ? 4 : 0;
  if (b0 === 0xf4) return c(1, 0x80, 0x8f) && c(2) && c(3) ? 4 : 0;
  return 0;
}

function utf8Stats(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0, invalid = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = seqLength(bytes, i);
    if (n === 0) {
      invalid++;
      i++;
    } else {
      multibyte++;
      i += n;
    }
  }
  return { multibyte, invalid };
}

const utf8 = new TextDecoder('utf-8');
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters that do not occur in text (tab, LF, FF and CR excepted). */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** UTF-8 where each run of invalid bytes is read as Windows-1252; counts the runs and the line of the first. */
export function decodeUtf8Repairing(bytes: Uint8Array): { text: string; invalid: number; firstLine: number } {
  const parts: string[] = [];
  let start = 0, invalid = 0, firstLine = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = seqLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    let j = i + 1;
    while (j < bytes.length && bytes[j]! >= 0x80 && seqLength(bytes, j) === 0) j++;
    if (invalid === 0) firstLine = 1 + bytes.subarray(0, i).reduce((k, x) => k + (x === 10 ? 1 : 0), 0);
    invalid++;
    parts.push(utf8.decode(bytes.subarray(start, i)), decodeCp1252(bytes.subarray(i, j)));
    start = i = j;
  }
  if (invalid === 0) return { text: utf8.decode(bytes), invalid: 0, firstLine: 0 };
  parts.push(utf8.decode(bytes.subarray(start)));
  return { text: parts.join(''), invalid, firstLine };
}
