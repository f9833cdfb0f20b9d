/** Words for shingling: lower-cased runs of letters and digits (Unicode), so numbers count. */
export function shingleWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * 64-bit SimHash (Charikar 2002) of the text's word 3-shingles, as 16 hex digits. Each shingle is hashed to
 * 64 bits (two 32-bit FNV-1a variants); bit i of the result is set when more shingles have bit i set than not.
 * Near-duplicates differ in few bits (see hammingDistance64; the ingest threshold is documented there).
 * Texts of fewer than 3 words use the words as they are.
 * @example simhash64('a b c d') === simhash64('A b, c d.') // true
 * @throws never.
 */
export function simhash64(text: string, shingleSize = 3): string {
  const words = shingleWords(text);
  const counts = new Int32Array(64);
  const n = Math.max(1, words.length - shingleSize + 1);
  for (let i = 0; i < n; i++) {
    const shingle = words.slice(i, i + shingleSize).join(' ');
    const hi = fnv1a32(shingle, 0x811c9dc5);
    const lo = fnv1a32(shingle, 0x050c5d1f);
    for (let b = 0; b < 32; b++) {
      counts[b] = (counts[b] as number) + ((hi >>> b) & 1 ? 1 : -1);
      counts[32 + b] = (counts[32 + b] as number) + ((lo >>> b) & 1 ? 1 : -1);
    }
  }
  let hi = 0, lo = 0;
  for (let b = 0; b < 32; b++) {
    if ((counts[b] as number) > 0) hi |= 1 << b;
    if ((counts[32 + b] as number) > 0) lo |= 1 << b;
  }
  return hex8(hi) + hex8(lo);
}

/**
 * Number of differing bits between two 16-hex-digit SimHashes (0..64).
 * @throws RangeError when either value is not 16 hex digits.
 */
export function hammingDistance64(a: string, b: string): number {
  if (!HEX16.test(a) || !HEX16.test(b)) throw new RangeError(`not a 64-bit hex simhash: "${a}" / "${b}"`);
  return popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) +
    popcount32(parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16));
}

const HEX16 = /^[0-9a-f]{16}$/;

function fnv1a32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // final avalanche (murmur3 fmix32) so nearby strings spread over all bits
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function popcount32(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}
