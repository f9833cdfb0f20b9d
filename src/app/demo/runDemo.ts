import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SessionDate } from '../../core/units.js';
import type { Fact, MilestoneReport } from '../../domain/fact.js';
import type { IndexSession } from '../../domain/indexLevel.js';
import { formatBarsCsv } from '../../sources/csvBars/formatBarsCsv.js';
import { parseBarsCsv } from '../../sources/csvBars/parseBarsCsv.js';
import { buildIndexFromFiles } from '../buildIndex.js';
import { writeDemoData } from '../demoData.js';
import { reportFromParsed } from '../milestones.js';
import { publishNews } from '../news/publishNews.js';
import { buildSite } from '../site/buildSite.js';
import { writeStoryFiles, type StoryJobResult } from '../story/writeStoryFiles.js';
import { demoNews, demoSecurityMasterYaml } from './demoNews.js';
import { indexLevelBars } from './indexLevelBars.js';

/** The methodology of the demo index, shipped with the project. */
export const DEMO_METHODOLOGY = resolve(dirname(fileURLToPath(import.meta.url)), '../../../methodologies/simtech.yaml');

export const DEMO_INDEX_NAME = 'Simulated Tech Index';
export const DEMO_INDEX_NAME_ZH_HANT = '模擬科技指數';

export interface DemoOptions {
  /** Where everything is written (default `out/demo`); emptied first. */
  readonly outDir: string;
  /** Called with one line per step, for the CLI to print. */
  readonly onStep?: (line: string) => void;
}

export interface DemoResult {
  readonly dataDir: string;
  readonly newsDir: string;
  /** The demo articles republished as posts in the seed's layout (news publish), shown on the site beside the story. */
  readonly postsDir: string;
  readonly storiesDir: string;
  readonly siteDir: string;
  readonly methodologyPath: string;
  readonly membersPath: string;
  readonly securityMasterPath: string;
  readonly indexCode: string;
  readonly indexName: string;
  readonly latest: IndexSession;
  /** The session the story is about: the latest with a regime change on the close, else the latest. */
  readonly storyDate: SessionDate;
  readonly storyFacts: readonly Fact[];
  readonly story: StoryJobResult;
  readonly siteIndex: string;
}

/**
 * The main job on the embedded demo (`npm start`): simulate the market, build the index, find its milestones,
 * write demo news, write the story in English and Traditional Chinese, republish the news as posts, build the
 * static site of both. Serving the
 * dashboard is left to the caller (the CLI), which owns the process.
 * @throws whatever a step throws; nothing outside `outDir` is written.
 */
