import { IndexwireError } from '../../core/errors.js';

/** Something asked for does not exist (unknown index code, date without a session, story slug). HTTP 404. */
export class NotFoundError extends IndexwireError {
  constructor(
    readonly what: string,
    readonly key: string,
  ) {
    super(`${what} not found: ${key}`);
  }
}

/** A part of the desk that is not built yet or not configured (no news folder, no analytics). HTTP 501. */
export class UnavailableError extends IndexwireError {
  constructor(
    readonly feature: string,
    readonly reason: string,
  ) {
    super(`${feature} unavailable: ${reason}`);
  }
}
