/** Permutations in a signature. 128 gives a standard error of about 0.035 on a Jaccard of 0.8. */
export const MINHASH_SIZE = 128;
/** LSH banding used to find candidates: 32 bands of 4 values (a pair at Jaccard 0.8 shares a band with p > 0.999999). */
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;

/** Words for shingling: lower-cased runs of letters and digits (Unicode), so numbers count. */
export function shingleWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Permutation i maps a 32-bit shingle hash x to (A[i] * x + B[i]) mod 2^32: a bijection (A[i] odd), fixed seeds. */
const PERM_A = new Uint32Array(MINHASH_SIZE);
const PERM_B = new Uint32Array(MINHASH_SIZE);
{
  let state = 0x2545f491;
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  for (let i = 0; i < MINHASH_SIZE; i++) {
    PERM_A[i] = fmix32(next()) | 1;
    PERM_B[i] = fmix32(next());
  }
}

/**
 * MinHash signature (Broder 1997) of the text's word 3-shingles, as 128 x 8 = 1024 hex digits.
 * Each word is hashed once (FNV-1a); a shingle's hash mixes its three word hashes (murmur3 finaliser); permutation i
 * maps it to (A[i] * x + B[i]) mod 2^32 and keeps the minimum. The share of equal positions in two signatures
 * estimates the Jaccard similarity of the shingle sets (estimateJaccard). Texts of 1 or 2 words use them as one shingle.
 * @example estimateJaccard(minhashSignature('a b c d'), minhashSignature('A b, c d.')) // 1
 * @throws never.
 */
export function minhashSignature(text: string): string {
  const words = shingleWords(text);
  const hw = new Uint32Array(Math.max(3, words.length));
  for (let i = 0; i < words.length; i++) hw[i] = fnv1a32(words[i] as string, 0x811c9dc5);
  const mins = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const n = Math.max(1, words.length - 2);
  for (let i = 0; i < n; i++) {
    const x = fmix32(Math.imul(hw[i] as number, 0x9e3779b1) ^ Math.imul(hw[i + 1] as number, 0x85ebca77) ^ Math.imul(hw[i + 2] as number, 0xc2b2ae3d));
    for (let p = 0; p < MINHASH_SIZE; p++) {
      const v = (Math.imul(PERM_A[p] as number, x) + (PERM_B[p] as number)) >>> 0;
      if (v < (mins[p] as number)) mins[p] = v;
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
