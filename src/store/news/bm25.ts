import { BM25_B, BM25_K1 } from './NewsStore.js';

/**
 * Okapi BM25 term weight, the formula both stores use (DuckDB computes the same in SQL):
 * idf = ln(1 + (N - df + 0.5) / (df + 0.5)); weight = idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)).
 * @param docs N, documents in the index; @param df documents containing the term; @param tf term count in this
 * document; @param docLen its length in tokens; @param avgDocLen mean length.
 * @example bm25Weight(10, 1, 1, 10, 10) // ln(1 + 9.5/1.5) * 1*2.2/(1+1.2) = ln(7.333..) = 1.99243...
 * @throws never (0 for an empty index).
 */
export function bm25Weight(docs: number, df: number, tf: number, docLen: number, avgDocLen: number): number {
  if (docs === 0 || df === 0 || tf === 0 || avgDocLen === 0) return 0;
  const idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
  return (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * docLen) / avgDocLen));
}

/** Scores are compared at 1e-9 so that float summation order cannot reorder ties between stores. */
export const roundScore = (x: number): number => Math.round(x * 1e9) / 1e9;