export async function runDemo(o: DemoOptions): Promise<DemoResult> {
  const step = o.onStep ?? (() => {});
  const out = resolve(o.outDir);
  rmSync(out, { recursive: true, force: true });
  const dataDir = join(out, 'data');
  const data = writeDemoData(dataDir);
  const indexCode = data.market.indexCode as string;
  // The market labels itself "(simulated data)"; the published name is the methodology's, which says Simulated too.
  const indexName = DEMO_INDEX_NAME;
  step(`simulated market: ${data.securities} securities, ${data.sessions} sessions ${data.from}..${data.to}, ${data.actions} corporate actions -> ${dataDir}`);

  const run = await buildIndexFromFiles({ methodologyPath: DEMO_METHODOLOGY, dataDir });
  const sessions = run.sessions;
  const latest = sessions[sessions.length - 1];
  if (!latest) throw new Error('demo: the engine produced no session');
  const levelCsv = formatBarsCsv(indexLevelBars(sessions, data.market.series));
  const levelFile = join(dataDir, `${indexCode}.csv`);
  writeFileSync(levelFile, levelCsv);
  step(`index ${indexCode}: ${sessions.length} sessions, ${sessions.reduce((n, s) => n + s.events.length, 0)} events (reviews, actions), latest level ${latest.level.toFixed(2)} on ${latest.date}`);

  const parsed = parseBarsCsv(levelCsv, levelFile, indexCode);
  const { date: storyDate, report } = pickStoryDate(parsed, sessions);
  step(`milestones: ${report.facts.length} facts on ${storyDate} (${report.facts.map((f) => f.event ? `${f.type}:${f.event}` : f.type).slice(0, 6).join(', ')})`);

  const newsDir = join(out, 'news');
  mkdirSync(newsDir, { recursive: true });
  const session = sessions.find((s) => s.date === storyDate) as IndexSession;
  const securities = new Map(data.market.securities.map((s) => [s.id as string, s]));
  const articles = demoNews(indexName, session, securities);
  for (const a of articles) writeFileSync(join(newsDir, a.fileName), a.text);
  const securityMasterPath = join(out, 'securities.yaml');
  writeFileSync(securityMasterPath, demoSecurityMasterYaml(indexCode, indexName, DEMO_INDEX_NAME_ZH_HANT, data.market.securities, parsed.bars[0]?.date));
  step(`demo news: ${articles.length} simulated articles -> ${newsDir}`);

  const storiesDir = join(out, 'stories');
  const story = await writeStoryFiles({
    symbol: indexCode,
    date: storyDate,
    dataDir,
    membersPath: data.membersFile,
    methodologyPath: DEMO_METHODOLOGY,
    newsPath: newsDir,
    securityMasterPath,
    outDir: storiesDir,
    langs: ['en', 'zh-Hant'],
  });
  if (!story.published) {
    const why = [...story.gateFailures.map((g) => JSON.stringify(g)), ...story.checkIssues.map((c) => JSON.stringify(c))];
    throw new Error(`demo: the story for ${storyDate} was stopped: ${why.join('; ')}`);
  }
  step(`story: ${story.files.length} files (en, zh-Hant, ledger ${story.ledgerEntries} entries, charts) -> ${storiesDir}`);

  const postsDir = join(out, 'posts');
  const posts = await publishNews({ inputs: [newsDir], outDir: postsDir, securityMasterPath });
  step(`news posts: ${posts.written} demo articles republished in the seed's layout -> ${postsDir}`);

  const siteDir = join(out, 'site');
  const site = buildSite({ storiesDir, newsDirs: [postsDir], outDir: siteDir, title: 'Indexwire demo (simulated market)' });
  step(`site: ${site.stories} story pages and ${site.news} news posts, ${site.pages} pages, ${site.tags} tags -> ${siteDir}`);

  return {
    dataDir, newsDir, postsDir, storiesDir, siteDir, methodologyPath: DEMO_METHODOLOGY, membersPath: data.membersFile,
    securityMasterPath, indexCode, indexName, latest, storyDate, storyFacts: report.facts, story,
    siteIndex: join(siteDir, 'index.html'),
  };
}

/** The latest session whose close entered a bull or bear market; else the latest session. */
function pickStoryDate(parsed: ReturnType<typeof parseBarsCsv>, sessions: readonly IndexSession[]): { date: SessionDate; report: MilestoneReport } {
  const last = sessions[sessions.length - 1] as IndexSession;
  const lastReport = reportFromParsed(parsed, last.date);
  const regime = lastReport.facts.find((f) => (f.type === 'bull_market' || f.type === 'bear_market') && f.basis === 'close' && f.reference);
  // The regime fact carries its reference trough/peak; the crossing happened after it: search that stretch only.
  const from = regime?.reference?.date ?? sessions[0]?.date;
  for (let i = sessions.length - 1; i > 0; i--) {
    const d = (sessions[i] as IndexSession).date;
    if (from !== undefined && d <= from) break;
    const r = reportFromParsed(parsed, d);
    if (r.facts.some((f) => (f.type === 'bull_market' || f.type === 'bear_market') && f.event === 'entered' && f.basis === 'close')) {
      return { date: d, report: r };
    }
  }
  return { date: last.date, report: lastReport };
}

