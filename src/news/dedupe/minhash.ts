/** Permutations in a signature. 128 gives a standard error of about 0.035 on a Jaccard of 0.8. */
export const MINHASH_SIZE = 128;
/** LSH banding used to find candidates: 32 bands of 4 values (a pair at Jaccard 0.8 shares a band with p > 0.999999). */
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;

/** Words for shingling: lower-cased runs of letters and digits (Unicode), so numbers count. */
export function shingleWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * MinHash signature (Broder 1997) of the text's word 3-shingles, as 128 x 8 = 1024 hex digits.
 * Permutation i of a shingle hashes to fmix32(h1 + i * h2) with h1, h2 two FNV-1a hashes of the shingle
 * (Kirsch-Mitzenmacher double hashing). The share of equal positions in two signatures estimates the
 * Jaccard similarity of the shingle sets (estimateJaccard). Texts of fewer than 3 words use the words as they are.
 * @example estimateJaccard(minhashSignature('a b c d'), minhashSignature('A b, c d.')) // 1
 * @throws never.
 */
export function minhashSignature(text: string, shingleSize = 3): string {
  const words = shingleWords(text);
  const mins = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const n = Math.max(1, words.length - shingleSize + 1);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const shingle = shingleSize === 3 && words.length >= 3
      ? `${words[i] as string} ${words[i + 1] as string} ${words[i + 2] as string}`
      : words.slice(i, i + shingleSize).join(' ');
    if (seen.has(shingle)) continue;
    seen.add(shingle);
    const h1 = fnv1a32(shingle, 0x811c9dc5);
    const h2 = fnv1a32(shingle, 0x050c5d1f) | 1;
    let h = h1;
    for (let p = 0; p < MINHASH_SIZE; p++) {
      const v = fmix32(h);
      if (v < (mins[p] as number)) mins[p] = v;
      h = (h + h2) >>> 0;
    }
  }
  let out = '';
  for (const v of mins) out += v.toString(16).padStart(8, '0');
  return out;
}

/**
 * Estimated Jaccard similarity of two signatures: equal positions / MINHASH_SIZE (0..1).
 * @throws RangeError when a signature is not 1024 hex digits.
 */
export function estimateJaccard(a: string, b: string): number {
  if (a.length !== MINHASH_SIZE * 8 || b.length !== MINHASH_SIZE * 8) throw new RangeError('not a minhash signature (1024 hex digits)');
  let same = 0;
  for (let i = 0; i < a.length; i += 8) if (a.startsWith(b.slice(i, i + 8), i)) same++;
  return same / MINHASH_SIZE;
}

/** The LSH band keys of a signature (band index prefixed, so bands never collide with each other). */
export function bandKeys(sig: string): string[] {
  const keys: string[] = [];
  const width = LSH_ROWS * 8;
  for (let b = 0; b < LSH_BANDS; b++) keys.push(`${b}:${sig.slice(b * width, (b + 1) * width)}`);
  return keys;
}

function fnv1a32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finaliser: spreads every input bit over the output. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
