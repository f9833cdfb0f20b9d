import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDate } from '../../src/core/units.js';
import { createDesk } from '../../src/app/desk/createDesk.js';
import { NotFoundError, UnavailableError } from '../../src/app/desk/deskErrors.js';
import { readServerConfig } from '../../src/app/desk/readServerConfig.js';
import * as R from '../../src/server/apiResponseSchemas.js';
import { describeWithSharedData, HK_DATA, NEWS_DATA, REPO_ROOT } from '../support/sharedData.js';

const d = (s: string) => s as SessionDate;
const H = 'date,open,high,low,close,adj_close,volume\n';
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'indexwire-desk-'));
  const data = join(root, 'data');
  mkdirSync(data);
  writeFileSync(join(data, 'IDX.csv'), `${H}2025-02-05,100,100,100,100,,\n2025-02-06,100,103,99,102,,\n2025-02-07,102,104,101,103.02,,\n`);
  writeFileSync(join(data, 'AAA.HK.csv'), `${H}2025-02-05,10,10,10,10,,100\n2025-02-06,10,11,10,10.5,,100\n2025-02-07,10.5,11,10,10.29,,100\n`);
  writeFileSync(join(data, 'BBB.HK.csv'), `${H}2025-02-05,20,20,20,20,,100\n2025-02-06,20,21,20,21,,100\n`); // no bar on the 7th
  writeFileSync(join(data, 'idx_members.csv'), 'symbol,name,from,to\nAAA.HK,Alpha,,\nBBB.HK,"Beta, Inc",,\nCCC.HK,Gone,2020-01-01,2024-01-01\n');
  const news = join(root, 'news');
  mkdirSync(news);
  const article = (id: string, title: string, date: string, body: string) =>
    `---\ntitle: "${title}"\ndate: ${date}\nsource: RTHK\nurl: https://news.rthk.hk/rthk/en/component/k2/${id}-20250207.htm\nlanguage: en\ncategory: finance\n---\n\n${body}\n`;
  writeFileSync(join(news, 'a.md'), article('1', 'Tech stocks rally', '2025-02-07T10:05:00+08:00', 'Tencent and Xiaomi led gains on Friday.'));
  writeFileSync(join(news, 'b.md'), article('2', 'Gold slips', '2025-02-05T23:30:00+08:00', 'Bullion fell overnight in London trade.'));
  const stories = join(root, 'stories');
  mkdirSync(stories);
  writeFileSync(join(stories, 'idx-2025-02-07.en.md'), '---\ntitle: "IDX rises"\ndate: "2025-02-07"\nlang: [en]\ntranslations: [en, zh-Hant]\ntags: [idx]\n---\n\nThe index rose 1%.\n');
  writeFileSync(join(stories, 'idx-2025-02-07.zh-Hant.md'), '---\ntitle: "IDX 上升"\ndate: "2025-02-07"\nlang: [zh-Hant]\ntranslations: [en, zh-Hant]\n---\n\n指數升1%。\n');
  writeFileSync(join(stories, 'idx-2025-02-07.index.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(stories, 'broken.md'), '---\ntitle: [unclosed\n---\nbody\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const desk = () =>
  createDesk({
    dataDir: join(root, 'data'), // idx_members.csv is its only *_members.csv: found, and its code is IDX
    newsDir: join(root, 'news'),
    storiesDir: join(root, 'stories'),
  });

describe('createDesk over files', () => {
  it('lists level series (symbols without an exchange suffix) and their latest level', async () => {
    const k = desk();
    expect((await k.indexes()).map((i) => i.code)).toEqual(['IDX']);
    // 103.02 / 102 - 1 = 0.01 -> 1%
    const latest = await k.latestLevel('IDX');
    expect(latest).toMatchObject({ code: 'IDX', date: '2025-02-07', level: 103.02, previousLevel: 102 });
    expect(latest.changePct).toBeCloseTo(1, 12);
    const lv = await k.levels('IDX', d('2025-02-06'));
    expect(lv.points.map((p) => [p.date, p.high, p.low])).toEqual([['2025-02-06', 103, 99], ['2025-02-07', 104, 101]]);
    await expect(k.latestLevel('AAA.HK')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('builds the constituent table from the membership file: change per member, stale when no bar', async () => {
    const t = await desk().constituents('IDX', d('2025-02-07'));
    expect(t.source).toBe('members');
    expect(t.rows).toHaveLength(2); // CCC.HK left in 2024
    const [a, b] = t.rows;
    expect(a?.symbol).toBe('AAA.HK');
    expect(a?.changePct).toBeCloseTo(-2, 10); // 10.29 / 10.5 - 1 = -0.02
    expect(b).toEqual({ symbol: 'BBB.HK', name: 'Beta, Inc', weight: null, price: 21, changePct: null, contributionPoints: null, stale: true });
    await expect(desk().constituents('IDX', d('2025-02-08'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('wires analytics: milestones of the level series, equal-weight movers without a methodology, 501 without input', async () => {
    const k = desk();
    const ms = await k.milestones('IDX', d('2025-02-07'));
    expect(ms).toMatchObject({ symbol: 'IDX', date: '2025-02-07', close: 103.02, previousClose: 102 });
    await expect(k.milestones('IDX', d('2025-02-08'))).rejects.toBeInstanceOf(NotFoundError);
    const mv = await k.movers('IDX', d('2025-02-07'));
    // BBB.HK has no bar on the 7th; AAA.HK fell 2% (10.29 / 10.5 - 1), so no gainers
    expect(mv.gainers).toEqual([]);
    expect(mv.losers.map((g) => g.symbol)).toEqual(['AAA.HK']);
    expect(mv.losers[0]?.changePct).toBeCloseTo(-2, 10);
    const bareDir = join(root, 'bare');
    mkdirSync(bareDir, { recursive: true });
    writeFileSync(join(bareDir, 'IDX.csv'), `${H}2025-02-07,100,100,100,100,,\n`);
    const bare = createDesk({ dataDir: bareDir }); // no membership file in the folder
    await expect(bare.constituents('IDX', d('2025-02-07'))).rejects.toBeInstanceOf(UnavailableError);
    await expect(bare.movers('IDX', d('2025-02-07'))).rejects.toBeInstanceOf(UnavailableError);
    await expect(bare.news({ limit: 5, offset: 0 })).rejects.toThrow(/no news folder/);
  });

  it('filters news by Hong Kong session date and searches it', async () => {
    const k = desk();
    const day = await k.news({ from: d('2025-02-07'), to: d('2025-02-07'), limit: 10, offset: 0 });
    expect(day.items.map((n) => n.title)).toEqual(['Tech stocks rally']);
    expect(day.items[0]?.symbols).toEqual(expect.arrayContaining(['0700.HK', '1810.HK'])); // Tencent, Xiaomi
    expect((await k.news({ q: 'bullion', limit: 10, offset: 0 })).items.map((n) => n.title)).toEqual(['Gold slips']);
    expect((await k.news({ limit: 10, offset: 0 })).items.map((n) => n.title)).toEqual(['Tech stocks rally', 'Gold slips']);
  });

  it('reads stories in both languages, reports a broken file and keeps the others', async () => {
    const k = desk();
    expect((await k.stories()).map((s) => [s.slug, s.lang])).toEqual([
      ['idx-2025-02-07', 'en'],
      ['idx-2025-02-07', 'zh-Hant'],
    ]);
    expect((await k.story('idx-2025-02-07', 'zh-Hant')).body).toBe('指數升1%。');
    const svg = await k.storyAsset('idx-2025-02-07.index.svg');
    expect(svg.contentType).toBe('image/svg+xml');
    expect(Buffer.from(svg.body).toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await expect(k.storyAsset('nope.svg')).rejects.toBeInstanceOf(NotFoundError);
    expect((await k.reload()).issues).toBe(1); // broken.md
  });

  it('keeps the previous state when a reload fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'indexwire-desk-reload-'));
    writeFileSync(join(dir, 'IDX.csv'), `${H}2025-02-05,100,100,100,100,,\n`);
    const k = createDesk({ dataDir: dir });
    expect((await k.latestLevel('IDX')).level).toBe(100);
    rmSync(dir, { recursive: true });
    await expect(k.reload()).rejects.toThrow(/cannot read data folder/);
    expect((await k.latestLevel('IDX')).level).toBe(100);
  });
});

describe('readServerConfig', () => {
  it('reads tokens and the rate limit, rejecting short tokens with the variable named', () => {
    expect(readServerConfig({})).toEqual({ adminTokens: [], rateLimit: { capacity: 100, refillPerSec: 50 } });
    expect(readServerConfig({ INDEXWIRE_ADMIN_TOKENS: 'aaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbb', INDEXWIRE_RATE_LIMIT: 'off' })).toEqual({
      adminTokens: ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbb'],
      rateLimit: false,
    });
    expect(() => readServerConfig({ INDEXWIRE_ADMIN_TOKENS: 'short' })).toThrow(/INDEXWIRE_ADMIN_TOKENS.*at least 16/);
    expect(() => readServerConfig({ INDEXWIRE_RATE_LIMIT: '10' })).toThrow(/INDEXWIRE_RATE_LIMIT.*"10"/);
  });
});

describeWithSharedData('createDesk on the real Hong Kong data', () => {
  const real = createDesk({ dataDir: HK_DATA, newsDir: NEWS_DATA, methodologyPath: join(REPO_ROOT, 'methodologies/hstech-replica.yaml') });
  it('serves HSTECH on 2025-02-07 as in the seed: closed up 1.8% at 5,150.35, 30 members, entered a bull market', async () => {
    const lv = await real.levels('HSTECH', d('2025-02-07'), d('2025-02-07'));
    // 5150.35 / 5059.38 - 1 = 0.017980... -> +1.8%
    expect(lv.points[0]?.level).toBe(5150.35);
    expect(lv.points[0]?.changePct).toBeCloseTo((5150.35 / 5059.38 - 1) * 100, 10);
    const t = await real.constituents('HSTECH', d('2025-02-07'));
    expect(t.rows).toHaveLength(30);
    expect(t.rows.map((r) => r.symbol)).toContain('0992.HK'); // Lenovo
    const markers = await real.milestoneTimeline('HSTECH', d('2025-01-01'), d('2025-02-28'));
    expect(markers.find((m) => m.date === '2025-02-07')?.facts.map((f) => [f.type, f.event])).toContainEqual(['bull_market', 'entered']);
    // over ten years: never the same marker type twice within 20 sessions (runs of new highs give one marker)
    const all = await real.milestoneTimeline('HSTECH', d('2015-01-01'), d('2026-12-31'));
    const dates = (await real.levels('HSTECH')).points.map((p) => p.date as string);
    const lastByType = new Map<string, number>();
    for (const m of all) {
      const i = dates.indexOf(m.date);
      for (const f of m.facts) {
        const last = lastByType.get(f.type);
        if (last !== undefined) expect(i - last, `${f.type} on ${m.date}`).toBeGreaterThanOrEqual(20);
        lastByType.set(f.type, i);
      }
    }
    expect(all.length).toBeGreaterThan(5);
  });
  it('serves the engine replica HSTECH-R: weights sum to 1, contributions sum to the point move', async () => {
    expect((await real.indexes())[0]).toMatchObject({ code: 'HSTECH-R', source: 'engine' });
    const t = await real.constituents('HSTECH-R', d('2025-02-07'));
    expect(t.source).toBe('engine');
    const [lv] = (await real.levels('HSTECH-R', d('2025-02-06'), d('2025-02-07'))).points.slice(-1);
    const prev = (await real.levels('HSTECH-R', d('2025-02-06'), d('2025-02-06'))).points[0];
    expect(t.rows.reduce((a, r) => a + (r.weight ?? 0), 0)).toBeCloseTo(1, 12);
    expect(t.rows.reduce((a, r) => a + (r.contributionPoints ?? 0), 0)).toBeCloseTo((lv?.level ?? 0) - (prev?.level ?? 0), 9);
    // the real desk's answers match the documented (strict) API schemas
    R.constituentTableSchema.parse(t);
    R.latestLevelSchema.parse(await real.latestLevel('HSTECH-R'));
    R.indexListSchema.parse({ indexes: await real.indexes() });
    R.newsPageSchema.parse(await real.news({ q: 'Lenovo', limit: 3, offset: 0 }));
    R.milestoneReportSchema.parse(await real.milestones('HSTECH', d('2025-02-07')));
    // engine levels are closes only: no intraday facts (they would only repeat the close)
    const engineFacts = (await real.milestones('HSTECH-R', d('2025-02-07'))).facts;
    expect(engineFacts.length).toBeGreaterThan(0);
    expect(engineFacts.filter((f) => f.basis === 'intraday')).toEqual([]);
    const mv = await real.movers('HSTECH-R', d('2025-02-07'));
    R.moversReportSchema.parse(mv);
    expect(mv.gainers.map((g) => g.name)).toEqual(expect.arrayContaining(['Lenovo Group', 'Xiaomi']));
  });
  it('finds the DeepSeek news', async () => {
    const p = await real.news({ q: 'DeepSeek', limit: 5, offset: 0 });
    expect(p.total).toBeGreaterThan(5);
    expect(p.items.every((n) => /deepseek/i.test(`${n.title} ${n.body}`))).toBe(true);
  });
});
