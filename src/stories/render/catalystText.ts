import type { LedgerEntry } from '../../domain/story.js';
import type { Formatters } from './formatters.js';
import type { CatalystLine } from '../select/planTypes.js';

/** `on Friday` for the session's own date, `on February 5` in its year, `on December 30, 2024` before. */
function onDate(F: Formatters, date: LedgerEntry, sameDay: boolean, session: LedgerEntry): string {
  return sameDay ? `on ${F.weekday(session)}` : `on ${F.since(date, session.dateParts?.[0])}`;
}

/**
 * The English catalyst: `RTHK reported on February 5 that mainland investors returned ...` (the article's clause,
 * reported, not quoted), then, when an attributed quote fits, `Andrew Sullivan, founder of Asian Market Sense, was
 * quoted by RTHK on January 28 as saying: "..."`.
 */
export function catalystEn(c: CatalystLine, F: Formatters, session: LedgerEntry): string {
  const r = c.reported;
  const said = r.text.text ?? '';
  const body = r.opensWithName ? said : said.charAt(0).toLowerCase() + said.slice(1);
  // The article's own "on Monday" already dates a report of the session's day: "reported on Monday that ... on Monday" is not repeated.
  const when = r.sameDay && body.includes(F.weekday(session)) ? '' : ` ${onDate(F, r.date, r.sameDay, session)}`;
  const out = [`${c.source} reported${when} that ${body}`];
  const q = c.quote;
  if (q) {
    const words = q.text.text ?? '';
    const end = /[.?!]$/.test(words) ? '' : '.';
    const by = q.sameArticle ? 'was quoted as saying' : `was quoted by ${c.source} ${onDate(F, q.date, q.sameDay, session)} as saying`;
    out.push(`${q.speaker}${q.speaker.includes(', ') ? ',' : ''} ${by}: "${words}${end}"`);
  }
  return out.join(' ');
}

/**
 * The Chinese catalyst, from the same facts and no English sentence: source, date, what the article was about and
 * the theme in the lexicon's Chinese (`RTHK在2月5日有關大市的報道中，提到DeepSeek的人工智能模型。`). The English
 * sentence and quote are not translated: they are left out.
 */
export function catalystZhHant(c: CatalystLine, F: Formatters, storyNameZh: string): string {
  const r = c.reported;
  const when = r.sameDay ? '當日' : `在${F.dayMonth(r.date)}`;
  const subject = r.subject.tie === 'symbol' ? storyNameZh : r.subject.tie === 'mover' && r.subject.names ? r.subject.names['zh-Hant'] : '大市';
  return `${c.source}${when}有關${subject}的報道中，提到${c.theme.zhHant}。`;
}
