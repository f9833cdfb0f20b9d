/**
 * The seed's front matter (../shared/seed: a wire article republished as a Hugo post): its fields, their order
 * and their kinds, in one definition shared by Indexwire's stories and its republished news posts.
 * `stories/render/renderFrontMatter` writes it; `readSeedLayout` recognises a file already in it.
 */
export interface SeedFrontMatter {
  readonly title: string;
  /** `YYYY-MM-DD HH:MM:SS`, local time of the desk (Hong Kong). */
  readonly date: string;
  readonly summary: string;
  readonly categories: readonly string[];
  readonly lang: readonly string[];
  readonly translations: readonly string[];
  readonly tags: readonly string[];
  readonly menu: string;
  readonly thumbnail: string;
  readonly lead: string;
  readonly comments: boolean;
  readonly authorbox: boolean;
  readonly pager: boolean;
  readonly toc: boolean;
  readonly mathjax: boolean;
  readonly sidebar: string;
  readonly widgets: readonly string[];
}

/** How a field is written: a quoted string, a list of quoted strings, or a bare boolean. */
export type SeedFieldKind = 'text' | 'list' | 'flag';

/** The seed's fields in the seed's order, with their kinds. */
export const SEED_FIELDS: readonly (readonly [keyof SeedFrontMatter, SeedFieldKind])[] = [
  ['title', 'text'],
  ['date', 'text'],
  ['summary', 'text'],
  ['categories', 'list'],
  ['lang', 'list'],
  ['translations', 'list'],
  ['tags', 'list'],
  ['menu', 'text'],
  ['thumbnail', 'text'],
  ['lead', 'text'],
  ['comments', 'flag'],
  ['authorbox', 'flag'],
  ['pager', 'flag'],
  ['toc', 'flag'],
  ['mathjax', 'flag'],
  ['sidebar', 'text'],
  ['widgets', 'list'],
];

/** The seed's page settings (everything after `tags`), as the seed has them: every story and post uses them. */
export const SEED_PAGE_SETTINGS = {
  menu: '',
  thumbnail: '',
  lead: '',
  comments: false,
  authorbox: false,
  pager: true,
  toc: false,
  mathjax: false,
  sidebar: 'right',
  widgets: ['search', 'recent', 'taglist'],
} as const satisfies Partial<SeedFrontMatter>;

/**
 * The front matter of a file that is already in the seed's layout: every seed field present with its kind
 * (quoted or plain strings, lists of strings, booleans; other keys are ignored); null otherwise.
 * @example readSeedLayout({ title: 'A' }) // null (the other fields are missing)
 * @throws never.
 */
export function readSeedLayout(fm: Readonly<Record<string, unknown>>): SeedFrontMatter | null {
  const out: Record<string, unknown> = {};
  for (const [key, kind] of SEED_FIELDS) {
    if (!Object.hasOwn(fm, key)) return null;
    const v = fm[key];
    const ok = kind === 'text' ? typeof v === 'string'
      : kind === 'flag' ? typeof v === 'boolean'
        : Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (!ok) return null;
    out[key] = kind === 'list' ? [...(v as string[])] : v;
  }
  return out as unknown as SeedFrontMatter;
}
