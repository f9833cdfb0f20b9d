/**
 * Indexwire dashboard client: index chart with milestone markers, constituents, movers, news and
 * stories. Every piece of untrusted text goes through dom.ts (text nodes only).
 */
import type { IndexInfo, LevelPoint, MoversReport } from '../../src/app/desk/deskService.js';
import { api, ApiError } from './api.js';
import { byId, fill, h } from './dom.js';
import { factLabel, fmtLevel, fmtPct, signClass } from './format.js';
import { fmtDate, HTML_LANG, initialLang, lang, securityName, setLang, t, type Lang } from './i18n.js';
import { LevelChart } from './levelChart.js';
import { connectLive, type LiveConnection, type LiveFactMessage, type LiveLevel, type LiveStoryMessage } from './live.js';
import { liveFactText } from './liveFacts.js';
import { names, renderConstituents, renderMovers, renderNews, renderStory, renderStoryList } from './panels.js';
import type { MilestoneReport } from '../../src/domain/fact.js';
import type { StorySummary } from '../../src/app/desk/deskService.js';

const state = {
  code: '',
  date: '',
  points: [] as readonly LevelPoint[],
  indexes: [] as readonly IndexInfo[],
  source: 'engine' as 'engine' | 'series',
  timeline: [] as readonly MilestoneReport[],
  stories: [] as readonly StorySummary[],
  liveFacts: [] as LiveFactMessage[],
  liveStory: null as LiveStoryMessage | null,
  openStory: null as { slug: string; lang: string } | null,
};
const nameOf = (id: string, fallback?: string) => securityName(names.table, id, fallback ?? names.table[id]?.en ?? state.indexes.find((i) => i.code === id)?.name ?? id);
const why = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

function addDaysIso(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

async function loadIndex(code: string, chart: LevelChart, live: LiveConnection): Promise<void> {
  state.code = code;
  live.follow(code);
  renderLiveStory();
  const last = (await api.latest(code)).date;
  const from = addDaysIso(last, -730); // two years on the chart
  const series = await api.levels(code, from);
  state.points = series.points;
  chart.setLevels(series.points);
  const tracks = state.indexes.find((i) => i.code === code)?.tracks;
  state.source = series.source;
  renderChartTitle();
  chart.setCompare([]);
  if (tracks !== undefined) {
    const first = series.points[0]?.date;
    api.levels(tracks, first).then(
      (t) => {
        if (state.code === code) chart.setCompare(t.points.filter((p) => p.date <= last));
      },
      () => chart.setCompare([]),
    );
  }
  renderDateOptions();
  api.timeline(code, from, last).then(
    (tl) => {
      state.timeline = tl.sessions;
      chart.setMilestones(tl.sessions);
    },
    () => chart.setMilestones([]),
  );
  await selectDate(last, chart);
}

function renderChartTitle(): void {
  const tracks = state.indexes.find((i) => i.code === state.code)?.tracks;
  fill(byId('chart-title'), t().levelTitle(state.code, state.source === 'engine'), tracks === undefined ? '' : h('span', { class: 'muted' }, t().tracks(tracks)));
}

function renderDateOptions(): void {
  fill(byId<HTMLSelectElement>('date-select'), ...[...state.points].reverse().slice(0, 260).map((p) => h('option', { value: p.date }, fmtDate(p.date))));
  if (state.date !== '') byId<HTMLSelectElement>('date-select').value = state.date;
}

function renderIndexOptions(): void {
  const sel = byId<HTMLSelectElement>('index-select');
  fill(sel, ...state.indexes.map((i: IndexInfo) => h('option', { value: i.code }, `${i.code} · ${nameOf(i.code, i.name)}`)));
  if (state.code !== '') sel.value = state.code;
}

/** Puts every static label in the current language (elements marked `data-i18n`, `data-i18n-placeholder`). */
function applyLanguage(): void {
  const l = lang();
  document.documentElement.lang = HTML_LANG[l];
  const words = t() as unknown as Record<string, unknown>;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const w = words[el.dataset.i18n ?? ''];
    if (typeof w === 'string') el.textContent = w;
  }
  for (const el of Array.from(document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]'))) {
    const w = words[el.dataset.i18nPlaceholder ?? ''];
    if (typeof w === 'string') el.placeholder = w;
  }
  byId<HTMLSelectElement>('lang-select').value = l;
}

