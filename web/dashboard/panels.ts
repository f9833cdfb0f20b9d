import type { ConstituentTable, MoversReport, NewsItem, StoryPage, StorySummary } from '../../src/app/desk/deskService.js';
import type { Mover } from '../../src/domain/fact.js';
import { byId, fill, h, safeLink } from './dom.js';
import { fmtLevel, fmtPct, fmtPts, fmtWeight, signClass } from './format.js';

/** Renders the constituent table (weight, change, contribution). All text via text nodes. */
export function renderConstituents(t: ConstituentTable): void {
  const body = byId('constituents').querySelector('tbody') as HTMLTableSectionElement;
  const rows = [...t.rows].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || a.symbol.localeCompare(b.symbol));
  fill(
    body,
    ...rows.map((r) =>
      h(
        'tr',
        { 'data-symbol': r.symbol, class: r.stale ? 'stale' : '' },
        h('td', {}, r.symbol),
        h('td', {}, r.name, r.stale ? ' (stale)' : ''),
        h('td', { class: 'num' }, fmtWeight(r.weight)),
        h('td', { class: 'num' }, fmtLevel(r.price)),
        h('td', { class: `num ${signClass(r.changePct)}` }, fmtPct(r.changePct)),
        h('td', { class: `num ${signClass(r.contributionPoints)}` }, fmtPts(r.contributionPoints)),
      ),
    ),
  );
  fill(byId('constituents-note'), t.source === 'engine' ? `${t.rows.length} members on ${t.date}` : `${t.rows.length} members on ${t.date} (no engine: weights unknown)`);
}

const moverItem = (m: Mover) =>
  h(
    'li',
    { 'data-symbol': m.symbol },
    `${m.name} (${m.symbol}) `,
    h('span', { class: signClass(m.changePct) }, fmtPct(m.changePct)),
    `, as much as ${fmtPct(m.asMuchAsPct)}`,
    m.contributionPoints === null ? '' : `, ${fmtPts(m.contributionPoints)} pts`,
  );

export function renderMovers(m: MoversReport | null, note: string): void {
  fill(byId('gainers'), ...(m?.gainers ?? []).map(moverItem));
  fill(byId('losers'), ...(m?.losers ?? []).map(moverItem));
  fill(byId('movers-note'), note);
}

export function renderNews(items: readonly NewsItem[], note: string): void {
  fill(
    byId('news'),
    ...items.map((n) =>
      h(
        'li',
        {},
        h('time', { datetime: n.publishedAt }, `${n.publishedAt.replace('T', ' ').slice(0, 16)} · ${n.source}`),
        h('strong', {}, safeLink(n.url, n.title)),
        n.symbols.length === 0 ? null : h('div', { class: 'symbols' }, ...n.symbols.slice(0, 8).map((sym) => h('span', { class: 'symbol' }, sym))),
        h('div', { class: 'body' }, n.body.length > 280 ? `${n.body.slice(0, 280)}…` : n.body),
      ),
    ),
  );
  fill(byId('news-note'), note);
}

export function renderStoryList(stories: readonly StorySummary[], onOpen: (slug: string, lang: string) => void): void {
  const list = byId('stories');
  fill(
    list,
    ...stories.map((s) => {
      const b = h('button', { type: 'button', 'data-slug': s.slug, 'data-lang': s.lang, lang: s.lang }, `${s.date.slice(0, 10)} [${s.lang}] ${s.title}`);
      b.addEventListener('click', () => onOpen(s.slug, s.lang));
      return h('li', {}, b);
    }),
  );
  if (stories.length === 0) fill(list, h('li', { class: 'muted' }, 'No stories yet.'));
}

/** Shows a story: Markdown is not interpreted; headings and paragraphs become text blocks. */
export function renderStory(s: StoryPage): void {
  const el = byId('story');
  el.setAttribute('lang', s.lang);
  const blocks = s.body.split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b !== '');
  fill(
    el,
    h('h3', {}, s.title),
    h('p', { class: 'muted' }, `${s.date} · ${s.translations.join(' / ')}`),
    ...blocks.map((b) => storyBlock(b)),
  );
}

/** A chart written beside the story: `![alt](file.svg)` with a plain file name (nothing else becomes an image). */
const IMAGE_BLOCK = /^!\[([^\]]*)\]\(([A-Za-z0-9][A-Za-z0-9._-]{0,159}\.(?:svg|png))\)$/;

function storyBlock(b: string): HTMLElement {
  if (/^#{1,6}\s/.test(b)) return h('h3', {}, b.replace(/^#{1,6}\s+/, ''));
  const img = IMAGE_BLOCK.exec(b);
  if (img) {
    const el = document.createElement('img');
    el.src = `/api/story-assets/${encodeURIComponent(img[2] as string)}`;
    el.alt = img[1] ?? '';
    el.className = 'story-chart';
    return h('figure', {}, el);
  }
  return h('p', {}, b);
}
