import { describe, expect, it } from 'vitest';
import { createEntityLinker, loadSecurityMaster } from '../../../src/app/securityMaster.js';
import { describeWithSharedData } from '../../support/sharedData.js';
import { GOLD, microScores, readRthkArticle } from './goldSet.js';

describe('gold set (test/news/gold.json)', () => {
  it('labels at least 150 distinct RTHK articles, negatives included, with ids from the master', () => {
    const files = new Set(GOLD.map((g) => g.file));
    expect(files.size).toBe(GOLD.length);
    expect(GOLD.length).toBeGreaterThanOrEqual(150);
    expect(GOLD.filter((g) => g.securities.length === 0).length).toBeGreaterThan(30);
    const febWeek = GOLD.filter((g) => g.file >= '2025-02-03' && g.file < '2025-02-11');
    expect(febWeek.length).toBe(31); // every article of 2025-02-03..2025-02-10 (ls | grep count)
    const ids = new Set(loadSecurityMaster().securities.map((s) => s.id));
    for (const g of GOLD) for (const s of g.securities) expect(ids.has(s), `${g.file}: ${s}`).toBe(true);
  });
});

describeWithSharedData('entity linking against the hand-labelled gold set', () => {
  it('reaches the measured micro precision and recall (targets: >= 95% / >= 90%)', () => {
    const linker = createEntityLinker();
    const pairs = GOLD.map((g) => {
      const a = readRthkArticle(g.file);
      return { gold: g.securities, predicted: linker.securitiesIn(`${a.title}\n\n${a.body}`) };
    });
    const s = microScores(pairs);
    // Measured: 158 true positives, 0 false positives, 0 false negatives over 155 articles (158 labels).
    // The bound sits a little below what was measured so one new ambiguous alias shows up as a failure.
    expect(s.truePositives).toBeGreaterThanOrEqual(155);
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recall).toBeGreaterThanOrEqual(0.97);
  });
});

describe('microScores', () => {
  it('counts per security mention, micro-averaged', () => {
    // article 1: gold {A,B}, predicted {A,C} -> tp 1 (A), fp 1 (C), fn 1 (B)
    // article 2: gold {}, predicted {D}       -> fp 1
    // precision = 1 / (1 + 2) = 0.3333; recall = 1 / (1 + 1) = 0.5
    const s = microScores([{ gold: ['A', 'B'], predicted: ['A', 'C'] }, { gold: [], predicted: ['D'] }]);
    expect(s).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 1 });
    expect(s.precision).toBeCloseTo(1 / 3, 12);
    expect(s.recall).toBe(0.5);
  });
});
