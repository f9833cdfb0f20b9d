const CHUNK_BITS = 16;
/** Levels per chunk (512 KiB of doubles). */
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
/** Chunks kept for reuse at most (64 MiB). */
const POOL_MAX = 128;
const pool: Float64Array[] = [];

/**
 * The index level after each trade of a session, append-only with in-place rewrites (corrections), stored in
 * fixed chunks: appending never copies, and chunks released at the end of a session are reused by the next one,
 * so a live day does not pay for fresh memory (allocation and page faults cost more than the ticks themselves).
 * Reused chunks hold stale values beyond `length`; only positions below `length` are ever read.
 */
export class LevelPath {
  private chunks: Float64Array[] = [];
  private tail: Float64Array;
  private tailUsed = 0;
  /** Positions in use: 0 .. length - 1. */
  length = 0;

  constructor() {
    this.tail = take();
    this.chunks.push(this.tail);
  }

  /** Appends a level; @returns its position. */
  push(level: number): number {
    if (this.tailUsed === CHUNK) {
      this.tail = take();
      this.chunks.push(this.tail);
      this.tailUsed = 0;
    }
    this.tail[this.tailUsed++] = level;
    return this.length++;
  }

  /** The level at position `k` (0 <= k < length). */
  get(k: number): number {
    return (this.chunks[k >>> CHUNK_BITS] as Float64Array)[k & MASK] as number;
  }

  /** Rewrites the level at position `k` (0 <= k < length). */
  set(k: number, level: number): void {
    (this.chunks[k >>> CHUNK_BITS] as Float64Array)[k & MASK] = level;
  }

  /** Gives the chunks back for reuse; the path is empty afterwards (and can be appended to again). */
  release(): void {
    for (const c of this.chunks) if (pool.length < POOL_MAX) pool.push(c);
    this.chunks = [];
    this.tail = take();
    this.chunks.push(this.tail);
    this.tailUsed = 0;
    this.length = 0;
  }
}

function take(): Float64Array {
  return pool.pop() ?? new Float64Array(CHUNK);
}
