import type { SessionInterval } from '../../calendar/TradingCalendar.js';
import type { Tick } from '../../domain/tick.js';
import type { PartialLevel } from '../../realtime/LevelAggregator.js';
import { LiveIndexCalculator } from '../../realtime/LiveIndexCalculator.js';
import type { LiveEvent } from '../../realtime/LiveIndexSession.js';
import type { LiveIndexState } from '../../realtime/liveIndexState.js';
import { partitionState } from '../../realtime/partitionState.js';
import type { Watermark } from './publishTicks.js';

/**
 * The state of one tick partition in a worker: a live calculator per index over the members hashed here, and
 * the stream sequence of the last message applied. Messages must come in stream order, each once.
 */
export class PartitionProcessor {
  /** Stream sequence of the last message applied (0 = none). */
  lastSeq = 0;
  private readonly calcs: { index: string; calc: LiveIndexCalculator }[] = [];
  private readonly bySymbol = new Map<string, LiveIndexCalculator[]>();

  constructor(
    readonly partition: number,
    partitions: number,
    states: readonly LiveIndexState[],
    intervals: readonly SessionInterval[],
  ) {
    for (const s of states) {
      const part = partitionState(s, partition, partitions);
      if (!part) continue;
      const calc = new LiveIndexCalculator(part, intervals);
      this.calcs.push({ index: s.code, calc });
      for (const m of part.members) {
        const list = this.bySymbol.get(m.symbol) ?? [];
        list.push(calc);
        this.bySymbol.set(m.symbol, list);
      }
    }
  }

  /**
   * Applies the message with stream sequence `seq`; a watermark returns this partition's shares of every
   * index, anything else an empty list.
   * @throws RangeError when `seq` is not the next one (the caller must redeliver in order).
   */
  apply(seq: number, msg: LiveEvent | Watermark): PartialLevel[] {
    if (seq !== this.lastSeq + 1) throw new RangeError(`partition ${this.partition}: got seq ${seq}, expected ${this.lastSeq + 1}`);
    this.lastSeq = seq;
    if (msg.type === 'watermark') return this.shares(msg);
    const calcs = this.bySymbol.get(msg.symbol);
    if (!calcs) return [];
    for (const c of calcs) {
      if (msg.type === 'halt') c.halt(msg.symbol);
      else if (msg.type === 'resume') c.resume(msg.symbol);
      else c.apply(msg as Tick);
    }
    return [];
  }

  private shares(w: Watermark): PartialLevel[] {
    return this.calcs.map(({ index, calc }) => {
      const n = calc.outcomeCounts();
      const applied = n.applied + n.corrected + n.correction_superseded;
      let all = 0;
      for (const v of Object.values(n)) all += v;
      return {
        index, partition: this.partition, timeMs: w.timeMs, phase: w.phase,
        levelPart: calc.level(), previousPart: calc.previousLevel(), applied, rejected: all - applied, duplicates: n.duplicate,
      };
    });
  }
}
