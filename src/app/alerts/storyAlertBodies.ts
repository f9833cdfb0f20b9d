import type { StoryMessage } from '../live/LiveHub.js';

/**
 * The webhook body of one story version in one language: `id` is the story's slug (the same for all its versions),
 * `kind` "flash" for the first version and "update" after it, `headline` the version's title in `lang`, `eventTime`
 * the version's event time (ISO 8601, UTC) and `path` its own file under the stories folder
 * (`versions/<slug>-HHMMSS.<lang>.md`). Besides: the index, `published` (the front matter date, exchange time),
 * `reason` (flash, fact, lunch, close) and `final` (the close version).
 */
export interface StoryAlertBody {
  readonly id: string;
  readonly version: number;
  readonly kind: 'flash' | 'update';
  readonly lang: string;
  readonly headline: string;
  readonly eventTime: string;
  readonly path: string;
  readonly index: string;
  readonly published: string;
  readonly reason: StoryMessage['reason'];
  readonly final: boolean;
}

/**
 * One body per language of a story version, in the version's language order.
 * @example storyAlertBodies(flash)[0] // {id: 'hstech-2025-02-07', version: 1, kind: 'flash', lang: 'en', headline: '...', eventTime: '2025-02-07T01:30:18.000Z', path: 'versions/hstech-2025-02-07-093018.en.md', ...}
 */
export function storyAlertBodies(msg: StoryMessage): StoryAlertBody[] {
  return msg.documents.map((d) => ({
    id: msg.slug,
    version: msg.version,
    kind: msg.update ? 'update' : 'flash',
    lang: d.lang,
    headline: d.title,
    eventTime: msg.time,
    path: msg.files.find((f) => f.startsWith('versions/') && f.endsWith(`.${d.lang}.md`)) ?? '',
    index: msg.index,
    published: msg.published,
    reason: msg.reason,
    final: msg.final,
  }));
}

/** The idempotency key of one body: the same version in the same language always gives the same key. */
export const storyAlertKey = (b: StoryAlertBody): string => `story:${b.id}:v${b.version}:${b.lang}`;
