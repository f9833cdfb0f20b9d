import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../src/app/demo/runDemo.js';
import { parseBarsCsv } from '../../src/sources/csvBars/parseBarsCsv.js';
import { tempDirs } from '../support/tempDirs.js';

const tmp = tempDirs();

// The main job (`npm start`) on the embedded demo: needs nothing outside the project.
describe('npm start: the main job on the simulated demo market', () => {
  let demo: DemoResult;
  let again: DemoResult;
  beforeAll(async () => {
    demo = await runDemo({ outDir: tmp('iw-demo-a-') });
    again = await runDemo({ outDir: tmp('iw-demo-b-') });
  });

  it('writes the index level series whose closes are the engine levels', () => {
    const parsed = parseBarsCsv(readFileSync(join(demo.dataDir, 'SIMTECH.csv'), 'utf8'), 'SIMTECH.csv');
    expect(parsed.rejected).toBe(false);
    const last = parsed.bars[parsed.bars.length - 1];
    expect(last?.date).toBe(demo.latest.date);
    // formatBarsCsv may round for the file; the close must agree with the engine to 1e-6 relative.
    expect(Math.abs((last?.close ?? 0) / demo.latest.level - 1)).toBeLessThan(1e-6);
    expect(demo.latest.constituents.length).toBe(30);
  });

  it('publishes a story in both languages about a regime change, labelled simulated, with a ledger', () => {
    expect(demo.story.published).toBe(true);
    expect(demo.storyFacts.some((f) => (f.type === 'bull_market' || f.type === 'bear_market') && f.event === 'entered')).toBe(true);
    const files = demo.story.files.map((f) => f.split(/[\\/]/).pop());
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/\.en\.md$/), expect.stringMatching(/\.zh-Hant\.md$/), expect.stringMatching(/\.ledger\.json$/), expect.stringMatching(/\.png$/)]));
    expect(demo.story.headlines.en).toMatch(/^Simulated Tech Index /);
    expect(demo.story.headlines['zh-Hant']).toMatch(/^模擬科技指數/);
    expect(demo.story.checkIssues).toEqual([]);
  });

  it("says the members' combined market value change, from the securities file's share counts, traced in the ledger", () => {
    // Recomputed here from the demo's own files: for each member on the story's session, shares outstanding (the
    // securities file's count, scaled by the splits and rights issues ex by each date) x close, less the same on
    // the previous session; summed over the 30 members.
    const dir = demo.dataDir;
    const securities = JSON.parse(readFileSync(join(dir, 'simtech_securities.json'), 'utf8')) as Array<{ id: string; sharesOutstanding: number }>;
    const actions = JSON.parse(readFileSync(join(dir, 'simtech_actions.json'), 'utf8')) as Array<{ kind: string; symbol: string; exDate: string; ratio?: number; newShares?: number; oldShares?: number }>;
    const sharesOn = (id: string, date: string): number => {
      let n = securities.find((x) => x.id === id)!.sharesOutstanding;
      for (const a of actions.filter((x) => x.symbol === id && x.exDate <= date)) {
        if (a.kind === 'split') n *= a.ratio!;
        if (a.kind === 'rights_issue') n *= (a.oldShares! + a.newShares!) / a.oldShares!;
      }
      return n;
    };
    const members = readFileSync(demo.membersPath, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','))
      .filter(([, , from, to]) => (!from || from <= demo.storyDate) && (!to || to > demo.storyDate)).map(([id]) => id as string);
    let change = 0;
    for (const id of members) {
      const bars = parseBarsCsv(readFileSync(join(dir, `${id}.csv`), 'utf8'), `${id}.csv`).bars;
      const i = bars.findIndex((b) => b.date === demo.storyDate);
      const [b, p] = [bars[i]!, bars[i - 1]!];
      change += sharesOn(id, b.date) * b.close - sharesOn(id, p.date) * p.close;
    }
    expect(members).toHaveLength(30);
    const ledger = JSON.parse(readFileSync(demo.story.files.find((f) => f.endsWith('.ledger.json')) as string, 'utf8')) as { entries: Array<{ id: string; value: number }> };
    const bn = ledger.entries.find((e) => e.id === 'market_value.change_bn' || e.id === 'market_value.change_mn')!;
    const unit = bn.id.endsWith('_bn') ? 1e9 : 1e6;
    expect(bn.value * unit).toBeCloseTo(change, 0);
    const en = readFileSync(demo.story.files.find((f) => f.endsWith('.en.md')) as string, 'utf8');
    const figure = (Math.round(Math.abs(change / unit) * 10) / 10).toLocaleString('en-US', { minimumFractionDigits: 1 });
    expect(en).toContain(`The index's 30 members ${change > 0 ? 'added' : 'lost'} a combined HK$${figure} ${unit === 1e9 ? 'billion' : 'million'} in market value.`);
    expect(readFileSync(demo.story.files.find((f) => f.endsWith('.zh-Hant.md')) as string, 'utf8')).toMatch(new RegExp(`30隻成分股市值合共${change > 0 ? '增加' : '蒸發'}[0-9,.]+(億|萬)港元。`));
  });

  it('labels every demo article as simulated and builds the site', () => {
    for (const f of ['-demo-1.md', '-demo-2.md', '-demo-index.md']) {
      const text = readFileSync(join(demo.newsDir, `${demo.storyDate}${f}`), 'utf8');
      expect(text).toContain('[Simulated]');
      expect(text).toContain('SIMULATED NEWS');
    }
    expect(existsSync(demo.siteIndex)).toBe(true);
    expect(readFileSync(demo.siteIndex, 'utf8')).toContain('Simulated Tech Index');
  });

  it('republishes the demo articles beside the story, so the demo site shows both and the story links the post it cites', () => {
    // the three demo articles (two movers and the index), each a post in the seed's layout
    const posts = readdirSync(demo.postsDir).filter((f) => f.endsWith('.md')).sort();
    expect(posts).toHaveLength(3);
    for (const p of posts) expect(readFileSync(join(demo.postsDir, p), 'utf8')).toMatch(/^---\ntitle: "\[Simulated\] [^]*\nwidgets:\n  - "search"\n  - "recent"\n  - "taglist"\n---\n/);
    const site = join(demo.postsDir, '..', 'site');
    const { document } = parseHTML(readFileSync(demo.siteIndex, 'utf8'));
    const hrefs = Array.from(document.querySelectorAll('main .stories h3 a') as ArrayLike<Element>).map((a) => a.getAttribute('href') ?? '');
    // story (en, zh-Hant) published at 16:10, after the articles of 16:05: newest first
    expect(hrefs.filter((h) => h.startsWith('stories/'))).toHaveLength(2);
    expect(hrefs.filter((h) => h.startsWith('news/'))).toHaveLength(3);
    expect(hrefs.findIndex((h) => h.startsWith('news/'))).toBe(2);
    // the story quotes one demo article: its page links that article's post, and the post links back
    const storyPage = parseHTML(readFileSync(join(site, hrefs[0] as string), 'utf8')).document;
    const cited = Array.from(storyPage.querySelectorAll('section.citations a') as ArrayLike<Element>).map((a) => a.getAttribute('href') ?? '');
    expect(cited).toHaveLength(1);
    const post = readFileSync(join(site, 'stories', cited[0] as string), 'utf8');
    expect(post).toContain(`href="../${hrefs[0]}"`);
  });

  it('is deterministic: a second run writes the same story', () => {
    const en = (d: DemoResult): string => readFileSync(d.story.files.find((f) => f.endsWith('.en.md')) as string, 'utf8');
    expect(again.storyDate).toBe(demo.storyDate);
    expect(en(again)).toBe(en(demo));
  });
});
