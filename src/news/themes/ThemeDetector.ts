import { PhraseMatcher, type Phrase } from '../link/PhraseMatcher.js';
import { INSTITUTION_BLOCKERS, INSTITUTIONS } from './institutions.js';
import { THEME_BLOCKERS, THEME_RULES, type ThemeId } from './themeRules.js';

/** A theme found in a text, with the trigger phrases (as written in the rules) that fired it. */
export interface DetectedTheme {
  readonly theme: ThemeId;
  readonly label: string;
  /** Distinct trigger phrases, in order of first appearance. */
  readonly triggers: readonly string[];
  /** Number of trigger matches (a phrase counted each time it appears). */
  readonly hits: number;
}

/** A bank or research house named in a text. */
export interface InstitutionMention {
  readonly id: string;
  readonly name: string;
  readonly mentions: number;
  /** Offsets of the first mention (UTF-16 units). */
  readonly start: number;
  readonly end: number;
  /** True when the sentence of the first mention quotes an analyst, strategist or economist, or a note. */
  readonly analystContext: boolean;
}

type Tag = { kind: 'theme'; rule: number; phrase: string } | { kind: 'institution'; index: number } | { kind: 'blocker' };

const SHORT = 5;
const ANALYST_RE = /\b(analysts?|strategists?|economists?|research|note|said|says|forecasts?|expects?|rating|target)\b/i;

/**
 * Assigns themes by transparent trigger rules (themeRules.ts) and finds analyst/bank mentions (institutions.ts),
 * in one pass of an automaton built once. Themes are sorted by hits, most first.
 * @example new ThemeDetector().detect('DeepSeek rattled chipmakers as tariffs loomed').themes.map(t => t.theme)
 *   // ['ai', 'tariffs_trade', 'chips'] (one hit each, in rule order)
 */
export class ThemeDetector {
  private readonly tags: Tag[] = [];
  private readonly matcher: PhraseMatcher;

  constructor() {
    const phrases: Phrase[] = [];
    const add = (text: string, tag: Tag) => {
      phrases.push({ text, caseSensitive: text.length <= SHORT && /[A-Za-z]/.test(text) });
      this.tags.push(tag);
    };
    THEME_RULES.forEach((r, rule) => r.triggers.forEach((phrase) => add(phrase, { kind: 'theme', rule, phrase })));
    INSTITUTIONS.forEach((inst, index) => inst.aliases.forEach((a) => add(a, { kind: 'institution', index })));
    for (const b of [...THEME_BLOCKERS, ...INSTITUTION_BLOCKERS]) add(b, { kind: 'blocker' });
    this.matcher = new PhraseMatcher(phrases);
  }

  /** Themes and institution mentions of `text`. */
  detect(text: string): { themes: DetectedTheme[]; institutions: InstitutionMention[] } {
    const themeHits = new Map<number, { triggers: string[]; hits: number }>();
    const inst = new Map<number, { mentions: number; start: number; end: number }>();
    for (const m of this.matcher.match(text)) {
      const tag = this.tags[m.phrase]!;
      if (tag.kind === 'theme') {
        const t = themeHits.get(tag.rule) ?? { triggers: [], hits: 0 };
        t.hits++;
        if (!t.triggers.includes(tag.phrase)) t.triggers.push(tag.phrase);
        themeHits.set(tag.rule, t);
      } else if (tag.kind === 'institution') {
        const i = inst.get(tag.index);
        if (i) i.mentions++;
        else inst.set(tag.index, { mentions: 1, start: m.start, end: m.end });
      }
    }
    const themes = [...themeHits.entries()]
      .sort((a, b) => b[1].hits - a[1].hits || a[0] - b[0])
      .map(([rule, t]) => ({ theme: THEME_RULES[rule]!.theme, label: THEME_RULES[rule]!.label, triggers: t.triggers, hits: t.hits }));
    const institutions = [...inst.entries()]
      .sort((a, b) => a[1].start - b[1].start)
      .map(([index, i]) => ({
        id: INSTITUTIONS[index]!.id, name: INSTITUTIONS[index]!.name, mentions: i.mentions, start: i.start, end: i.end,
        analystContext: ANALYST_RE.test(sentenceAround(text, i.start, i.end)),
      }));
    return { themes, institutions };
  }
}

/** The sentence (or line) that holds [start, end). */
export function sentenceAround(text: string, start: number, end: number): string {
  let a = start, b = end;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1]!)) a--;
  while (b < text.length && !/[.!?\n]/.test(text[b]!)) b++;
  return text.slice(a, b + 1);
}
