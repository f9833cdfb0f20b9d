import type { Bar } from '../domain/bar.js';
import type { Fact } from '../domain/fact.js';
import type { DetectorSpec, StreamingDetector } from './detector.js';
import { DETECTORS } from './registry.js';

/** What every detector says about the latest session, for the real-time path. */
export interface MilestoneUpdate {
  readonly facts: readonly Fact[];
  /** Ids of the detectors still warming up (not enough history). */
  readonly warmingUp: readonly string[];
}

/**
 * Every detector's streaming face behind one `update(bar, replace?)`: feed one symbol's sessions in order (or
 * the live session again with `replace = true` as its price moves) and get the same Facts, in the same order,
 * as `buildMilestoneReport` gives for that session from the batch faces. O(1) amortised per bar and detector.
 * @throws InputError / OutOfOrderError on a bad bar, before any detector changes
 * @example const s = new MilestoneStream(); for (const b of bars) s.update(b); s.update(live, true).facts
 */
export class MilestoneStream {
  private readonly detectors: readonly { readonly id: string; readonly d: StreamingDetector }[];

  constructor(specs: readonly DetectorSpec[] = DETECTORS) {
    this.detectors = specs.map((s) => ({ id: s.id, d: s.create() }));
  }

  update(bar: Bar, replace = false): MilestoneUpdate {
    const facts: Fact[] = [];
    const warmingUp: string[] = [];
    // The first detector validates the bar; it throws before changing anything, so the others stay in step.
    for (const { id, d } of this.detectors) {
      const f = d.update(bar, replace);
      if (f === null) warmingUp.push(id);
      else facts.push(...f);
    }
    return { facts, warmingUp };
  }
}