function renderLiveFacts(): void {
  const hk = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Hong_Kong', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  fill(
    byId('live-facts'),
    ...state.liveFacts.slice(0, 20).map((f) => h('li', { 'data-key': f.key }, h('time', { datetime: new Date(f.timeMs).toISOString() }, hk.format(new Date(f.timeMs))), liveFactText(f, (id) => nameOf(id)))),
  );
}

/**
 * The latest version of the live story about the shown index, in the chosen language: a "Flash" or
 * "Update (version n)" badge, the local time, the title and the text (text nodes only).
 */
function renderLiveStory(): void {
  const el = byId('live-story');
  const s = state.liveStory;
  if (!s || !s.indexes.includes(state.code)) return fill(el);
  const doc = s.documents.find((d) => d.lang === lang()) ?? s.documents[0];
  if (!doc) return fill(el);
  el.className = s.update ? 'live-story update' : 'live-story flash';
  fill(
    el,
    h('p', { class: 'badge', 'data-key': `${s.slug}:${s.version}` }, s.update ? t().storyUpdate(s.version) : t().storyFlash, ' ', h('time', { datetime: new Date(s.timeMs).toISOString() }, s.published.slice(11, 16))),
    h('h3', {}, doc.title),
    ...doc.paragraphs.map((p) => h('p', {}, p)),
  );
}

async function selectDate(date: string, chart: LevelChart): Promise<void> {
  state.date = date;
  chart.select(date);
  const picker = byId<HTMLSelectElement>('date-select');
  if (!Array.from(picker.options).some((o) => o.value === date)) picker.append(h('option', { value: date }, fmtDate(date))); // a click on an older session
  picker.value = date;
  const p = state.points.find((x) => x.date === date);
  if (p) fill(byId('latest'), `${state.code} ${fmtLevel(p.level)} `, h('span', { class: signClass(p.changePct) }, fmtPct(p.changePct)), t().onDate(fmtDate(date)));
  const code = state.code;
  await Promise.all([
    api.constituents(code, date).then(renderConstituents, (e) => {
      fill(byId('constituents').querySelector('tbody') as HTMLElement);
      fill(byId('constituents-note'), why(e));
    }),
    api.movers(code, date).then(
      (m) => renderMovers(m, moversNote(m)),
      (e) => renderMovers(null, why(e)),
    ),
    api.milestones(code, date).then(
      (r) => fill(byId('facts'), ...r.facts.map((f) => h('li', {}, factLabel(f)))),
      () => fill(byId('facts')),
    ),
    loadNews(''),
  ]);
}

/** Breadth and where the points come from, in a line under the movers. */
function moversNote(m: MoversReport): string {
  const parts: string[] = [];
  if (m.breadth) parts.push(t().breadth(m.breadth.advancers, m.breadth.decliners, m.breadth.unchanged));
  if (m.contributionSource?.startsWith('equal-weight')) parts.push(t().equalWeights);
  else if (m.contributionSource?.startsWith('engine')) parts.push(t().enginePoints);
  return parts.join(' · ');
}

async function loadNews(text: string): Promise<void> {
  const params = text === '' ? { from: addDaysIso(state.date, -7), to: state.date, limit: 50 } : { q: text, limit: 50 };
  await api.news(params).then(
    (p) => renderNews(p.items, text === '' ? t().newsWeek(p.total, fmtDate(state.date)) : t().newsMatches(p.total)),
    (e) => renderNews([], why(e)),
  );
}

async function openStory(slug: string, storyLang: string): Promise<void> {
  state.openStory = { slug, lang: storyLang };
  await api.story(slug, storyLang).then(renderStory, (e) => fill(byId('story'), why(e)));
}

