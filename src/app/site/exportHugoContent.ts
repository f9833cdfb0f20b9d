import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readNewsPostFiles, readStoryFiles } from './readStoryFiles.js';

/** Minimal Hugo layouts (single, list, term, taxonomy): enough to prove the content builds. */
export const HUGO_LAYOUTS: Readonly<Record<string, string>> = {
  '_default/single.html': '<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02 15:04" }}</time>{{ .Content }}<p>{{ range .Params.tags }}<a href="{{ "tags/" | relLangURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Lang }}</a>{{ end }}</article></body></html>\n',
  '_default/list.html': '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul></body></html>\n',
  '_default/term.html': '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n',
  '_default/taxonomy.html': '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul></body></html>\n',
};

export const HUGO_CONFIG = `baseURL = "https://example.org/"
title = "Indexwire"
defaultContentLanguage = "en"
[languages.en]
weight = 1
languageName = "English"
[languages.zh-hant]
weight = 2
languageName = "繁體中文"
[taxonomies]
tag = "tags"
category = "categories"
[markup.goldmark.renderer]
unsafe = false
`;

/**
 * Writes the stories of `storiesDir` and the republished news posts of `newsDirs` as one Hugo site in `siteDir`:
 * one page bundle per story (`content/posts/<slug>/index.<lang>.md`, languages lower-cased as Hugo keys them,
 * charts beside as bundle resources so relative image links resolve) and per post (`content/news/<slug>/`),
 * `hugo.toml` with both languages and the taxonomies, and the minimal layouts. Files are copied byte for byte.
 * @returns the number of story and post files written.
 * @throws SourceError when a folder cannot be read.
 */
export function exportHugoContent(storiesDir: string, siteDir: string, newsDirs: readonly string[] = []): number {
  const read = readStoryFiles(storiesDir);
  writeFileSync(join(siteDir, 'hugo.toml'), HUGO_CONFIG);
  for (const [rel, text] of Object.entries(HUGO_LAYOUTS)) {
    mkdirSync(join(siteDir, 'layouts', rel, '..'), { recursive: true });
    writeFileSync(join(siteDir, 'layouts', rel), text);
  }
  for (const s of read.stories) {
    const dir = join(siteDir, 'content', 'posts', s.slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `index.${s.lang.toLowerCase()}.md`), readFileSync(join(storiesDir, `${s.slug}.${s.lang}.md`)));
    for (const a of read.assets.filter((p) => basename(p).startsWith(`${s.slug}.`))) copyFileSync(a, join(dir, basename(a)));
  }
  let posts = 0;
  for (const newsDir of newsDirs) {
    for (const s of readNewsPostFiles(newsDir).stories) {
      const dir = join(siteDir, 'content', 'news', s.slug);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `index.${s.lang.toLowerCase()}.md`), readFileSync(s.sourceFile ?? join(newsDir, `${s.slug}.${s.lang}.md`)));
      posts++;
    }
  }
  return read.stories.length + posts;
}
