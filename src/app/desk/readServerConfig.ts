import { ConfigError } from '../../core/errors.js';

export interface ServerConfig {
  /** Bearer tokens accepted on admin/write endpoints; empty disables them. */
  readonly adminTokens: readonly string[];
  /** Per-IP token bucket; false turns rate limiting off. */
  readonly rateLimit: { readonly capacity: number; readonly refillPerSec: number } | false;
}

/** Shortest admin token accepted (characters): shorter ones are guessable. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * Reads the server's secrets and limits from the environment (the app layer is the only place that reads it):
 * - `INDEXWIRE_ADMIN_TOKENS`: comma-separated Bearer tokens, each at least 16 characters, no spaces;
 * - `INDEXWIRE_RATE_LIMIT`: `CAPACITY/PER_SECOND` (e.g. `100/50`), or `off`. Default `100/50`.
 * @example readServerConfig({ INDEXWIRE_RATE_LIMIT: '20/5' }).rateLimit // { capacity: 20, refillPerSec: 5 }
 * @throws ConfigError naming the variable and the bad value.
 */
export function readServerConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const raw = env.INDEXWIRE_ADMIN_TOKENS ?? '';
  const adminTokens = raw.split(',').map((t) => t.trim()).filter((t) => t !== '');
  adminTokens.forEach((t, i) => {
    if (t.length < MIN_TOKEN_LENGTH || /\s/.test(t)) {
      throw new ConfigError({
        source: 'environment',
        field: 'INDEXWIRE_ADMIN_TOKENS',
        value: `token #${i + 1} (${t.length} characters)`,
        reason: `each token needs at least ${MIN_TOKEN_LENGTH} characters and no spaces`,
      });
    }
  });
  const rl = (env.INDEXWIRE_RATE_LIMIT ?? '100/50').trim();
  if (rl === 'off') return { adminTokens, rateLimit: false };
  const m = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(rl);
  const capacity = Number(m?.[1]), refillPerSec = Number(m?.[2]);
  if (!m || !(capacity >= 1) || !(refillPerSec > 0)) {
    throw new ConfigError({ source: 'environment', field: 'INDEXWIRE_RATE_LIMIT', value: rl, reason: 'expected CAPACITY/PER_SECOND such as 100/50, or off' });
  }
  return { adminTokens, rateLimit: { capacity, refillPerSec } };
}
