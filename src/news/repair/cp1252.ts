/**
 * Windows-1252 bytes 0x80-0x9F as Unicode code points (Unicode's CP1252.TXT). The five undefined bytes
 * (81 8D 8F 90 9D) map to the C1 control of the same number, as lenient decoders do.
 */
export const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes Windows-1252 bytes. Written out because Node 20's `TextDecoder('windows-1252')` reads
 * 0x80-0x9F as Latin-1 C1 controls (0x93 gives U+0093, not “).
 * @example decodeCp1252(Uint8Array.of(0x93, 0x41, 0x94)) // '“A”'
 * @throws never.
 */
export function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const cps = new Array<number>(chunk.length);
    for (let j = 0; j < chunk.length; j++) {
      const b = chunk[j] as number;
      cps[j] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b;
    }
    out += String.fromCharCode(...cps);
  }
  return out;
}
