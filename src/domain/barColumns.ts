/**
 * What the engine reads of a symbol: its session day keys (`dayKey` of `src/core/dayKey.ts`, ascending, unique)
 * and the close of each, as typed arrays (no object per bar).
 */
export interface CloseSeries {
  readonly keys: Int32Array;
  readonly close: Float64Array;
}

/**
 * The bars of one symbol as columns, row i being one bar (ascending by date). `adjClose` and `volume` are NaN
 * where the bar has none (null in a `Bar`).
 */
export interface BarColumns extends CloseSeries {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly adjClose: Float64Array;
  readonly volume: Float64Array;
}
