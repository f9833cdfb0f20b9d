import type { Article } from '../../domain/article.js';
import type { EntityLinker } from '../../news/link/EntityLinker.js';
import { ThemeDetector, type DetectedTheme } from '../../news/themes/ThemeDetector.js';
import { createEntityLinker } from '../securityMaster.js';

/**
 * An entity linker and a theme detector built once for many stories, with each article's securities and themes
 * kept per article object (a pure function of its text: linking it again gives the same answer).
 */
export class NewsLinking {
  private readonly known = new WeakMap<Article, { readonly symbols: readonly string[]; themes: readonly DetectedTheme[] | null }>();
  private readonly linker: EntityLinker;
  private readonly detector = new ThemeDetector();
  constructor(securityMasterPath?: string) {
    this.linker = createEntityLinker(securityMasterPath);
  }

  /** The securities an article names (the entity linker over its title and body). */
  symbolsOf(a: Article): string[] {
    return [...this.entry(a).symbols];
  }

  /** The themes of an article (the theme detector over its title and body). */
  themesOf(a: Article): readonly DetectedTheme[] {
    const e = this.entry(a);
    e.themes ??= this.detector.detect(`${a.title}\n\n${a.body}`).themes;
    return e.themes;
  }

  private entry(a: Article): { readonly symbols: readonly string[]; themes: readonly DetectedTheme[] | null } {
    let e = this.known.get(a);
    if (e === undefined) {
      e = { symbols: this.linker.securitiesIn(`${a.title}\n\n${a.body}`).map(String), themes: null };
      this.known.set(a, e);
    }
    return e;
  }
}
