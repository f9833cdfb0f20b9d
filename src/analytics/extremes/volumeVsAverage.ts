import type { Fact } from '../../domain/fact.js';
import type { BatchOutput, DetectorSpec } from '../detector.js';
import { StreamingDetector } from '../detector.js';
import type { BarsView } from '../series/BarsView.js';

/** Sessions in the volume average. */
export const VOLUME_WINDOW = 20;
/** Known volumes needed among them (Yahoo's half days have none). */
export const VOLUME_MIN_KNOWN = 15;

/**
 * Volume against the average of the previous 20 sessions (today excluded; unknown volumes left out of the
 * average). Fact `volume`: `value` = today's volume, `changePct` = (volume / average - 1) x 100,
 * `detail` {averageVolume, ratio, sessions}. Null (warming up / unknown) when today's volume is unknown, fewer
 * than 20 sessions precede, or fewer than 15 of them have a volume. Sums the 20 values afresh each session
 * (O(20), no running-sum drift), in the same order in both faces.
 */
export function volumeFacts(v: BarsView, i: number): Fact[] | null {
  const today = v.volume(i);
  if (i < VOLUME_WINDOW || Number.isNaN(today)) return null;
  let sum = 0, known = 0;
  for (let j = i - VOLUME_WINDOW; j < i; j++) {
    const x = v.volume(j);
    if (!Number.isNaN(x)) ((sum += x), known++);
  }
  if (known < VOLUME_MIN_KNOWN || sum <= 0) return null;
  const averageVolume = sum / known;
  const ratio = today / averageVolume;
  return [{ type: 'volume', basis: 'close', value: today, changePct: (ratio - 1) * 100, detail: { averageVolume, ratio, sessions: known } }];
}

class StreamingVolume extends StreamingDetector {
  protected evaluate(i: number): Fact[] | null {
    return volumeFacts(this.hist, i);
  }
  protected commit(): void {}
}

export const volumeDetector: DetectorSpec = {
  id: 'volume',
  needs: "today's volume and volumes for at least 15 of the previous 20 sessions",
  summary: 'volume: session volume against the average of the previous 20 sessions',
  batch: (cols): BatchOutput => ({ factsAt: (i) => volumeFacts(cols, i) }),
  create: () => new StreamingVolume(),
};
