import { bandKeys, estimateJaccard } from './minhash.js';

/** What dedupe needs of an article. */
export interface DedupeKey {
  readonly id: string;
  /** Canonical URL or null. */
  readonly url: string | null;
  readonly publishedMs: number;
  /** minhashSignature of title + body, or undefined when unknown. */
  readonly minhash?: string | undefined;
  /** Characters of body text; near-duplicate matching needs MIN_NEAR_DUP_CHARS on both sides. */
  readonly textLength: number;
}

/**
 * Estimated Jaccard similarity of word 3-shingles at or above which two texts are near-duplicates.
 * Measured on the RTHK corpus: the most similar distinct articles (daily "stocks close higher" templates
 * with different figures) reach 0.56; a one-word edit or an added credit line on a 70-word item stays above 0.9.
 */
export const MIN_NEAR_DUP_JACCARD = 0.8;
/** Texts shorter than this are only matched by URL (a headline-only item has too few shingles to judge). */
export const MIN_NEAR_DUP_CHARS = 200;

export interface DuplicateMatch {
  /** The earliest article of its group. */
  readonly duplicateOf: string;
  readonly reason: 'url' | 'near-duplicate';
  /** Estimated Jaccard similarity (1 for a URL match). */
  readonly similarity: number;
}

/**
 * Groups duplicates and keeps the earliest: articles are taken in publication order (ties by id), each is
 * compared with the originals kept so far; one with the same canonical URL, or an estimated shingle Jaccard
 * of at least MIN_NEAR_DUP_JACCARD (both texts at least MIN_NEAR_DUP_CHARS long), is linked to the most
 * similar original. Candidates come from MinHash LSH bands, so the cost is about linear.
 * Returns the duplicates only: id -> match. Every link points at an original (never at a duplicate).
 * @example findDuplicates([{id:'a',url:'u',publishedMs:2,textLength:0},{id:'b',url:'u',publishedMs:1,textLength:0}])
 * // Map { 'a' => { duplicateOf: 'b', reason: 'url', similarity: 1 } }
 * @throws RangeError for a malformed signature.
 */
export function findDuplicates(keys: readonly DedupeKey[]): Map<string, DuplicateMatch> {
  const order = [...keys].sort((a, b) => a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byUrl = new Map<string, string>();
  const bands = new Map<string, DedupeKey[]>();
  const out = new Map<string, DuplicateMatch>();
  const seen = new Set<string>();
  for (const k of order) {
    if (seen.has(k.id)) continue;
    seen.add(k.id);
    const urlHit = k.url !== null ? byUrl.get(k.url) : undefined;
    if (urlHit !== undefined) {
      out.set(k.id, { duplicateOf: urlHit, reason: 'url', similarity: 1 });
      continue;
    }
    const sig = k.minhash;
    const nearOk = sig !== undefined && k.textLength >= MIN_NEAR_DUP_CHARS;
    const keysOfSig = nearOk ? bandKeys(sig) : [];
    let best: { id: string; similarity: number } | null = null;
    const tried = new Set<string>();
    for (const bk of keysOfSig) {
      for (const c of bands.get(bk) ?? []) {
        if (tried.has(c.id)) continue;
        tried.add(c.id);
        const j = estimateJaccard(sig as string, c.minhash as string);
        if (j >= MIN_NEAR_DUP_JACCARD && (best === null || j > best.similarity)) best = { id: c.id, similarity: j };
      }
    }
    if (best !== null) {
      out.set(k.id, { duplicateOf: best.id, reason: 'near-duplicate', similarity: best.similarity });
      continue;
    }
    if (k.url !== null) byUrl.set(k.url, k.id);
    for (const bk of keysOfSig) {
      const list = bands.get(bk);
      if (list) list.push(k);
      else bands.set(bk, [k]);
    }
  }
  return out;
}
