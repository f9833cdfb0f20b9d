/**
 * The one small error hierarchy of Indexwire (DESIGN.md "Errors").
 * Every error that reaches a user says where: source (file or URL), line and field when known.
 */
export class IndexwireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface InputErrorDetails {
  /** File path, URL or logical source name. */
  readonly source: string;
  /** 1-based line number in the source, when the input is line oriented. */
  readonly line?: number;
  /** Field (column, YAML path) that is wrong. */
  readonly field?: string;
  /** The offending raw value, as read. */
  readonly value?: string;
  /** What is wrong, e.g. `not a number`. */
  readonly reason: string;
}

/**
 * Bad input: `file:line: field "x": value "v" reason`.
 * @example new InputError({source: 'a.csv', line: 3, field: 'close', value: 'abc', reason: 'not a number'}).message
 * // 'a.csv:3: field "close": value "abc" not a number'
 */
export class InputError extends IndexwireError {
  readonly source: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly value: string | undefined;
  readonly reason: string;
  constructor(details: InputErrorDetails) {
    super(formatInputIssue(details));
    this.source = details.source;
    this.line = details.line;
    this.field = details.field;
    this.value = details.value;
    this.reason = details.reason;
  }
}

/** Formats an input issue the way every parser reports it. */
export function formatInputIssue(d: InputErrorDetails): string {
  let s = d.source;
  if (d.line !== undefined) s += `:${d.line}`;
  s += ':';
  if (d.field !== undefined) s += ` field "${d.field}":`;
  if (d.value !== undefined) s += ` value "${truncate(d.value, 80)}"`;
  return `${s} ${d.reason}`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n)}…`;
}

/** An input that arrived out of order (ticks, bars). */
export class OutOfOrderError extends IndexwireError {
  constructor(
    readonly source: string,
    readonly index: number,
    readonly time: string,
    readonly previousTime: string,
  ) {
    super(`${source}: out of order at index=${index}, time=${time}, prev time=${previousTime}`);
  }
}

/** A calculation that needs more history than it was given. */
export class NotEnoughDataError extends IndexwireError {
  constructor(
    readonly what: string,
    readonly needed: number,
    readonly got: number,
  ) {
    super(`not enough data for ${what}: need ${needed}, got ${got}`);
  }
}

/** A source (file, feed, server) failed; `retryable` says whether trying again may help. */
export class SourceError extends IndexwireError {
  constructor(
    readonly source: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(`${source}: ${message}`);
  }
}

/** A broken internal promise: a bug or corrupt state, never bad user input. */
export class InvariantError extends IndexwireError {}

/** Configuration (methodology, options) that is invalid. */
export class ConfigError extends InputError {}

/** @throws InvariantError when `cond` is false. */
export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new InvariantError(message);
}
