/**
 * Is `s` a PostgreSQL connection URL (what `--db` takes besides a DuckDB file path)? Imports nothing: the app asks
 * before it loads node-postgres, and the CLI uses {@link redactUrl} in its messages.
 * @example isPostgresUrl('postgresql://desk@db.internal/desk') // true; isPostgresUrl('desk.duckdb') // false
 */
export const isPostgresUrl = (s: string): boolean => /^postgres(?:ql)?:\/\//i.test(s);

/**
 * `--db` as shown in messages and reports: a PostgreSQL URL without its password; anything else unchanged.
 * @example redactUrl('postgresql://desk:s3cret@db:5432/desk') // 'postgresql://desk:***@db:5432/desk'
 */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@/]*@/i, '$1:***@');
}
