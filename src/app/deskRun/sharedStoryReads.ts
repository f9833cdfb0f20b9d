import type { SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import { defaultPublishedLocal, newsWindowOf, type StoryPorts, type StoryShared } from '../story/buildStoryInput.js';
import { NewsLinking } from '../story/NewsLinking.js';

/**
 * What every story of the session reads alike, read once: the corporate actions, and the stored news of the union of
 * the stories' news windows (each story keeps its own window of it), with one entity linker and theme detector.
 */
export async function sharedStoryReads(ports: StoryPorts, date: SessionDate, barsOfStories: readonly (readonly Bar[])[]): Promise<StoryShared> {
  const actions = await ports.market.getActions();
  if (ports.news === null || barsOfStories.length === 0) return { actions };
  const publishedLocal = defaultPublishedLocal(date);
  const windows = barsOfStories.map((bars) => newsWindowOf({ date }, publishedLocal, bars));
  const fromMs = Math.min(...windows.map((w) => w.fromMs));
  const toMs = Math.max(...windows.map((w) => w.toMs));
  return { actions, articles: await ports.news.listArticles({ fromMs, toMs }), linking: new NewsLinking() };
}
