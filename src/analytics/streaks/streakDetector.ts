import type { Fact } from '../../domain/fact.js';
import type { BatchOutput, DetectorSpec } from '../detector.js';
import { StreamingDetector } from '../detector.js';
import type { BarColumns } from '../series/BarColumns.js';
import type { BarsView } from '../series/BarsView.js';
import { elementKey, type ElementUnit } from '../series/elementKey.js';
import { RecordChain } from '../series/RecordChain.js';

/**
 * Winning and losing streaks by session or by week: consecutive elements whose last close is higher (lower)
 * than the previous element's. An unchanged close ends both kinds. Facts:
 * - `streak` `event: "in"` when the current streak is 2 or longer: `count`, `detail.direction` (`up`/`down`),
 *   `since` = the last day of the most recent earlier streak in the same direction at least as long (its length
 *   in `reference.value`), or `record`;
 * - `streak` `event: "snapped"` when this element ends a streak of 2 or more (`count` = its length).
 * Null on the first element (no previous close).
 */
interface StreakState {
  /** Direction (+1, -1, 0) and length of the streak that ends at the last completed element. */
  dir: number;
  len: number;
  /** Last close and last bar of the last completed element (NaN / -1 before any). */
  close: number;
  bar: number;
}

interface StreakRow {
  warm: boolean;
  dir: number;
  len: number;
  snapped: number;
  snappedDir: number;
  refBar: number;
  refLen: number;
}

function factsOf(unit: ElementUnit, v: BarsView, r: StreakRow): Fact[] | null {
  if (!r.warm) return null;
  const out: Fact[] = [];
  const period = unit;
  if (r.snapped > 0) {
    out.push({ type: 'streak', basis: 'close', event: 'snapped', count: r.snapped, period, detail: { direction: r.snappedDir > 0 ? 'up' : 'down' } });
  }
  if (r.len >= 2) {
    out.push({
      type: 'streak',
      basis: 'close',
      event: 'in',
      count: r.len,
      since: r.refBar < 0 ? 'record' : v.date(r.refBar),
      ...(r.refBar >= 0 ? { reference: { date: v.date(r.refBar), value: r.refLen } } : {}),
      period,
      detail: { direction: r.dir > 0 ? 'up' : 'down' },
    });
  }
  return out;
}

/** Row for a provisional element with last close `c`, given the state of completed elements. */
function rowFor(s: StreakState, c: number, find: (dir: number, len: number, r: StreakRow) => void, r: StreakRow): void {
  r.warm = !Number.isNaN(s.close);
  if (!r.warm) return;
  const dir = c > s.close ? 1 : c < s.close ? -1 : 0;
  r.dir = dir;
  r.len = dir !== 0 && dir === s.dir ? s.len + 1 : dir !== 0 ? 1 : 0;
  r.snapped = dir !== s.dir && s.len >= 2 ? s.len : 0;
  r.snappedDir = s.dir;
  r.refBar = -1;
  r.refLen = 0;
  if (r.len >= 2) find(dir, r.len, r);
}

/** Completes an element with last close `c` at bar `bar`; `push` records a finished streak. */
function complete(s: StreakState, c: number, bar: number, push: (dir: number, len: number, bar: number) => void): void {
  if (!Number.isNaN(s.close)) {
    const dir = c > s.close ? 1 : c < s.close ? -1 : 0;
    if (dir !== 0 && dir === s.dir) s.len++;
    else {
      if (s.dir !== 0 && s.len > 0) push(s.dir, s.len, s.bar);
      s.dir = dir;
      s.len = dir !== 0 ? 1 : 0;
    }
  }
  s.close = c;
  s.bar = bar;
}

const newState = (): StreakState => ({ dir: 0, len: 0, close: Number.NaN, bar: -1 });
const newRow = (): StreakRow => ({ warm: false, dir: 0, len: 0, snapped: 0, snappedDir: 0, refBar: -1, refLen: 0 });

/** 1 or 0 without a branch (a comparison's bit as an integer): the batch loop runs on random directions. */
const bit = (x: boolean): number => (x as unknown as number) | 0;

let tableScratch = new Int32Array(1024);

