import type { StoryFrontMatter } from '../../domain/story.js';

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
const list = (xs: readonly string[]) => (xs.length === 0 ? ' []' : `\n${xs.map((x) => `  - ${q(x)}`).join('\n')}`);

/**
 * Writes front matter in exactly the seed's layout and field order (../shared/seed): quoted strings,
 * two-space `- ` lists, bare booleans, `---` fences.
 * @example renderFrontMatter(fm).split('\n')[1] // 'title: "Hang Seng Tech Index enters technical bull market"'
 */
export function renderFrontMatter(fm: StoryFrontMatter): string {
  return [
    '---',
    `title: ${q(fm.title)}`,
    `date: ${q(fm.date)}`,
    `summary: ${q(fm.summary)}`,
    `categories:${list(fm.categories)}`,
    `lang:${list(fm.lang)}`,
    `translations:${list(fm.translations)}`,
    `tags:${list(fm.tags)}`,
    `menu: ${q(fm.menu)}`,
    `thumbnail: ${q(fm.thumbnail)}`,
    `lead: ${q(fm.lead)}`,
    `comments: ${fm.comments}`,
    `authorbox: ${fm.authorbox}`,
    `pager: ${fm.pager}`,
    `toc: ${fm.toc}`,
    `mathjax: ${fm.mathjax}`,
    `sidebar: ${q(fm.sidebar)}`,
    `widgets:${list(fm.widgets)}`,
    '---',
  ].join('\n');
}
