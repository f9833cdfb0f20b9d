import { hammingDistance64 } from './simhash64.js';

/** What dedupe needs of an article. */
export interface DedupeKey {
  readonly id: string;
  /** Canonical URL or null. */
  readonly url: string | null;
  readonly publishedMs: number;
  /** 16 hex digits (simhash64 of title + body), or undefined when unknown. */
  readonly simhash?: string | undefined;
  /** Characters of body text; near-duplicate matching needs MIN_NEAR_DUP_CHARS on both sides. */
  readonly textLength: number;
}

/** SimHashes at most this many bits apart are near-duplicates (Manku, Jain & Das Sarma 2007 use 3 of 64). */
export const MAX_NEAR_DUP_BITS = 3;
/** Texts shorter than this are only matched by URL (a headline-only item has too few shingles to judge). */
export const MIN_NEAR_DUP_CHARS = 200;

export interface DuplicateMatch {
  /** The earliest article of its group. */
  readonly duplicateOf: string;
  readonly reason: 'url' | 'near-duplicate';
  /** Differing SimHash bits (0 for a URL match). */
  readonly bits: number;
}

/**
 * Groups duplicates and keeps the earliest: articles are taken in publication order (ties by id), each is
 * compared with the originals kept so far; one with the same canonical URL, or a SimHash within
 * MAX_NEAR_DUP_BITS (both texts at least MIN_NEAR_DUP_CHARS long), is linked to that original.
 * Near neighbours are found through four 16-bit bands of the SimHash (pigeonhole: any pair within
 * 3 bits shares a band), so the cost is about linear.
 * Returns the duplicates only: id -> match. Every link points at an original (never at a duplicate).
 * @example findDuplicates([{id:'a',url:'u',publishedMs:2,textLength:0},{id:'b',url:'u',publishedMs:1,textLength:0}])
 * // Map { 'a' => { duplicateOf: 'b', reason: 'url', bits: 0 } }
 * @throws RangeError for a malformed simhash.
 */
export function findDuplicates(keys: readonly DedupeKey[]): Map<string, DuplicateMatch> {
  const order = [...keys].sort((a, b) => a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byUrl = new Map<string, string>();
  const bands: Map<string, DedupeKey[]>[] = [new Map(), new Map(), new Map(), new Map()];
  const out = new Map<string, DuplicateMatch>();
  const seen = new Set<string>();
  for (const k of order) {
    if (seen.has(k.id)) continue;
    seen.add(k.id);
    const urlHit = k.url !== null ? byUrl.get(k.url) : undefined;
    if (urlHit !== undefined) {
      out.set(k.id, { duplicateOf: urlHit, reason: 'url', bits: 0 });
      continue;
    }
    const sim = k.simhash;
    const nearOk = sim !== undefined && k.textLength >= MIN_NEAR_DUP_CHARS;
    let best: { id: string; bits: number } | null = null;
    if (nearOk) {
      for (let b = 0; b < 4; b++) {
        for (const c of bands[b]?.get(sim.slice(b * 4, b * 4 + 4)) ?? []) {
          const bits = hammingDistance64(sim, c.simhash as string);
          if (bits <= MAX_NEAR_DUP_BITS && (best === null || bits < best.bits)) best = { id: c.id, bits };
        }
      }
    }
    if (best !== null) {
      out.set(k.id, { duplicateOf: best.id, reason: 'near-duplicate', bits: best.bits });
      continue;
    }
    if (k.url !== null) byUrl.set(k.url, k.id);
    if (nearOk) {
      for (let b = 0; b < 4; b++) {
        const key = sim.slice(b * 4, b * 4 + 4);
        const list = bands[b]?.get(key);
        if (list) list.push(k);
        else bands[b]?.set(key, [k]);
      }
    }
  }
  return out;
}
