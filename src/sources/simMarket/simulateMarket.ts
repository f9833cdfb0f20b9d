import { createHkexCalendar } from '../../calendar/hkexCalendar.js';
import { SeededRandom } from '../../core/random.js';
import { addDays, asIndexCode, asSecurityId, isoWeekday, type IndexCode, type SecurityId, type SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { CorporateAction } from '../../domain/corporateAction.js';
import type { MembershipInterval } from '../../domain/membership.js';
import type { Security } from '../../domain/security.js';
import { Garch11 } from './Garch11.js';
import { roundToHkTick } from './hkTickSize.js';
import { planActions, referencePrice, type PlannedAction } from './simActions.js';
import { SIM_ROSTER } from './simRoster.js';

export interface SimulateMarketOptions {
  /** Same seed, same market (bit for bit). */
  readonly seed: number;
  /** First and last calendar date; sessions are the HKEX sessions in between. */
  readonly from: SessionDate;
  readonly to: SessionDate;
  /** Index members at any time (default 30); one more security exists for the mid-path constituent change. */
  readonly members?: number;
}

/** A phase of the market factor's drift, for documentation and tests. */
export interface SimRegime {
  readonly kind: 'bull' | 'bear' | 'rally' | 'calm';
  readonly from: SessionDate;
  readonly to: SessionDate;
  /** Drift of the market factor, log return per session (0.003 = +0.3% a day). */
  readonly driftPerSession: number;
}

export interface SimulatedMarket {
  readonly indexCode: IndexCode;
  readonly indexName: string;
  readonly sessions: readonly SessionDate[];
  readonly securities: readonly Security[];
  /** Raw (unadjusted) daily bars per security; `adjClose` is adjusted for splits, dividends and rights. */
  readonly series: ReadonlyMap<SecurityId, readonly Bar[]>;
  readonly actions: readonly CorporateAction[];
  readonly members: readonly MembershipInterval[];
  readonly regimes: readonly SimRegime[];
}

/** Regime schedule as fractions of the path: a bull run, a bear market, a rally of more than 20%, then calm. */
const REGIMES: ReadonlyArray<readonly [SimRegime['kind'], number, number]> = [
  ['bull', 0.3, 0.0008],
  ['bear', 0.55, -0.0019],
  ['rally', 0.75, 0.0026],
  ['calm', 1, 0.0002],
];
const MARKET_VOL = 0.013;
const GARCH_ALPHA = 0.08;
const GARCH_BETA = 0.9;

/**
 * Simulates "Simulated Tech", a fictional market of `members` (default 30) technology stocks on the HKEX
 * calendar, labelled simulated everywhere (`.SIM` symbols, `attributes.simulated`). Daily log returns are
 * `beta_i * market + idiosyncratic`, both Student-t (df 4 and 5, unit variance) scaled by GARCH(1,1)
 * volatilities (alpha 0.08, beta 0.90; market long-run 1.3% a day), with the market's drift following
 * {@link REGIMES}: a bull run, a bear market (> 20% fall), a rally of more than 20%, then calm. Prices are
 * rounded to HKEX ticks. Corporate actions: a 2:1 split, a special dividend, a 1-for-5 rights issue and
 * half-yearly cash dividends, returned as values and visible in the raw prices. One member leaves and one joins
 * at the quarterly review nearest the middle of the path (first session after the first Friday of Mar/Jun/Sep/Dec).
 * Pure and deterministic: same options, identical output.
 * @throws RangeError when `members` is outside 3..33 or the range holds fewer than 60 sessions.
 * @example simulateMarket({ seed: 7, from: asSessionDate('2023-07-03'), to: asSessionDate('2026-06-30') }).series.size // 31
 */
export function simulateMarket(opts: SimulateMarketOptions): SimulatedMarket {
  const n = opts.members ?? 30;
  if (!Number.isInteger(n) || n < 3 || n > SIM_ROSTER.length - 1) throw new RangeError(`members must be 3..${SIM_ROSTER.length - 1}: ${n}`);
  const cal = createHkexCalendar();
  const sessions = cal.sessionsBetween(opts.from, opts.to);
  if (sessions.length < 60) throw new RangeError(`need at least 60 sessions between ${opts.from} and ${opts.to}, got ${sessions.length}`);
  const rng = new SeededRandom(opts.seed);
  const count = n + 1;
  const at = (f: number): number => Math.min(sessions.length - 1, Math.floor(f * sessions.length));

  const stocks = SIM_ROSTER.slice(0, count).map((c, i) => {
    const startPrice = i === 2 ? 480 + 80 * rng.next() : Math.min(600, Math.max(2, Math.exp(Math.log(60) + rng.normal())));
    const marketCap = Math.exp(Math.log(40e9) + 0.9 * rng.normal());
    return {
      id: asSecurityId(`${7001 + i}.SIM`),
      company: c,
      beta: 0.7 + 0.8 * rng.next(),
      idio: new Garch11(0.012 + 0.016 * rng.next(), GARCH_ALPHA, GARCH_BETA),
      startPrice,
      shares: Math.round(marketCap / startPrice / 1000) * 1000,
      freeFloat: Math.round((0.3 + 0.65 * rng.next()) * 100) / 100,
      baseVolume: (marketCap / startPrice) * (0.002 + 0.004 * rng.next()),
    };
  });

  const regimes: SimRegime[] = [];
  let start = 0;
  for (const [kind, end, drift] of REGIMES) {
    const last = end >= 1 ? sessions.length - 1 : at(end) - 1;
    regimes.push({ kind, from: sessions[start] as SessionDate, to: sessions[last] as SessionDate, driftPerSession: drift });
    start = last + 1;
  }
  const driftAt = (t: number): number => {
    const d = sessions[t] as SessionDate;
    return (regimes.find((r) => d <= r.to) ?? regimes[regimes.length - 1])?.driftPerSession ?? 0;
  };

  const planned = planActions(sessions, count, at);
  const market = new Garch11(MARKET_VOL, GARCH_ALPHA, GARCH_BETA);
  const bars: Bar[][] = stocks.map(() => []);
  const prevClose = stocks.map((s) => roundToHkTick(s.startPrice));
  const actions: CorporateAction[] = [];
  const factors: Array<Array<{ t: number; factor: number }>> = stocks.map(() => []);

  for (let t = 0; t < sessions.length; t++) {
    const date = sessions[t] as SessionDate;
    const drift = driftAt(t);
    const mShock = market.volatility() * rng.studentT(4);
    market.update(mShock);
    const rm = drift + mShock;
    for (let i = 0; i < count; i++) {
      const s = stocks[i] as (typeof stocks)[number];
      const prev = prevClose[i] as number;
      const today = planned.filter((p: PlannedAction) => p.t === t && p.stock === i);
      const ref = referencePrice(prev, today, s.id, date, actions);
      if (ref !== prev) (factors[i] as Array<{ t: number; factor: number }>).push({ t, factor: ref / prev });
      const sd = s.idio.volatility();
      const e = sd * rng.studentT(5);
      s.idio.update(e);
      const r = s.beta * rm + e - 0.5 * (s.beta * MARKET_VOL) ** 2;
      const close = roundToHkTick(ref * Math.exp(r));
      const open = roundToHkTick(ref * Math.exp(0.35 * r + 0.25 * sd * rng.normal()));
      const range = 0.45 * (sd + s.beta * market.volatility());
      const high = roundToHkTick(Math.max(open, close) * Math.exp(range * Math.abs(rng.normal())));
      const low = roundToHkTick(Math.min(open, close) * Math.exp(-range * Math.abs(rng.normal())));
      const volume = Math.round((s.baseVolume * Math.exp(0.35 * rng.normal()) * (1 + (2 * Math.abs(r)) / (sd + 1e-9))) / 100) * 100;
      (bars[i] as Bar[]).push({
        date,
        open,
        high: Math.max(high, open, close),
        low: Math.min(low, open, close),
        close,
        adjClose: close,
        volume,
      });
      prevClose[i] = close;
    }
  }

  const series = new Map<SecurityId, readonly Bar[]>();
  stocks.forEach((s, i) => series.set(s.id, withAdjustedCloses(bars[i] as Bar[], factors[i] ?? [])));
  const review = midReview(sessions);
  const members: MembershipInterval[] = stocks.map((s, i) => ({
    symbol: s.id,
    name: s.company.name,
    from: i === n ? review : null,
    to: i === n - 1 ? review : null,
  }));
  const securities: Security[] = stocks.map((s) => ({
    id: s.id,
    kind: 'stock',
    name: s.company.name,
    nameZhHant: s.company.nameZhHant,
    currency: 'HKD',
    exchange: 'XHKG',
    sharesOutstanding: s.shares,
    freeFloatFactor: s.freeFloat,
    attributes: { simulated: true, sector: s.company.sector, market: 'Simulated Tech' },
  }));
  actions.sort((a, b) => (a.exDate < b.exDate ? -1 : a.exDate > b.exDate ? 1 : a.symbol < b.symbol ? -1 : 1));
  return { indexCode: asIndexCode('SIMTECH'), indexName: 'Simulated Tech (simulated data)', sessions, securities, series, actions, members, regimes };
}

/** Backward-adjusted closes: each close times the product of the action factors of later ex-dates (CRSP style). */
function withAdjustedCloses(bars: readonly Bar[], factors: ReadonlyArray<{ t: number; factor: number }>): Bar[] {
  const out = bars.slice();
  let k = 1;
  let f = factors.length - 1;
  for (let t = bars.length - 1; t >= 0; t--) {
    const b = bars[t] as Bar;
    out[t] = { ...b, adjClose: Number((b.close * k).toFixed(4)) };
    while (f >= 0 && (factors[f] as { t: number }).t === t) k *= (factors[f--] as { factor: number }).factor;
  }
  return out;
}

/** The first session after the first Friday of the quarter month (Mar/Jun/Sep/Dec) closest to mid-path. */
function midReview(sessions: readonly SessionDate[]): SessionDate {
  const mid = sessions[Math.floor(sessions.length / 2)] as SessionDate;
  const cal = createHkexCalendar();
  let best: SessionDate | null = null;
  for (let y = Number(mid.slice(0, 4)) - 1; y <= Number(mid.slice(0, 4)) + 1; y++) {
    for (const m of [3, 6, 9, 12]) {
      let d = `${y}-${String(m).padStart(2, '0')}-01` as SessionDate;
      while (isoWeekday(d) !== 5) d = addDays(d, 1);
      const eff = cal.nextSession(d);
      const dist = (x: SessionDate) => Math.abs(Date.parse(x) - Date.parse(mid));
      if (eff > (sessions[0] as SessionDate) && eff < (sessions[sessions.length - 1] as SessionDate) && (best === null || dist(eff) < dist(best))) best = eff;
    }
  }
  return best ?? mid;
}
