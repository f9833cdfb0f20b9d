import { daysBetween, type SessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { Fact, MilestoneReport } from '../domain/fact.js';
import type { DetectorSpec, StreamingDetector } from './detector.js';
import { GAP_NOTE_DAYS } from './milestones.js';
import { DETECTORS } from './registry.js';

/** One detector's answer for the session so far: its Facts, or null while it warms up. */
export interface DetectorResult {
  readonly id: string;
  readonly facts: Fact[] | null;
}

/**
 * The milestones of one series' session while it trades, kept incrementally: each detector's streaming face is fed
 * the history once (at construction), then the session's provisional bar, which every later call replaces
 * (`update(bar, replace)`: O(1) amortised per detector, no rebuild of the series). By the detector contract
 * (batch == streaming, test/analytics/detectorContract.test.ts), `report(bar)` equals
 * `buildMilestoneReport(symbol, BarColumns.fromBars([...history, bar]), date)`, without its cost of every detector's
 * batch face over the whole series.
 * @example const m = new SessionMilestones('HSTECH', '2025-02-07', history); m.report(bar).changePct // 1.798 at the close 5,150.35
 */
export class SessionMilestones {
  private readonly dets: { readonly spec: DetectorSpec; readonly det: StreamingDetector; fed: boolean }[];
  private readonly previous: Bar | null;

  /** @param history the series' bars; those on or after `date` are left out. */
  constructor(
    readonly symbol: string,
    readonly date: SessionDate,
    history: readonly Bar[],
    specs: readonly DetectorSpec[] = DETECTORS,
  ) {
    const past = history.filter((b) => b.date < date);
    this.previous = past.at(-1) ?? null;
    this.dets = specs.map((spec) => {
      const det = spec.create();
      for (const b of past) det.update(b);
      return { spec, det, fed: false };
    });
  }

  /** The detectors' ids, in report order. */
  ids(): string[] {
    return this.dets.map((d) => d.spec.id);
  }

  /** Each detector's Facts for the session's bar as it stands (only those in `only` when given), in report order. */
  results(bar: Bar, only?: ReadonlySet<string>): DetectorResult[] {
    const out: DetectorResult[] = [];
    for (const d of this.dets) {
      if (only && !only.has(d.spec.id)) continue;
      const facts = d.det.update(bar, d.fed);
      d.fed = true;
      out.push({ id: d.spec.id, facts });
    }
    return out;
  }

  /** The milestone report of the session with this bar (as `buildMilestoneReport`, without periods). */
  report(bar: Bar): MilestoneReport {
    const facts: Fact[] = [];
    const notes: string[] = [];
    for (const r of this.results(bar)) {
      const spec = this.dets.find((d) => d.spec.id === r.id)?.spec as DetectorSpec;
      if (r.facts === null) notes.push(`not enough history for ${r.id}${spec.needs ? ` (needs ${spec.needs})` : ''}`);
      else facts.push(...r.facts);
    }
    const prev = this.previous;
    if (prev) {
      const gap = daysBetween(prev.date, this.date);
      if (gap > GAP_NOTE_DAYS) notes.push(`previous session ${prev.date} is ${gap} calendar days earlier: day-on-day figures span the gap`);
    } else notes.push(`first session in the data: no previous close`);
    const previousClose = prev ? prev.close : null;
    return {
      symbol: this.symbol,
      date: this.date,
      close: bar.close,
      previousClose,
      changePct: previousClose === null ? null : (bar.close / previousClose - 1) * 100,
      high: bar.high,
      low: bar.low,
      facts,
      ...(notes.length > 0 ? { notes } : {}),
    };
  }
}
