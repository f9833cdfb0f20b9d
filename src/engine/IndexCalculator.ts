import type { SecurityId, SessionDate } from '../core/units.js';
import type { Bar } from '../domain/bar.js';
import type { CorporateAction } from '../domain/corporateAction.js';
import type { EngineAction, ShareChange } from '../domain/indexRun.js';
import type { IndexSession } from '../domain/indexLevel.js';
import type { MembershipInterval } from '../domain/membership.js';
import type { Methodology } from '../domain/methodology.js';
import type { Security } from '../domain/security.js';
import { compareEngineActions } from './calc/compareEngineActions.js';
import { IndexKernel, type KernelState } from './calc/IndexKernel.js';
import { ReviewPlanner, type GivenWeights } from './review/ReviewPlanner.js';

export interface CalculatorContext {
  readonly members?: readonly MembershipInterval[];
  readonly securities?: ReadonlyMap<SecurityId, Security>;
  readonly actions?: readonly CorporateAction[];
  /** Share-count / free-float changes between reviews. */
  readonly shareChanges?: readonly ShareChange[];
  /** Weights per review for schemes `given` (overrides the methodology's) and `fit` (required). */
  readonly givenWeights?: GivenWeights;
  /** Per-constituent detail in each session (default true). */
  readonly detail?: boolean;
}

/** One session's input: its date and the bars (or closes) of the symbols that traded. */
export interface SessionBars {
  readonly date: SessionDate;
  readonly bars: ReadonlyMap<SecurityId, Bar | number>;
}

/** What {@link IndexCalculator.snapshot} returns: the kernel's state and the position in the action list. */
export interface CalculatorState {
  readonly kernel: KernelState;
  readonly actionIdx: number;
  /** Positions (in ex-date order) of actions the index did not apply. */
  readonly skipped: readonly number[];
}

const NO_ACTIONS: readonly EngineAction[] = [];

/**
 * The streaming face of the engine: feed sessions in date order with `update`, get each IndexSession
 * (null before the base date). Same kernel as the batch `buildIndex`; feeding in chunks equals all at once.
 * @example const calc = new IndexCalculator(methodology, { members }); const s = calc.update({ date, bars });
 */
export class IndexCalculator {
  private readonly kernel: IndexKernel;
  private readonly planner: ReviewPlanner;
  private readonly universe: Set<SecurityId> | null;
  private readonly actions: EngineAction[];
  private actionIdx = 0;
  private closes = new Float64Array(16);
  private last: IndexSession | null = null;

  constructor(readonly methodology: Methodology, ctx: CalculatorContext = {}) {
    // one deterministic order, whatever the order of the files: actions of one ex-date by kind (split first)
    const engineActions: EngineAction[] = [...(ctx.actions ?? []), ...(ctx.shareChanges ?? [])].sort(compareEngineActions);
    const planner = new ReviewPlanner(methodology, ctx.members, ctx.securities, ctx.givenWeights, engineActions);
    this.planner = planner;
    this.universe = planner.universeSymbols();
    const changes = new Set<SessionDate>();
    for (const iv of ctx.members ?? []) {
      if (iv.from !== null) changes.add(iv.from);
      if (iv.to !== null) changes.add(iv.to);
    }
    this.kernel = new IndexKernel(
      {
        code: methodology.code,
        baseDate: methodology.baseDate,
        baseValue: methodology.baseValue,
        reviews: methodology.reviews,
        membershipChanges: [...changes].sort(),
        ranked: methodology.selection.count !== undefined,
        detail: ctx.detail ?? true,
      },
      planner,
    );
    if (this.universe) for (const s of [...this.universe].sort()) this.kernel.slot(s);
    this.actions = engineActions;
  }

  /**
   * Adds one session. @throws OutOfOrderError when the date is not after the previous one;
   * ConfigError from a review (infeasible cap, missing weights).
   */
  update(session: SessionBars): IndexSession | null {
    const k = this.kernel;
    for (const s of session.bars.keys()) if (this.universe === null || this.universe.has(s)) k.slot(s);
    if (this.closes.length < k.slotCount) this.closes = new Float64Array(k.slotCount * 2);
    const closes = this.closes;
    closes.fill(NaN);
    for (const [s, b] of session.bars) {
      if (this.universe !== null && !this.universe.has(s)) continue;
      closes[k.slot(s)] = typeof b === 'number' ? b : b.close;
    }
    const out = k.step(session.date, closes, this.actionsUpTo(session.date));
    if (out) this.last = out;
    return out;
  }

  /** Adds several sessions in order; returns the sessions on or after the base date. */
  updateMany(sessions: readonly SessionBars[]): IndexSession[] {
    const out: IndexSession[] = [];
    for (const s of sessions) {
      const r = this.update(s);
      if (r) out.push(r);
    }
    return out;
  }

  /** Registers symbols (in this order) before the first session, so their slots are fixed. */
  register(symbols: readonly SecurityId[]): void {
    for (const s of symbols) this.kernel.slot(s);
  }

  /** Symbols in slot order (the order `updateRow` expects); grows as new symbols arrive. */
  get symbols(): readonly SecurityId[] {
    return this.kernel.symbols;
  }

  /**
   * Adds one session given as closes in slot order (`symbols`; NaN = no bar). The batch face uses this.
   * @throws OutOfOrderError, ConfigError as `update`.
   */
  updateRow(date: SessionDate, closes: Float64Array): IndexSession | null {
    const out = this.kernel.step(date, closes, this.actionsUpTo(date));
    if (out) this.last = out;
    return out;
  }

  /** Corporate actions with ex-date after the previous session and on or before `date`. */
  private actionsUpTo(date: SessionDate): readonly EngineAction[] {
    if (this.actionIdx >= this.actions.length || (this.actions[this.actionIdx] as EngineAction).exDate > date) return NO_ACTIONS;
    const out: EngineAction[] = [];
    while (this.actionIdx < this.actions.length && (this.actions[this.actionIdx] as EngineAction).exDate <= date) {
      out.push(this.actions[this.actionIdx] as EngineAction);
      this.actionIdx++;
    }
    return out;
  }

  /** The latest session computed, or null before the base date. */
  getResult(): IndexSession | null {
    return this.last;
  }

  /**
   * The calculator's state after the last session (JSON-safe), to continue later with {@link restore} on a
   * calculator built with the same methodology and context: continuing equals computing in one run (tested).
   */
  snapshot(): CalculatorState {
    return {
      kernel: this.kernel.snapshot(),
      actionIdx: this.actionIdx,
      skipped: this.kernel.skipped.map((a) => this.actions.indexOf(a)),
    };
  }

  /** Restores a {@link snapshot} into this fresh calculator (built with the same methodology and context). */
  restore(state: CalculatorState): void {
    this.kernel.restore(state.kernel);
    this.actionIdx = state.actionIdx;
    for (const i of state.skipped) {
      const a = this.actions[i];
      if (a !== undefined) {
        this.planner.skipAction(a);
        this.kernel.skipped.push(a);
      }
    }
  }

  /** Issues so far (left-out members, stale prices summarised per symbol). */
  get issues(): string[] {
    return this.kernel.allIssues();
  }
}
