const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half a|a half|a third|a quarter';
const AMOUNT = `(?:\\d[\\d,]*(?:\\.\\d+)?|(?:${NUMBER_WORDS})(?:[- ](?:${NUMBER_WORDS}))?)`;
const UNIT = '(?:\\s*%|\\s*(?:percent|per cent|pc|pct|percentage points?|points?|pts)\\b)';
const HEDGE = '(?:(?:more|less|fewer) than |nearly |almost |about |around |over |some |up to |as much as |just |roughly )?';
/**
 * Verbs that stay a whole predicate once their figure is gone (`soared on Friday`): transitive ones (`added`, `shed`,
 * `lost`, `piled on`) are left without their object (`Alibaba piled on following ...`): their figures are taken out
 * only when asked (`transitive`), a last resort the news layer ranks below every clean clause of the theme.
 */
const MOVE_VERB = '(?:rose|rise|rising|fell|fall|falling|soared|soaring|plunged|plunging|jumped|jumping|gained|gaining|dropped|dropping|slumped|surged|surging|climbed|tumbled|sank|declined|advanced|rallied|slid|dived|dipped|edged (?:up|down|higher|lower)|ended (?:up|down)|closed (?:up|down)|up|down|higher|lower)';
/** A move figure right after a move verb, with its hedge: `soared more than three percent`, `rose 2.27 percent, or 500 points`. */
const TRANSITIVE_MOVE_VERB = '(?:lost|losing|shed|added|adding|piled on)';
const moveFigure = (verb: string) => new RegExp(`\\b(${verb})\\s+(?:by\\s+)?${HEDGE}${AMOUNT}${UNIT}(?:,?\\s*or\\s+${AMOUNT}${UNIT},?)?`, 'gi');
const MOVE_FIGURE = moveFigure(MOVE_VERB);
const TRANSITIVE_MOVE_FIGURE = moveFigure(TRANSITIVE_MOVE_VERB);
/** A level after a move: `to 23,090`, `at 20,827`, `to close at 19,828` (three digits or more). */
const LEVEL = /(?:,?\s*(?:to close |to end |to open )?(?:to|at)\s+)\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:,?\s*(?:to|at)\s+)\d{3,}(?:\.\d+)?/g;
/** A digit that is not part of a year (1900-2099). */
const NON_YEAR_DIGIT = /\d/;

/**
 * True when `text` states a figure: any digit outside a year, or a number word before percent or points. A story
 * never repeats such a figure from an article: its own figures come from the data, and the article's may be of
 * another moment or another market (a headline "up 3 percent" beside the story's "rose 4.0%").
 * @example hasFigure('Alibaba piled on more than 13 percent') // true
 * @example hasFigure('in 2025, news of a new chatbot') // false
 */
export function hasFigure(text: string): boolean {
  const noYears = text.replace(/\b(?:19|20)\d\d\b/g, '');
  return NON_YEAR_DIGIT.test(noYears) || new RegExp(`${AMOUNT}${UNIT}`, 'i').test(noYears);
}

/**
 * Takes the move figures (a figure right after a move verb) and the levels after them out of a sentence (`soared
 * more than three percent on Friday` -> `soared on Friday`), so it says the cause without a figure the story would
 * contradict; null when a figure would remain (`an extra 34 percent tariffs` is not a move: the sentence is refused).
 * Returns the sentence unchanged when it holds no figure.
 * @example withoutMoveFigures('The index rose 2.27 percent, or 500 points, to 23,090 on earnings.') // 'The index rose on earnings.'
 */
export function withoutMoveFigures(sentence: string, transitive = false): string | null {
  if (!hasFigure(sentence)) return sentence;
  const out = takeOutMoveFigures(sentence, transitive);
  return hasFigure(out) ? null : out;
}

/**
 * The trimming rule itself, on any text (a sentence, or a whole article for the checker): every move figure after
 * a move verb and the level after it taken out, spaces before punctuation closed. Figures of other kinds stay.
 * @example takeOutMoveFigures('Stocks soared more than three percent on Friday.') // 'Stocks soared on Friday.'
 */
export function takeOutMoveFigures(text: string, transitive = false): string {
  return (transitive ? text.replace(TRANSITIVE_MOVE_FIGURE, '$1') : text)
    .replace(MOVE_FIGURE, '$1')
    .replace(LEVEL, '')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
