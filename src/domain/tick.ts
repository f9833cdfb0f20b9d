import type { SecurityId, TimeMs } from '../core/units.js';

/** One trade. `seq` orders ticks of one symbol; `corrects` names the seq a correction replaces. */
export interface Tick {
  readonly symbol: SecurityId;
  readonly timeMs: TimeMs;
  readonly price: number;
  readonly size?: number;
  readonly seq?: number;
  readonly corrects?: number;
}
