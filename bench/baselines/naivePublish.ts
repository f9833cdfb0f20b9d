import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * Naive republishing, for the news publish bench: each Markdown file's front matter parsed with yaml, duplicates
 * found by comparing every pair of bodies (word 3-shingle Jaccard >= 0.8, the rule news publish applies through
 * MinHash), a post written with yaml.stringify and a 50-word summary. No repair, no entity links.
 * @returns posts written.
 */
export function naivePublish(inputDir: string, outDir: string): number {
  mkdirSync(outDir, { recursive: true });
  const docs = readdirSync(inputDir).filter((f) => f.endsWith('.md')).sort().map((f) => {
    const text = readFileSync(join(inputDir, f), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    const fm = (m ? parse(m[1] as string) : {}) as Record<string, unknown>;
    const body = (m ? (m[2] as string) : text).trim();
    const words = body.toLowerCase().split(/\s+/).filter(Boolean);
    const shingles = new Set<string>();
    for (let i = 0; i + 3 <= words.length; i++) shingles.add(words.slice(i, i + 3).join(' '));
    return { f, fm, body, words, shingles };
  });
  const dup = new Set<number>();
  for (let i = 0; i < docs.length; i++) {
    for (let j = 0; j < i; j++) {
      if (dup.has(j)) continue;
      const a = docs[i]!.shingles;
      const b = docs[j]!.shingles;
      let inter = 0;
      for (const s of a) if (b.has(s)) inter++;
      const union = a.size + b.size - inter;
      if (union > 0 && inter / union >= 0.8) {
        dup.add(i);
        break;
      }
    }
  }
  let n = 0;
  docs.forEach((d, i) => {
    if (dup.has(i)) return;
    const summary = d.words.length > 50 ? `${d.body.split(/\s+/).slice(0, 50).join(' ')}...` : d.body.replace(/\s+/g, ' ');
    const fm = { title: String(d.fm.title ?? ''), date: String(d.fm.date ?? ''), summary, categories: ['rthk'], lang: ['en'], translations: ['en'], tags: ['rthk'] };
    writeFileSync(join(outDir, d.f), `---\n${stringify(fm)}---\n\n${d.body}\n\n[rthk](${String(d.fm.url ?? '')})\n`);
    n++;
  });
  return n;
}
