const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half a|a half|a third|a quarter';
const AMOUNT = `(?:\\d[\\d,]*(?:\\.\\d+)?|(?:${NUMBER_WORDS})(?:[- ](?:${NUMBER_WORDS}))?)`;
const UNIT = '(?:\\s*%|\\s*(?:percent|per cent|pc|pct|percentage points?|points?|pts)\\b)';
const HEDGE = '(?:(?:more|less|fewer) than |nearly |almost |about |around |over |some |up to |as much as |just |roughly )?';
const MOVE_VERB = '(?:rose|rise|rising|fell|fall|falling|soared|soaring|plunged|plunging|jumped|jumping|gained|gaining|lost|losing|dropped|dropping|slumped|surged|surging|climbed|tumbled|sank|shed|added|piled on|declined|advanced|rallied|slid|dived|dipped|edged (?:up|down|higher|lower)|ended (?:up|down)|closed (?:up|down)|up|down|higher|lower)';
/** A move figure right after a move verb, with its hedge: `soared more than three percent`, `rose 2.27 percent, or 500 points`. */
const MOVE_FIGURE = new RegExp(`\\b(${MOVE_VERB})\\s+(?:by\\s+)?${HEDGE}${AMOUNT}${UNIT}(?:,?\\s*or\\s+${AMOUNT}${UNIT},?)?`, 'gi');
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
export function withoutMoveFigures(sentence: string): string | null {
  if (!hasFigure(sentence)) return sentence;
  const out = sentence
    .replace(MOVE_FIGURE, '$1')
    .replace(LEVEL, '')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return hasFigure(out) ? null : out;
}
