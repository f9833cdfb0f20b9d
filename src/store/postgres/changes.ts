/**
 * What a committed write changed, as counted in `indexwire_changes` and announced on the NOTIFY channel
 * {@link CHANGES_CHANNEL} (payload `topic:revision`): `bars`, `reference` (securities, corporate actions,
 * memberships), `index` (engine sessions and state), `news`, `levels` (live levels of the scale-out).
 */
export type StoreTopic = 'bars' | 'reference' | 'index' | 'news' | 'levels';

export const STORE_TOPICS: readonly StoreTopic[] = ['bars', 'reference', 'index', 'news', 'levels'];

/** The LISTEN/NOTIFY channel of the change counters. */
export const CHANGES_CHANNEL = 'indexwire_changes';

interface Db {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * Counts one change of `topic` inside the caller's transaction and queues its NOTIFY (PostgreSQL delivers it at
 * COMMIT, and not at all on ROLLBACK). The counter's row lock also orders concurrent writers of one topic: the
 * revision a writer gets is committed before the next writer's. Returns the new revision.
 */
export async function countChange(db: Db, topic: StoreTopic): Promise<number> {
  const [r] = await db.query<{ revision: number }>(
    `WITH u AS (UPDATE indexwire_changes SET revision = revision + 1 WHERE topic = $1 RETURNING revision)
     SELECT revision, pg_notify('${CHANGES_CHANNEL}', $1 || ':' || revision) FROM u`, [topic]);
  return r?.revision ?? 0;
}

/** Every topic's revision, in one read. */
export async function readRevisions(db: Db): Promise<Map<StoreTopic, number>> {
  const rows = await db.query<{ topic: StoreTopic; revision: number }>('SELECT topic, revision FROM indexwire_changes');
  return new Map(rows.map((r) => [r.topic, r.revision]));
}
