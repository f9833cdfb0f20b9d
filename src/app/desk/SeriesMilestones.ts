import type { SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { Fact, MilestoneReport } from '../../domain/fact.js';
import type { BatchOutput } from '../../analytics/detector.js';
import { buildMilestoneReport, sessionReport } from '../../analytics/milestones.js';
import { DETECTORS } from '../../analytics/registry.js';
import { BarColumns } from '../../analytics/series/BarColumns.js';

/** Sessions of history before a new all-time high or low is worth a marker (about a year). */
export const ALL_TIME_MARKER_MIN_SESSIONS = 250;
/** A marker of the same fact type within this many sessions of the last one is left out (runs of new highs). */
export const MARKER_GAP_SESSIONS = 20;

/**
 * Facts that put a marker on the dashboard chart: a regime entered on closes (bull, bear, correction)
 * and new all-time closing highs or lows once the series has a year of history (`sessionIndex` 0-based).
 * Everything else is listed for the selected session only.
 */
export function isMarkerFact(f: Fact, sessionIndex: number): boolean {
  if (f.basis !== 'close') return false;
  if (f.event === 'entered' && (f.type === 'bull_market' || f.type === 'bear_market' || f.type === 'correction')) return true;
  return (f.type === 'all_time_high' || f.type === 'all_time_low') && f.event === 'new' && sessionIndex >= ALL_TIME_MARKER_MIN_SESSIONS;
}

/**
 * The analytics milestones of one series, for the desk: one session's full report (analytics'
 * buildMilestoneReport) and the chart markers of a date range, from each detector's batch face computed
 * once per series (O(n) for the whole history instead of O(n) per session).
 */
export class SeriesMilestones {
  private cols: BarColumns | null = null;
  private batches: BatchOutput[] | null = null;

  /**
   * @param closeOnly the bars carry closes only (an engine index: high = low = close), so intraday facts
   *   would only repeat the close and are left out of reports.
   */
  constructor(
    readonly symbol: string,
    private readonly bars: readonly Bar[],
    private readonly source: string,
    private readonly closeOnly = false,
  ) {}

  /** @throws InputError when there is no session on `date` (from analytics). */
  report(date: SessionDate): MilestoneReport {
    const r = buildMilestoneReport(this.symbol, this.columns(), date, this.source);
    if (!this.closeOnly) return r;
    const facts = r.facts.filter((f) => f.basis !== 'intraday');
    const note = 'closes only (engine levels): intraday facts left out';
    return { ...r, facts, notes: [...(r.notes ?? []), note] };
  }

  /**
   * Sessions in `from..to` with at least one marker fact; each report carries only its marker facts.
   * A fact type marked less than {@link MARKER_GAP_SESSIONS} sessions before (also before `from`) is not
   * marked again, so a run of new highs shows as one marker.
   */
  timeline(from: SessionDate, to: SessionDate): MilestoneReport[] {
    const cols = this.columns();
    const batches = (this.batches ??= DETECTORS.map((d) => d.batch(cols)));
    const lastMarked = new Map<string, number>();
    const out: MilestoneReport[] = [];
    for (let i = 0; i < cols.dates.length; i++) {
      const date = cols.dates[i] as SessionDate;
      if (date > to) break;
      const facts = batches
        .flatMap((b) => b.factsAt(i) ?? [])
        .filter((f) => isMarkerFact(f, i))
        .filter((f) => {
          const last = lastMarked.get(f.type);
          lastMarked.set(f.type, i);
          return last === undefined || i - last >= MARKER_GAP_SESSIONS;
        });
      if (facts.length === 0 || date < from) continue;
      out.push(sessionReport(this.symbol, cols, i, facts));
    }
    return out;
  }

  private columns(): BarColumns {
    this.cols ??= BarColumns.fromBars(this.bars, this.source);
    return this.cols;
  }
}
