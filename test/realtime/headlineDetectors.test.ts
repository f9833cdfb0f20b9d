import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DETECTORS } from '../../src/analytics/registry.js';
import { BarColumns } from '../../src/analytics/series/BarColumns.js';
import { isLiveNews } from '../../src/app/live/analyticsLiveFacts.js';
import { HEADLINE_DETECTORS } from '../../src/app/live/headlineDetectors.js';
import { readBarsFile } from '../../src/sources/csvBars/readBarsFolder.js';
import { headlineKey } from '../../src/stories/live/headlineFact.js';
import { describeWithSharedData, HK_DATA } from '../support/sharedData.js';

describeWithSharedData('the live desk runs only the detectors that can make a headline (HSTECH and HSI histories)', () => {
  /** detector id -> headline keys its live-news facts make over every session of the series. */
  const headlinesBy = (symbol: string) => {
    const bars = readBarsFile(join(HK_DATA, `${symbol}.csv`)).bars;
    const cols = BarColumns.fromBars(bars);
    const out = new Map<string, Set<string>>();
    for (const d of DETECTORS) {
      const b = d.batch(cols);
      const keys = new Set<string>();
      for (let i = 0; i < bars.length; i++) {
        for (const f of b.factsAt(i) ?? []) {
          const k = isLiveNews(f) ? headlineKey(f, 'index', bars[i]!.date) : null;
          if (k !== null) keys.add(k);
        }
      }
      out.set(d.id, keys);
    }
    return out;
  };

  for (const symbol of ['HSTECH', 'HSI']) {
    it(`${symbol}: no other detector gives a headline fact, and the headline detectors do`, () => {
      const by = headlinesBy(symbol);
      const outside = [...by].filter(([id, keys]) => !HEADLINE_DETECTORS.has(id) && keys.size > 0).map(([id, keys]) => `${id}: ${[...keys].join(', ')}`);
      expect(outside).toEqual([]);
      // the test can fail: the subset does make headlines on these histories (regimes entered, records, rare moves)
      expect(by.get('regime')).toContain('regime:bull_market');
      expect([...(by.get('biggest_gain_since') ?? [])]).toContain('rare_move:up');
      for (const id of HEADLINE_DETECTORS) expect(DETECTORS.some((d) => d.id === id)).toBe(true);
    });
  }
});
