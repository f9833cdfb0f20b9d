import type {
  ConstituentTable,
  IndexInfo,
  LatestLevel,
  LevelSeries,
  MoversReport,
  NewsPage,
  SecurityNameTable,
  StoryPage,
  StorySummary,
} from '../../src/app/desk/deskService.js';
import type { MilestoneReport } from '../../src/domain/fact.js';

/** An API error with the server's message (shown to the user as text). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string): Promise<T> {
  const r = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await r.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!r.ok) throw new ApiError(r.status, body?.error?.message ?? `HTTP ${r.status}`);
  return body as T;
}

const q = (params: Record<string, string | number | undefined>): string => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s === '' ? '' : `?${s}`;
};
const seg = encodeURIComponent;

/** Typed calls to the Indexwire JSON API (same origin). */
export const api = {
  indexes: () => get<{ indexes: IndexInfo[] }>('/api/indexes'),
  levels: (code: string, from?: string) => get<LevelSeries>(`/api/indexes/${seg(code)}/levels${q({ from })}`),
  latest: (code: string) => get<LatestLevel>(`/api/indexes/${seg(code)}/latest`),
  constituents: (code: string, date: string) => get<ConstituentTable>(`/api/indexes/${seg(code)}/constituents${q({ date })}`),
  milestones: (code: string, date: string) => get<MilestoneReport>(`/api/symbols/${seg(code)}/milestones${q({ date })}`),
  timeline: (code: string, from: string, to: string) =>
    get<{ sessions: MilestoneReport[] }>(`/api/symbols/${seg(code)}/milestone-timeline${q({ from, to })}`),
  movers: (code: string, date: string) => get<MoversReport>(`/api/symbols/${seg(code)}/movers${q({ date })}`),
  news: (params: { q?: string; from?: string; to?: string; limit?: number }) => get<NewsPage>(`/api/news${q(params)}`),
  stories: () => get<{ stories: StorySummary[] }>('/api/stories'),
  story: (slug: string, lang: string) => get<StoryPage>(`/api/stories/${seg(slug)}/${seg(lang)}`),
  names: () => get<SecurityNameTable>('/api/names'),
};
