import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when the `Authorization` header carries `Bearer <token>` for one of `tokens`.
 * Compares SHA-256 digests with `timingSafeEqual` and always checks every token, so the time taken
 * does not depend on how much of a token matched nor on which token matched.
 * An empty token list accepts nothing.
 */
export function isAuthorized(header: string | undefined, tokens: readonly string[]): boolean {
  if (header === undefined || tokens.length === 0) return false;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!m) return false;
  const given = digest(m[1] as string);
  let ok = false;
  for (const t of tokens) {
    if (timingSafeEqual(given, digest(t))) ok = true;
  }
  return ok;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}
