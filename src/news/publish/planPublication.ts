import { findDuplicates, type DedupeKey } from '../dedupe/findDuplicates.js';

/** An article offered for publication (dedupe view). */
export interface PublishCandidate extends DedupeKey {
  /** Where it was read from (file, `feed.xml#item2`, URL, or the store). */
  readonly origin: string;
}

/** A post already in the output folder (dedupe view of the article it republishes). */
export interface ExistingPostKey extends DedupeKey {
  readonly file: string;
}

/** What to do with one candidate. */
export type PublishDecision =
  | { readonly action: 'publish'; readonly id: string; readonly origin: string; /** The post this article already has (rewritten in place when it changed), or null for a new post. */ readonly file: string | null }
  | {
    readonly action: 'skip';
    readonly id: string;
    readonly origin: string;
    /**
     * `same-url`: the same article (same canonical URL) read twice in this run; `near-duplicate`: the same text as
     * another article of this run (kept: the earliest); `already-published`: the same text as a post in the folder.
     */
    readonly reason: 'same-url' | 'near-duplicate' | 'already-published';
    /** The post file (already-published) or the origin of the copy that is published. */
    readonly duplicateOf: string;
  };

/**
 * Decides which articles become posts, so that no article is published twice: the news layer's dedupe
 * (findDuplicates: same canonical URL, or shingle Jaccard >= 0.8) over the posts already in the folder and the
 * candidates together.
 * - a candidate with the id of an existing post is that post: it is published into the same file (its name stays);
 * - a candidate in a duplicate group with an existing post is `already-published` (the folder keeps its post);
 * - among candidates only, the earliest of a group is published and the others are `near-duplicate`;
 * - a candidate read twice (same id) is published once, from its earliest publication (`same-url` for the others).
 * Decisions come in the order of the candidates.
 * @throws RangeError for a malformed MinHash signature (findDuplicates).
 */
export function planPublication(candidates: readonly PublishCandidate[], existing: readonly ExistingPostKey[]): PublishDecision[] {
  const fileOf = new Map(existing.map((p) => [p.id, p.file]));
  const first = new Map<string, PublishCandidate>();
  for (const c of candidates) {
    const kept = first.get(c.id);
    if (kept === undefined || c.publishedMs < kept.publishedMs) first.set(c.id, c);
  }
  const keys: DedupeKey[] = [...existing, ...[...first.values()].filter((c) => !fileOf.has(c.id))];
  const dups = findDuplicates(keys);
  const rootOf = (id: string): string => dups.get(id)?.duplicateOf ?? id;
  // the post file of each duplicate group that has one (an existing post as its original or as a copy)
  const groupFile = new Map<string, string>();
  for (const p of existing) if (!groupFile.has(rootOf(p.id))) groupFile.set(rootOf(p.id), p.file);
  const originOf = new Map([...first.values()].map((c) => [c.id, c.origin]));
  return candidates.map((c): PublishDecision => {
    const kept = first.get(c.id) as PublishCandidate;
    if (kept !== c) return { action: 'skip', id: c.id, origin: c.origin, reason: 'same-url', duplicateOf: kept.origin };
    const own = fileOf.get(c.id);
    if (own !== undefined) return { action: 'publish', id: c.id, origin: c.origin, file: own };
    const root = rootOf(c.id);
    const file = groupFile.get(root);
    if (file !== undefined) return { action: 'skip', id: c.id, origin: c.origin, reason: 'already-published', duplicateOf: file };
    if (root !== c.id) return { action: 'skip', id: c.id, origin: c.origin, reason: 'near-duplicate', duplicateOf: originOf.get(root) ?? root };
    return { action: 'publish', id: c.id, origin: c.origin, file: null };
  });
}

/**
 * Gives each new post a file name no other article holds: the wanted name, or `<name>-<first 6 digits of the id>`
 * before the language suffix when it is taken (two same-day articles with one headline). `taken` maps the names
 * already in use to their article ids; posts are named in the order given.
 * @example uniqueFileNames([{ id: 'abcdef12', fileName: 'd-x.en.md' }], new Map([['d-x.en.md', 'other']])) // ['d-x-abcdef.en.md']
 * @throws never.
 */
export function uniqueFileNames(posts: readonly { readonly id: string; readonly fileName: string }[], taken: ReadonlyMap<string, string>): string[] {
  const used = new Map(taken);
  return posts.map((p) => {
    let name = p.fileName;
    const holder = used.get(name);
    if (holder !== undefined && holder !== p.id) {
      const m = /^(.*?)((?:\.[A-Za-z-]+)?\.md)$/.exec(name);
      name = `${m?.[1] ?? name}-${p.id.slice(0, 6)}${m?.[2] ?? ''}`;
      for (let i = 2; used.has(name) && used.get(name) !== p.id; i++) name = `${m?.[1] ?? name}-${p.id.slice(0, 6)}-${i}${m?.[2] ?? ''}`;
    }
    used.set(name, p.id);
    return name;
  });
}
