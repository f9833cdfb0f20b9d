import type { ThemeId } from '../themes/themeRules.js';

/**
 * A theme a story may name as what the news was about, in both story languages. It refines a theme of the news
 * layer's detector (themeRules.ts): with `triggers`, only articles where one of those trigger phrases fired carry
 * it (DeepSeek is one trigger of `ai`); without, any trigger of the detector theme does.
 */
export interface CatalystTheme {
  readonly id: string;
  readonly detectorTheme: ThemeId;
  readonly triggers?: readonly string[];
  /**
   * Words a reader expects the catalyst to name (`tariffs`): when the first clause names none, a clause of another
   * article of the theme that does is reported too (chooseCatalyst.ts).
   */
  readonly key?: readonly string[];
  /** English noun phrase, e.g. `DeepSeek`, `tariffs and trade`. */
  readonly en: string;
  /** Traditional Chinese noun phrase for Hong Kong readers; Latin script only for names (DeepSeek). */
  readonly zhHant: string;
}

/**
 * The bilingual theme lexicon (docs/stories.md, "The catalyst"). Specific themes come before the theme they refine,
 * so an equal score goes to the specific one (DeepSeek before AI).
 */
export const THEME_LEXICON: readonly CatalystTheme[] = [
  { id: 'deepseek', detectorTheme: 'ai', triggers: ['DeepSeek'], en: 'DeepSeek', zhHant: 'DeepSeek的人工智能模型' },
  { id: 'ai', detectorTheme: 'ai', en: 'artificial intelligence', zhHant: '人工智能' },
  { id: 'tariffs_trade', detectorTheme: 'tariffs_trade', key: ['tariff', 'tariffs'], en: 'tariffs and trade', zhHant: '關稅及貿易戰' },
  { id: 'stimulus_policy', detectorTheme: 'stimulus_policy', en: 'stimulus and policy', zhHant: '刺激經濟及政策措施' },
  { id: 'earnings', detectorTheme: 'earnings', en: 'earnings', zhHant: '企業業績' },
  { id: 'regulation', detectorTheme: 'regulation', en: 'regulation', zhHant: '監管' },
  { id: 'evs', detectorTheme: 'evs', en: 'electric vehicles', zhHant: '電動車' },
  { id: 'chips', detectorTheme: 'chips', en: 'chips', zhHant: '晶片' },
];

/** True when an article whose detector found `themes` carries the lexicon theme `t`. */
export function carriesTheme(t: CatalystTheme, themes: readonly { readonly theme: string; readonly triggers: readonly string[] }[]): boolean {
  const hit = themes.find((x) => x.theme === t.detectorTheme);
  if (!hit) return false;
  return t.triggers === undefined || hit.triggers.some((tr) => t.triggers!.includes(tr));
}
