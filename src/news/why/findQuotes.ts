/** Words inside quotation marks in an article, with the speaker the article names for them. */
export interface AttributedQuote {
  /** The quoted words exactly as printed, without the comma or period that hands over to the attribution. */
  readonly text: string;
  /** The speaker as the article introduces them: `Andrew Sullivan, founder of Asian Market Sense`. */
  readonly speaker: string;
  /** Index of the paragraph (articleParagraphs) that holds the quote. */
  readonly paragraph: number;
}

const OPEN = '["“]';
const CLOSE = '["”]';
const NAME = "[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,3}";
const VERB = '(?:said|says|added|noted|wrote|told (?:RTHK|reporters|AFP|Reuters))';
/** `"...," said Andrew Sullivan, founder of Asian Market Sense, who noted ...` */
const SAID_NAME = new RegExp(`^${OPEN}([^"“”]+?)[,.!?]?${CLOSE},? ${VERB} (${NAME})(?:, ((?:a |an |the )?[a-z][^,."“”]{2,80}?))?(?:,|\\.|$)`);
/** `"...," Sullivan said.` */
const NAME_SAID = new RegExp(`^${OPEN}([^"“”]+?)[,.!?]?${CLOSE},? (${NAME}) ${VERB}\\b`);
const NOT_NAMES = new Set(['The', 'It', 'This', 'That', 'He', 'She', 'They', 'We', 'I', 'A', 'An']);
const TITLE_WORDS = '(?:chief executive|chief economist|chief investment officer|chief strategist|head of research|managing director|director|founder|chairman|chairwoman|president|analyst|economist|strategist|spokesman|spokeswoman|spokesperson)';

/**
 * The quotes of an article that a story may repeat: a paragraph that opens with a quotation, closes it once, and
 * names its speaker right after (`"...," said NAME, ROLE` or `"...," NAME said`). A surname alone is resolved to
 * the full name the article introduced earlier (`Sullivan` -> `Andrew Sullivan, founder of Asian Market Sense`);
 * a pronoun (`he said`) or a quote running over several paragraphs is left out, since who said it is then not
 * written beside it.
 * @example findQuotes(['Andrew Sullivan, founder of X, said so.', '"It is a crowded trade," Sullivan said.'])
 *   // [{text: 'It is a crowded trade', speaker: 'Andrew Sullivan, founder of X', paragraph: 1}]
 */
export function findQuotes(paragraphs: readonly string[]): AttributedQuote[] {
  const out: AttributedQuote[] = [];
  paragraphs.forEach((p, i) => {
    const a = SAID_NAME.exec(p);
    const b = a ? null : NAME_SAID.exec(p);
    const m = a ?? b;
    if (!m) return;
    const text = (m[1] ?? '').trim();
    const name = m[2] ?? '';
    if (NOT_NAMES.has(name.split(' ')[0] ?? '') || text === '') return;
    const role = a ? m[3] : undefined;
    const speaker = role ? `${name}, ${role}` : introduce(name, paragraphs.slice(0, i + 1).join('\n'));
    if (speaker === null) return;
    out.push({ text, speaker, paragraph: i });
  });
  return out;
}

/**
 * How the article introduces `name` (a surname, or a full name): the first `First Surname` mention, with the role
 * that follows it (`, founder of ...,`) or the title that precedes it (`Almagest Asset Management chief executive`,
 * `Financial Secretary`); null when a lone surname is never introduced with a first name.
 */
function introduce(name: string, text: string): string | null {
  const surname = name.split(' ').pop() as string;
  const full = name.includes(' ') ? name : new RegExp(`\\b[A-Z][a-z]+ ${escapeRe(surname)}\\b`).exec(text)?.[0];
  if (!full) return null;
  const at = text.indexOf(full);
  if (at < 0) return full;
  const after = /^, ((?:a |an |the )?[a-z][^,."“”]{2,80}?),/.exec(text.slice(at + full.length));
  if (after) return `${full}, ${after[1]}`;
  const before = new RegExp(`((?:[A-Z][A-Za-z&'’.-]* )+(?:${TITLE_WORDS} )?)$`).exec(text.slice(Math.max(0, at - 120), at));
  const prefix = before?.[1]?.trim();
  if (prefix && !NOT_NAMES.has(prefix) && !/^(?:On|In|For|But|And|As|At|By|When|While|Meanwhile|Separately)\b/.test(prefix)) return `${prefix} ${full}`;
  return full;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
