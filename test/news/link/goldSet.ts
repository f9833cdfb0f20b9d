import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';

// Same paths as test/support/sharedData.ts, without importing vitest (the benchmark reads this file too).
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const NEWS_DATA = resolve(process.env.INDEXWIRE_SHARED ?? resolve(REPO_ROOT, '../shared'), 'data/news/rthk_finance_en');

/** One hand-labelled article: which securities of the master it mentions (title and body). */
export interface GoldEntry {
  readonly file: string;
  readonly securities: readonly string[];
  readonly note?: string;
}

export const GOLD: readonly GoldEntry[] = JSON.parse(readFileSync(join(REPO_ROOT, 'test/news/gold.json'), 'utf8')) as GoldEntry[];

/** Title and body of an RTHK Markdown article, read with gray-matter (front matter stripped). */
export function readRthkArticle(file: string): { title: string; body: string } {
  const parsed = matter(readFileSync(join(NEWS_DATA, file), 'utf8'));
  const title = typeof parsed.data.title === 'string' ? parsed.data.title : '';
  return { title, body: parsed.content.trim() };
}

/** Micro-averaged precision and recall of predicted security sets against the gold sets. */
export function microScores(pairs: readonly { gold: readonly string[]; predicted: readonly string[] }[]): {
  truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number;
} {
  let tp = 0, fp = 0, fn = 0;
  for (const { gold, predicted } of pairs) {
    const g = new Set(gold), p = new Set(predicted);
    for (const x of p) (g.has(x) ? tp++ : fp++);
    for (const x of g) if (!p.has(x)) fn++;
  }
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}