/** Switches the language: labels, names, dates, numbers, markers and the open story follow. */
async function switchLanguage(l: Lang, chart: LevelChart): Promise<void> {
  setLang(l);
  applyLanguage();
  chart.setLanguage(HTML_LANG[l]);
  renderIndexOptions();
  renderChartTitle();
  renderDateOptions();
  chart.setMilestones(state.timeline);
  renderStoryList(state.stories, (slug, sl) => void openStory(slug, sl));
  renderLiveFacts();
  renderLiveStory();
  const open = state.openStory;
  // The open story in the new language when it has that translation.
  if (open && open.lang !== l && state.stories.some((s) => s.slug === open.slug && s.lang === l)) await openStory(open.slug, l);
  if (state.date !== '') await selectDate(state.date, chart);
  document.body.dataset.lang = l;
}

async function start(): Promise<void> {
  setLang(initialLang());
  applyLanguage();
  const chart: LevelChart = new LevelChart(byId('chart'), (d) => void selectDate(d, chart));
  chart.setLanguage(HTML_LANG[lang()]);
  const [{ indexes }, table] = await Promise.all([api.indexes(), api.names().catch(() => ({ names: {} }))]);
  names.table = table.names;
  state.indexes = indexes;
  const sel = byId<HTMLSelectElement>('index-select');
  renderIndexOptions();
  let liveStatus: 'connected' | 'closed' | 'off' | null = null;
  const showStatus = () => fill(byId('live-status'), liveStatus === null ? '' : (t().liveStatus[liveStatus] ?? liveStatus));
  const live = connectLive(
    (u) => showLive(u, chart),
    (status) => {
      liveStatus = status;
      showStatus();
    },
    (facts) => {
      const seen = new Set(state.liveFacts.map((f) => f.key));
      state.liveFacts = [...facts.filter((f) => f.index === state.code && !seen.has(f.key)).reverse(), ...state.liveFacts].slice(0, 50);
      renderLiveFacts();
    },
    (story) => {
      // a later version replaces the one shown; an older one arriving late (a reconnect) does not
      if (state.liveStory && state.liveStory.slug === story.slug && state.liveStory.version > story.version) return;
      state.liveStory = story;
      renderLiveStory();
    },
  );
  byId<HTMLSelectElement>('lang-select').addEventListener('change', (e) => {
    void switchLanguage((e.target as HTMLSelectElement).value === 'zh-Hant' ? 'zh-Hant' : 'en', chart).then(showStatus);
  });
  sel.addEventListener('change', () => void loadIndex(sel.value, chart, live));
  byId<HTMLSelectElement>('date-select').addEventListener('change', (e) => void selectDate((e.target as HTMLSelectElement).value, chart));
  // Left / right arrows step through sessions (when focus is not in a text field).
  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    const i = state.points.findIndex((p) => p.date === state.date);
    const next = state.points[i + (e.key === 'ArrowLeft' ? -1 : 1)];
    if (i >= 0 && next) void selectDate(next.date, chart);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  byId<HTMLInputElement>('news-search').addEventListener('input', (e) => {
    clearTimeout(timer);
    const v = (e.target as HTMLInputElement).value.trim();
    timer = setTimeout(() => void loadNews(v), 250);
  });
  api.stories().then(
    (s) => {
      state.stories = s.stories;
      renderStoryList(s.stories, (slug, sl) => void openStory(slug, sl));
    },
    (e) => fill(byId('stories'), h('li', { class: 'muted' }, why(e))),
  );
  const first = indexes[0];
  if (first) await loadIndex(first.code, chart, live);
  document.body.dataset.lang = lang();
  document.body.dataset.ready = 'true';
}

/** A live publication: the header always; the chart only for the last session or a newer one (never rewrites history). */
function showLive(u: LiveLevel, chart: LevelChart): void {
  if (u.code !== state.code) return;
  const last = state.points[state.points.length - 1];
  if (last === undefined || u.date >= last.date) chart.updateLive(u.date, u.level);
  const at = u.time === null ? fmtDate(u.date) : `${fmtDate(u.date)} ${new Date(u.time).toISOString().slice(11, 19)} UTC`;
  const el = byId('latest');
  fill(el, `${u.code} ${fmtLevel(u.level)} `, h('span', { class: signClass(u.changePct) }, fmtPct(u.changePct)), t().live(at));
  el.dataset.live = 'true';
}

start().catch((e: unknown) => {
  document.body.dataset.ready = 'error';
  fill(byId('latest'), t().couldNotLoad(why(e)));
});
