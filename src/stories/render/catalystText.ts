import type { LedgerEntry } from '../../domain/story.js';
import type { Formatters } from './formatters.js';
import type { CatalystLine } from '../select/planTypes.js';
import { zhCatalystFacts, zhCatalystTopics, zhSourceName } from './zhCatalystFacts.js';

/** `on Friday` for the session's own date, `on February 5` in its year, `on December 30, 2024` before. */
function onDate(F: Formatters, date: LedgerEntry, sameDay: boolean, session: LedgerEntry): string {
  return sameDay ? `on ${F.weekday(session)}` : `on ${F.since(date, session.dateParts?.[0])}`;
}

/**
 * The English catalyst: `RTHK reported on February 5 that mainland investors returned ...` (the article's clause,
 * reported, not quoted), then, when an attributed quote fits, `Andrew Sullivan, founder of Asian Market Sense, was
 * quoted by RTHK on January 28 as saying: "..."`. A second clause from the same source reads `It also reported on
 * April 3 that ...`, from another source `<source> reported on April 3 that ...`.
 */
export function catalystEn(c: CatalystLine, F: Formatters, session: LedgerEntry): string {
  const r = c.reported;
  const said = r.text.text ?? '';
  const body = r.opensWithName ? said : said.charAt(0).toLowerCase() + said.slice(1);
  // The article's own "on Monday" already dates a report of the session's day: "reported on Monday that ... on Monday" is not repeated.
  const when = r.sameDay && body.includes(F.weekday(session)) ? '' : ` ${onDate(F, r.date, r.sameDay, session)}`;
  const out = [`${c.source} reported${when} that ${body}`];
  const a = c.also;
  if (a) {
    const alsoSaid = a.text.text ?? '';
    // the same source twice is not named twice: "RTHK reported that ... It also reported on April 3 that ..."
    const who = a.source === c.source ? 'It also' : a.source;
    out.push(`${who} reported ${onDate(F, a.date, a.sameDay, session)} that ${a.opensWithName ? alsoSaid : alsoSaid.charAt(0).toLowerCase() + alsoSaid.slice(1)}`);
  }
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
 * The Chinese catalyst, from the same facts and no English sentence, as a Hong Kong reporter writes it: the source
 * in Chinese, the date (`2月5日`, `當日`) and the theme's facts the reported clause holds (zhCatalystFacts.ts:
 * `香港電台2月5日報道，…內地初創企業DeepSeek推出新聊天機械人。`). When the clause holds none of the theme's core facts:
 * what the article was about and the theme in the lexicon's Chinese (`香港電台在2月5日有關大市的報道中，提到DeepSeek的人工智能模型。`).
 * The second clause (`also`) gets a sentence of its own only when it holds facts. The quote is left out.
 */
export function catalystZhHant(c: CatalystLine, F: Formatters, storyNameZh: string): string {
  const r = c.reported;
  const source = zhSourceName(c.source);
  const facts = zhCatalystFacts(c.theme.id, r.text.text ?? '');
  let out: string;
  if (facts) out = `${source}${r.sameDay ? '當日' : F.dayMonth(r.date)}報道，${facts.join('，')}。`;
  else {
    const when = r.sameDay ? '當日' : `在${F.dayMonth(r.date)}`;
    const subject = r.subject.tie === 'symbol' ? storyNameZh : r.subject.tie === 'mover' && r.subject.names ? r.subject.names['zh-Hant'] : '大市';
    // what the report mentioned, when the clause names the theme's topics; else the theme itself
    const topics = zhCatalystTopics(c.theme.id, r.text.text ?? '');
    out = `${source}${when}有關${subject}的報道中，提到${topics.length > 0 ? F.list(topics) : c.theme.zhHant}。`;
  }
  const a = c.also;
  const alsoFacts = a ? zhCatalystFacts(c.theme.id, a.text.text ?? '') : null;
  // the same source twice is not named twice: 香港電台當日報道，……。該台4月3日亦報道，……
  const again = a?.source === c.source;
  if (a && alsoFacts) out += `${again ? (a.source === 'RTHK' ? '該台' : '該媒體') : zhSourceName(a.source)}${a.sameDay ? '當日' : F.dayMonth(a.date)}${again ? '亦' : ''}報道，${alsoFacts.join('，')}。`;
  return out;
}
