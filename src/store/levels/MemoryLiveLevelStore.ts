import type { AggregatedLevel } from '../../realtime/LevelAggregator.js';
import type { LiveLevelStore } from './LiveLevelStore.js';

/** The in-memory twin of the live level stores: same contract, no database. Returns copies. */
export class MemoryLiveLevelStore implements LiveLevelStore {
  private readonly byIndex = new Map<string, Map<number, string>>();

  async putLiveLevels(levels: readonly AggregatedLevel[]): Promise<number> {
    let added = 0;
    for (const l of levels) {
      let m = this.byIndex.get(l.index);
      if (!m) this.byIndex.set(l.index, (m = new Map()));
      if (m.has(l.timeMs)) continue;
      m.set(l.timeMs, JSON.stringify(l));
      added++;
    }
    return added;
  }

  async latestLiveLevel(index: string): Promise<AggregatedLevel | null> {
    const m = this.byIndex.get(index);
    if (!m || m.size === 0) return null;
    const last = Math.max(...m.keys());
    return JSON.parse(m.get(last) as string) as AggregatedLevel;
  }

  async liveLevels(index: string, fromMs: number, toMs: number): Promise<AggregatedLevel[]> {
    const m = this.byIndex.get(index);
    if (!m) return [];
    return [...m.entries()].filter(([t]) => t >= fromMs && t <= toMs).sort(([a], [b]) => a - b).map(([, j]) => JSON.parse(j) as AggregatedLevel);
  }

  async close(): Promise<void> {}
}
