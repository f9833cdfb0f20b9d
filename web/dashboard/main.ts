/**
 * Indexwire dashboard client: index chart with milestone markers, constituents, movers, news and
 * stories. Every piece of untrusted text goes through dom.ts (text nodes only).
 */
import type { IndexInfo, LevelPoint, MoversReport } from '../../src/app/desk/deskService.js';
import { api, ApiError } from './api.js';
import { byId, fill, h } from './dom.js';
import { factLabel, fmtLevel, fmtPct, signClass } from './format.js';
import { LevelChart } from './levelChart.js';
import { connectLive, type LiveConnection, type LiveLevel } from './live.js';
import { renderConstituents, renderMovers, renderNews, renderStory, renderStoryList } from './panels.js';

const state = { code: '', date: '', points: [] as readonly LevelPoint[], indexes: [] as readonly IndexInfo[] };
const why = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

function addDaysIso(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

async function loadIndex(code: string, chart: LevelChart, live: LiveConnection): Promise<void> {
  state.code = code;
  live.follow(code);
  const last = (await api.latest(code)).date;
  const from = addDaysIso(last, -730); // two years on the chart
  const series = await api.levels(code, from);
  state.points = series.points;
  chart.setLevels(series.points);
  const tracks = state.indexes.find((i) => i.code === code)?.tracks;
  fill(
    byId('chart-title'),
    `${code} level (${series.source === 'engine' ? 'computed by the engine' : 'from the level file'})`,
    tracks === undefined ? '' : h('span', { class: 'muted' }, ` grey: ${tracks}, the series it tracks`),
  );
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
  const dates = byId<HTMLSelectElement>('date-select');
  fill(dates, ...[...series.points].reverse().slice(0, 260).map((p) => h('option', { value: p.date }, p.date)));
  api.timeline(code, from, last).then(
    (t) => chart.setMilestones(t.sessions),
    () => chart.setMilestones([]),
  );
  await selectDate(last, chart);
}

async function selectDate(date: string, chart: LevelChart): Promise<void> {
  state.date = date;
  chart.select(date);
  const picker = byId<HTMLSelectElement>('date-select');
  if (!Array.from(picker.options).some((o) => o.value === date)) picker.append(h('option', { value: date }, date)); // a click on an older session
  picker.value = date;
  const p = state.points.find((x) => x.date === date);
  if (p) fill(byId('latest'), `${state.code} ${fmtLevel(p.level)} `, h('span', { class: signClass(p.changePct) }, fmtPct(p.changePct)), ` on ${date}`);
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
  if (m.breadth) parts.push(`${m.breadth.advancers} up, ${m.breadth.decliners} down, ${m.breadth.unchanged} unchanged`);
  if (m.contributionSource?.startsWith('equal-weight')) parts.push('points approximated with equal weights');
  else if (m.contributionSource?.startsWith('engine')) parts.push('points from the index engine');
  return parts.join(' · ');
}

async function loadNews(text: string): Promise<void> {
  const params = text === '' ? { from: addDaysIso(state.date, -7), to: state.date, limit: 50 } : { q: text, limit: 50 };
  await api.news(params).then(
    (p) => renderNews(p.items, text === '' ? `${p.total} articles in the week to ${state.date}` : `${p.total} matches`),
    (e) => renderNews([], why(e)),
  );
}

async function openStory(slug: string, lang: string): Promise<void> {
  await api.story(slug, lang).then(renderStory, (e) => fill(byId('story'), why(e)));
}

async function start(): Promise<void> {
  const chart: LevelChart = new LevelChart(byId('chart'), (d) => void selectDate(d, chart));
  const { indexes } = await api.indexes();
  state.indexes = indexes;
  const sel = byId<HTMLSelectElement>('index-select');
  fill(sel, ...indexes.map((i: IndexInfo) => h('option', { value: i.code }, `${i.code} · ${i.name}`)));
  const live = connectLive(
    (u) => showLive(u, chart),
    (status) => fill(byId('live-status'), status),
  );
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
    (s) => renderStoryList(s.stories, (slug, lang) => void openStory(slug, lang)),
    (e) => fill(byId('stories'), h('li', { class: 'muted' }, why(e))),
  );
  const first = indexes[0];
  if (first) await loadIndex(first.code, chart, live);
  document.body.dataset.ready = 'true';
}

/** A live publication: the header always; the chart only for the last session or a newer one (never rewrites history). */
function showLive(u: LiveLevel, chart: LevelChart): void {
  if (u.code !== state.code) return;
  const last = state.points[state.points.length - 1];
  if (last === undefined || u.date >= last.date) chart.updateLive(u.date, u.level);
  const at = u.time === null ? u.date : `${u.date} ${new Date(u.time).toISOString().slice(11, 19)} UTC`;
  const el = byId('latest');
  fill(el, `${u.code} ${fmtLevel(u.level)} `, h('span', { class: signClass(u.changePct) }, fmtPct(u.changePct)), ` live ${at}`);
  el.dataset.live = 'true';
}

start().catch((e: unknown) => {
  document.body.dataset.ready = 'error';
  fill(byId('latest'), `Could not load the desk: ${why(e)}`);
});
