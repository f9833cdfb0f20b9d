import type { ConstituentTable, MoversReport, NewsItem, StoryPage, StorySummary } from '../../src/app/desk/deskService.js';
import type { Mover } from '../../src/domain/fact.js';
import { byId, fill, h, safeLink, siteLink } from './dom.js';
import { fmtLevel, fmtPct, fmtPts, fmtWeight, signClass } from './format.js';
import { fmtDate, HTML_LANG, LANG_NAMES, lang, securityName, t, type Lang } from './i18n.js';

/** Security names by id in both languages (`/api/names`); empty until loaded. */
export const names: { table: Readonly<Record<string, { en: string; zhHant: string | null }>> } = { table: {} };
const nameOf = (id: string, fallback: string) => securityName(names.table, id, fallback);

/** Renders the constituent table (weight, change, contribution). All text via text nodes. */
export function renderConstituents(table: ConstituentTable): void {
  const body = byId('constituents').querySelector('tbody') as HTMLTableSectionElement;
  const rows = [...table.rows].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || a.symbol.localeCompare(b.symbol));
  fill(
    body,
    ...rows.map((r) =>
      h(
        'tr',
        { 'data-symbol': r.symbol, class: r.stale ? 'stale' : '' },
        h('td', {}, r.symbol),
        h('td', {}, nameOf(r.symbol, r.name), r.stale ? t().stale : ''),
        h('td', { class: 'num' }, fmtWeight(r.weight)),
        h('td', { class: 'num' }, fmtLevel(r.price)),
        h('td', { class: `num ${signClass(r.changePct)}` }, fmtPct(r.changePct)),
        h('td', { class: `num ${signClass(r.contributionPoints)}` }, fmtPts(r.contributionPoints)),
      ),
    ),
  );
  fill(byId('constituents-note'), t().membersOn(table.rows.length, fmtDate(table.date), table.source === 'engine'));
}

const moverItem = (m: Mover) =>
  h(
    'li',
    { 'data-symbol': m.symbol },
    `${nameOf(m.symbol, m.name)} (${m.symbol}) `,
    h('span', { class: signClass(m.changePct) }, fmtPct(m.changePct)),
    t().asMuchAs(fmtPct(m.asMuchAsPct)),
    m.contributionPoints === null ? '' : t().points(fmtPts(m.contributionPoints)),
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
        // the republished post on the site when there is one (serve --site), with the source beside it
        h('strong', {}, n.post ? siteLink(n.post, n.title) : safeLink(n.url, n.title)),
        n.post && n.url ? h('span', { class: 'source' }, ' · ', safeLink(n.url, t().sourceLink)) : null,
        n.symbols.length === 0 ? null : h('div', { class: 'symbols' }, ...n.symbols.slice(0, 8).map((sym) => h('span', { class: 'symbol', title: nameOf(sym, names.table[sym]?.en ?? sym) }, sym))),
        h('div', { class: 'body' }, n.body.length > 280 ? `${n.body.slice(0, 280)}…` : n.body),
      ),
    ),
  );
  fill(byId('news-note'), note);
}

/** The stories list, newest first, those in the dashboard's language before the others of the same day. */
export function renderStoryList(stories: readonly StorySummary[], onOpen: (slug: string, lang: string) => void): void {
  const list = byId('stories');
  const mine: Lang = lang();
  const shown = stories.map((s, i) => ({ s, i })).sort((a, b) => (a.s.date.slice(0, 10) === b.s.date.slice(0, 10) ? Number(b.s.lang === mine) - Number(a.s.lang === mine) : 0) || a.i - b.i).map((x) => x.s);
  fill(
    list,
    ...shown.map((s) => {
      const b = h('button', { type: 'button', 'data-slug': s.slug, 'data-lang': s.lang, lang: HTML_LANG[s.lang as Lang] ?? s.lang }, `${fmtDate(s.date.slice(0, 10))} [${s.lang}] ${s.title}`);
      b.addEventListener('click', () => onOpen(s.slug, s.lang));
      return h('li', {}, b);
    }),
  );
  if (stories.length === 0) fill(list, h('li', { class: 'muted' }, t().noStories));
}

/** Shows a story: Markdown is not interpreted; headings and paragraphs become text blocks. */
export function renderStory(s: StoryPage): void {
  const el = byId('story');
  el.setAttribute('lang', HTML_LANG[s.lang as Lang] ?? s.lang);
  const blocks = s.body.split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b !== '');
  fill(
    el,
    h('h3', {}, s.title),
    h('p', { class: 'muted' }, `${fmtDate(s.date.slice(0, 10))}${s.date.slice(10, 16)} · ${s.translations.map((l) => LANG_NAMES[l as Lang] ?? l).join(' / ')}`),
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
