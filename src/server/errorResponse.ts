import { IndexwireError, InputError, SourceError } from '../core/errors.js';
import { NotFoundError, UnavailableError } from '../app/desk/deskErrors.js';

/** The JSON body of every error the API returns. */
export interface ErrorBody {
  readonly error: {
    readonly status: number;
    /** Stable machine code: `bad_input`, `not_found`, `unavailable`, `unauthorized`, `rate_limited`, `internal`, ... */
    readonly code: string;
    readonly message: string;
    readonly source?: string;
    readonly line?: number;
    readonly field?: string;
    readonly value?: string;
  };
}

export interface ErrorResponse {
  readonly statusCode: number;
  readonly body: ErrorBody;
}

/** An HTTP error raised by the server itself (auth, rate limit). */
export class HttpError extends IndexwireError {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/**
 * The one place that maps errors to HTTP responses (hono style):
 * InputError -> 400 with source/line/field/value; NotFoundError -> 404; UnavailableError -> 501;
 * HttpError -> its status; SourceError -> 503 with a generic message (its text names server paths); fastify's own 4xx errors keep their status; anything else -> 500 with a
 * generic message and never a stack (the error is logged by the caller).
 */
export function errorResponse(err: unknown): ErrorResponse {
  if (err instanceof InputError) {
    const e = {
      status: 400,
      code: 'bad_input',
      message: err.message,
      source: err.source,
      ...(err.line !== undefined ? { line: err.line } : {}),
      ...(err.field !== undefined ? { field: err.field } : {}),
      ...(err.value !== undefined ? { value: err.value } : {}),
    };
    return { statusCode: 400, body: { error: e } };
  }
  if (err instanceof NotFoundError) return simple(404, 'not_found', err.message);
  if (err instanceof UnavailableError) return simple(501, 'unavailable', err.message);
  if (err instanceof HttpError) return simple(err.statusCode, err.code, err.message);
  // the message names a server-side file or URL: logged by the caller (status >= 500), never sent to the client
  if (err instanceof SourceError) return simple(503, 'source_unavailable', 'a data source cannot be read (see the server log)');
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // fastify's own client errors (bad JSON body, unsupported media type, body too large).
    const code = (err as { code?: unknown }).code;
    return simple(status, typeof code === 'string' ? code.toLowerCase() : 'bad_request', (err as Error).message);
  }
  return simple(500, 'internal', 'internal error');
}

function simple(statusCode: number, code: string, message: string): ErrorResponse {
  return { statusCode, body: { error: { status: statusCode, code, message } } };
}
