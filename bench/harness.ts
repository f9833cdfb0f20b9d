/** Tiny benchmark helpers: time a function, report peak RSS, print figure and ratio against a baseline. */
export interface Timing {
  readonly seconds: number;
  readonly result: unknown;
}

export function time<T>(fn: () => T): { seconds: number; result: T } {
  const t0 = process.hrtime.bigint();
  const result = fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, result };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, result };
}

/** Best of `runs` timings (after one warm-up). */
export function bestOf<T>(runs: number, fn: () => T): { seconds: number; result: T } {
  fn();
  let best = time(fn);
  for (let i = 1; i < runs; i++) {
    const t = time(fn);
    if (t.seconds < best.seconds) best = t;
  }
  return best;
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Prints `subject: figure unit (ratio x vs baseline)`. */
export function report(subject: string, figure: number, unit: string, baselineFigure?: number, higherIsBetter = true): void {
  const fig = figure >= 100 ? Math.round(figure).toLocaleString('en-US') : figure.toPrecision(4);
  let line = `${subject}: ${fig} ${unit}`;
  if (baselineFigure !== undefined && baselineFigure > 0) {
    const ratio = higherIsBetter ? figure / baselineFigure : baselineFigure / figure;
    line += ` (${ratio.toFixed(1)}x vs baseline)`;
  }
  process.stdout.write(`${line}\n`);
}
