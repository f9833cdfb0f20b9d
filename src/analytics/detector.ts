import { InvariantError } from '../core/errors.js';
import type { Bar } from '../domain/bar.js';
import type { Fact } from '../domain/fact.js';
import type { BarColumns } from './series/BarColumns.js';
import { BarHistory } from './series/BarHistory.js';
import { validateBar } from './series/validateBar.js';

/**
 * The batch face of a detector: numbers for every bar of a series in typed arrays (fast, no objects per bar),
 * turned into Facts only for the sessions asked for.
 */
export interface BatchOutput {
  /** The Facts of bar `i`: null while the detector is warming up (not enough history), [] when nothing to say. */
  factsAt(i: number): Fact[] | null;
}

/** One detector, registered once with both faces (see registry.ts and the contract test). */
export interface DetectorSpec {
  /** Stable id, e.g. `regime`, `highest_since.close`. */
  readonly id: string;
  /** What it says, in one line (the README table is built from these). */
  readonly summary: string;
  /** What the detector needs before it can answer, in plain words (used in "not enough history" notes). */
  readonly needs?: string;
  /** Pure batch face over a whole series. */
  batch(cols: BarColumns): BatchOutput;
  /** A fresh streaming face. */
  create(): StreamingDetector;
}

/**
 * The streaming face (trading-signals style): `update(bar)` one session at a time, O(1) amortised;
 * `update(bar, true)` replaces the latest session (a revised close). The result is null while warming up.
 *
 * How replace stays exact: the latest bar is only *pending*. Subclasses compute its result in `evaluate`
 * from the committed state without changing it; the pending bar is folded in by `commit` only when the next
 * session arrives. So a replace just evaluates again, and replace then replace-back restores everything.
 */
export abstract class StreamingDetector {
  protected readonly hist = new BarHistory();
  private result: Fact[] | null = null;
  /** True while evaluating a replace (for detectors composed of other streaming detectors). */
  protected replacing = false;

  constructor(protected readonly source = 'stream') {}

  /**
   * @returns the Facts of this session (null while warming up)
   * @throws InputError on a bad price; OutOfOrderError on a date not after the previous session;
   *   InvariantError on a replace before any update
   */
  update(bar: Bar, replace = false): Fact[] | null {
    const h = this.hist;
    const prevDate = h.committed > 0 ? h.date(h.committed - 1) : null;
    if (replace) {
      if (!h.pendingBar) throw new InvariantError(`${this.source}: replace before any update`);
      validateBar(bar, this.source, h.committed, prevDate);
    } else {
      const pending = h.pendingBar;
      if (pending) {
        validateBar(bar, this.source, h.committed + 1, pending.date);
        this.commit(h.committed);
        h.commitPending();
      } else validateBar(bar, this.source, h.committed, prevDate);
    }
    h.setPending(bar);
    this.replacing = replace;
    this.result = this.evaluate(h.committed);
    return this.result;
  }

  /** The Facts of the latest session (null while warming up or before any update). */
  getResult(): Fact[] | null {
    return this.result;
  }

  /** Computes the Facts of the pending bar at index `i` (= committed count). Must not change committed state. */
  protected abstract evaluate(i: number): Fact[] | null;
  /** Folds the pending bar at index `i` into the committed state (called before the next session). */
  protected abstract commit(i: number): void;
}

/** Runs a streaming detector over a whole series: the reference the contract test compares batch faces with. */
export function runStreaming(det: StreamingDetector, bars: readonly Bar[]): (Fact[] | null)[] {
  return bars.map((b) => det.update(b));
}
