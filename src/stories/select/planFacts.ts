import type { Bar } from '../../domain/bar.js';
import type { Fact } from '../../domain/fact.js';
import type { LedgerBuilder } from '../ledger/LedgerBuilder.js';
import { findBarIndex } from './dayMeasures.js';
import type { FactLine, MoveWhat, SinceWhat } from './planTypes.js';

/** Default thresholds of the regime facts, in percent (methodology.md §3.1). */
const REGIME_THRESHOLD_PCT: Record<string, number> = { bull_market: 20, bear_market: 20, correction: 10 };

/** Points beyond the threshold from which a story says the distance itself rather than "more than <threshold>". */
export const UNDERSTATED_POINTS = 5;

/**
 * Turns one analytics fact into a language-neutral line, recording every number in the ledger.
 * Values are recomputed from the bars when the fact's reference session is in them, so the ledger names
 * the inputs; a fact without the fields a sentence needs gives null (never a guessed number).
 * @param bars the symbol's bars; `i` the index of the story's session in them.
 */
export function planFact(f: Fact, bars: readonly Bar[], i: number, symbol: string, ledger: LedgerBuilder): FactLine | null {
  const bar = bars[i] as Bar;
  const session = bar.date;
  switch (f.type) {
    case 'bull_market':
    case 'bear_market':
    case 'correction': {
      if (!f.reference) return null;
      const ref = f.reference;
      const refIdx = findBarIndex(bars, ref.date);
      const refBar = refIdx >= 0 ? (bars[refIdx] as Bar) : null;
      const basis = f.basis === 'intraday' ? 'intraday' : 'close';
      const field = basis === 'close' ? 'close' : f.type === 'bull_market' ? 'high' : 'low';
      const today = basis === 'close' ? bar.close : f.type === 'bull_market' ? bar.high : bar.low;
      const pct = (today / ref.value - 1) * 100;
      const detailThreshold = f.detail?.['thresholdPct'];
      const thr = typeof detailThreshold === 'number' ? detailThreshold : (REGIME_THRESHOLD_PCT[f.type] ?? 20);
      // Never claim what the numbers do not show.
      if (f.type === 'bull_market' ? pct < thr : -pct < thr) return null;
      // The first regime line (the lead, planned first) owns the plain ids the chart reads; a second one of
      // another type (a correction after an intraday bear market) gets its own, never the lead's numbers.
      const prior = ledger.get('regime.threshold_pct');
      const key = !prior || prior.source.field === f.type ? 'regime' : `regime.${f.type}`;
      const refDate = ledger.addDate(`${key}.ref_date`, ref.date, symbol, `date of the reference ${f.type === 'bull_market' ? 'low' : 'high'} (analytics ${f.type} fact)`);
      const pctFromRef = ledger.add({
        id: `${key}.pct_from_ref`,
        kind: 'pct',
        value: pct,
        dp: 1,
        source: {
          series: symbol,
          session: `${ref.date}..${session}`,
          field: `${field} on ${session}; ${refBar && refBar.close === ref.value ? 'close' : 'reference value'} on ${ref.date}`,
          computation: `(${field} / reference - 1) * 100`,
        },
        inputs: { [field]: today, reference: ref.value },
      });
      const threshold = ledger.add({
        id: `${key}.threshold_pct`,
        kind: 'threshold',
        value: thr,
        dp: 0,
        source: { series: 'methodology', session, field: f.type, computation: 'regime threshold (methodology.md §3.1)' },
      });
      const distance = Math.abs(pct) - thr >= UNDERSTATED_POINTS
        ? ledger.add({ id: `${key}.distance_pct`, kind: 'pct', value: pct, dp: 0, source: pctFromRef.source, inputs: { [field]: today, reference: ref.value } })
        : null;
      return { t: 'regime', type: f.type as 'bull_market' | 'bear_market' | 'correction', basis, refDate, pctFromRef, threshold, distance };
    }
    case 'all_time_high':
    case 'all_time_low':
      return f.event === 'new' ? { t: 'record', high: f.type === 'all_time_high' } : null;
    case 'highest_since':
    case 'lowest_since':
    case 'biggest_gain_since':
    case 'biggest_loss_since':
    case 'best_week_since':
    case 'worst_week_since': {
      if (f.since === undefined) return null;
      if (f.since === 'record') {
        if (f.type === 'highest_since' || f.type === 'lowest_since') return { t: 'record', high: f.type === 'highest_since' };
        return { t: 'record_move', what: f.type.replace(/_since$/, '') as MoveWhat };
      }
      const what = f.type.replace(/_since$/, '') as SinceWhat;
      const since = ledger.addDate(`fact.${f.type}.since`, f.since, symbol, `last session at least as ${what.replace('_', ' ')} (analytics ${f.type} fact)`);
      return { t: 'since', what, since };
    }
    case 'period_high':
    case 'period_low': {
      if (f.event !== 'new') return null;
      const p = f.period ?? '';
      const high = f.type === 'period_high';
      if (/^\d{4}$/.test(p)) {
        // The first session of a year is trivially its high and its low: not news.
        if ((bars[i - 1] as Bar | undefined)?.date.slice(0, 4) !== p) return null;
        const year = ledger.add({ id: `fact.${f.type}.year`, kind: 'date', value: Number(p), dp: 0, dateParts: [Number(p)], source: { series: symbol, session, field: 'close', computation: `${high ? 'highest' : 'lowest'} close of ${p} (analytics)` } });
        return { t: 'period', high, year, weeks: null };
      }
      const w = /^(\d+)w$/.exec(p);
      if (w) {
        const weeks = ledger.add({ id: `fact.${f.type}.weeks`, kind: 'count', value: Number(w[1]), dp: 0, source: { series: 'methodology', session, field: 'period', computation: `trailing ${w[1]}-week window (analytics)` } });
        return { t: 'period', high, year: null, weeks };
      }
      return null;
    }
    case 'streak': {
      if (typeof f.count !== 'number' || f.count < 2 || f.event === 'snapped') return null;
      const dir = f.detail?.['direction'];
      const up = dir === 'down' ? false : dir === 'up' ? true : (f.changePct ?? bar.close - ((bars[i - 1] as Bar | undefined)?.close ?? bar.close)) >= 0;
      const unit = f.period === 'week' ? 'weeks' : 'sessions';
      const count = ledger.add({ id: 'fact.streak.count', kind: 'count', value: f.count, dp: 0, source: { series: symbol, session, field: 'close', computation: `consecutive ${unit} with close beyond the previous one (analytics)` } });
      // "the longest since D" is news only when D is at least a quarter back (a 3-session run beats last month's).
      const longAgo = f.since !== undefined && f.since !== 'record' && Date.parse(`${session}T00:00:00Z`) - Date.parse(`${f.since}T00:00:00Z`) >= 90 * 86_400_000;
      const longestSince = longAgo && f.since !== undefined && f.since !== 'record' ? ledger.addDate('fact.streak.longest_since', f.since, symbol, `last day of the most recent earlier streak at least as long (analytics streak fact)`) : null;
      return { t: 'streak', up, weeks: f.period === 'week', count, longestSince };
    }
    default:
      return null;
  }
}
