/**
 * A format parser's complaint about one input: which field, at which 1-based line when known, and why.
 * The reader that knows the file name turns it into an InputError (`file:line: field "x": reason`).
 */
export class FormatError extends Error {
  constructor(
    readonly field: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${line !== undefined ? `line ${line}: ` : ''}field "${field}": ${reason}`);
  }
}