function batchStreak(unit: ElementUnit, cols: BarColumns): BatchOutput {
  const n = cols.length;
  // Per bar: warm (bit 4), direction + 1 (bits 0-1) and the snapped streak's direction + 1 (bits 2-3).
  const packed = new Uint8Array(n);
  const lenA = new Int32Array(n), snappedA = new Int32Array(n), refBarA = new Int32Array(n);
  /** Length of the completed streak that ended at bar b, at b + 1 (0 at 0: the length of "no reference"). */
  const lenAfter = new Int32Array(n + 1);
  // "Most recent earlier streak at least as long" for lengths 1..n, per direction (up at 0.., down at n + 1..):
  // the bar where the latest completed streak of length >= L ended. Lengths are small, so a completed streak
  // of length len rewrites entries 1..len (O(n) in all) and a query is one read, instead of a monotone stack's
  // pops and search. Entry 0 of each side stays -1 (no reference); entries above the longest streak completed
  // so far (maxLen) are never read. Gives the same answers as the stack (the most recent at least as long).
  const side = n + 1;
  if (tableScratch.length < 2 * side) tableScratch = new Int32Array(Math.max(2 * side, tableScratch.length * 2));
  const table = tableScratch; // does not escape: reused by every call (single-threaded)
  table[0] = -1;
  table[side] = -1;
  const maxLen = new Int32Array(2); // longest completed streak so far: up, down
  const closes = cols.closes;
  const weeks = unit === 'week' ? cols.weeks : null;
  // rowFor and complete over scalars, without branches on the direction (same arithmetic). State of the
  // completed elements: direction and length of the streak ending at the last one, its last close and bar.
  let sDir = 0, sLen = 0, sClose = Number.NaN, sBar = -1;
  let key = Number.NaN, lastClose = Number.NaN, lastBar = -1;
  for (let i = 0; i < n; i++) {
    const k = weeks !== null ? (weeks[i] as number) : i;
    if (k !== key && lastBar >= 0) {
      if (sClose === sClose) {
        const d = bit(lastClose > sClose) - bit(lastClose < sClose);
        const cont = bit(d !== 0) & bit(d === sDir);
        // A streak ends (cont 0): record it when it had a direction.
        const doneLen = (1 - cont) * bit(sDir !== 0) * sLen;
        const down = bit(sDir < 0);
        const off = down * side;
        for (let L = 1; L <= doneLen; L++) table[off + L] = sBar;
        lenAfter[sBar + 1] = doneLen; // read only for recorded streaks
        const m = maxLen[down] as number;
        maxLen[down] = m + ((doneLen - m) & -bit(doneLen > m));
        sLen = cont * sLen + bit(d !== 0);
        sDir = d;
      }
      sClose = lastClose;
      sBar = lastBar;
    }
    key = k;
    const c = closes[i] as number;
    lastClose = c;
    lastBar = i;
    if (sClose !== sClose) continue; // not warm (arrays stay 0)
    const dir = bit(c > sClose) - bit(c < sClose);
    const len = (bit(dir !== 0) & bit(dir === sDir)) * sLen + bit(dir !== 0);
    packed[i] = 16 | (dir + 1) | ((sDir + 1) << 2);
    lenA[i] = len;
    snappedA[i] = (bit(dir !== sDir) & bit(sLen >= 2)) * sLen;
    const down = bit(dir < 0);
    refBarA[i] = table[down * side + (bit(len >= 2) & bit(len <= (maxLen[down] as number))) * len] as number;
  }
  return {
    factsAt: (i) => {
      const refBar = refBarA[i] as number;
      const p = packed[i] as number;
      return factsOf(unit, cols, {
        warm: p >= 16, dir: (p & 3) - 1, len: lenA[i] as number, snapped: snappedA[i] as number,
        snappedDir: ((p >> 2) & 3) - 1, refBar, refLen: lenAfter[refBar + 1] as number,
      });
    },
  };
}

class StreamingStreak extends StreamingDetector {
  private readonly s = newState();
  private readonly chains = { up: new RecordChain(), down: new RecordChain() };
  private key = Number.NaN;
  private readonly row = newRow();
  constructor(private readonly unit: ElementUnit) {
    super();
  }
  private find = (dir: number, len: number, row: StreakRow): void => {
    const ch = dir > 0 ? this.chains.up : this.chains.down;
    const p = ch.find(len);
    if (p >= 0) ((row.refBar = ch.tag(p)), (row.refLen = ch.value(p)));
  };
  protected evaluate(i: number): Fact[] | null {
    const h = this.hist;
    const k = elementKey(this.unit, i, h.day(i));
    let state = this.s;
    if (k !== this.key && i > 0) {
      // The open element is complete once a bar of a new element arrives: evaluate on a copy.
      state = { ...this.s };
      complete(state, h.close(i - 1), i - 1, () => {});
    }
    rowFor(state, h.close(i), this.find, this.row);
    return factsOf(this.unit, h, this.row);
  }
  protected commit(i: number): void {
    const h = this.hist;
    const k = elementKey(this.unit, i, h.day(i));
    if (k !== this.key && i > 0) {
      complete(this.s, h.close(i - 1), i - 1, (dir, len, bar) => (dir > 0 ? this.chains.up : this.chains.down).push(len, bar));
    }
    this.key = k;
  }
}

/** Streaks by session or by week. */
export function streakDetector(unit: ElementUnit): DetectorSpec {
  return {
    id: `streak.${unit}`,
    summary: `streak (${unit}): consecutive higher / lower closes, longest since, snapped`,
    batch: (cols) => batchStreak(unit, cols),
    create: () => new StreamingStreak(unit),
  };
}
