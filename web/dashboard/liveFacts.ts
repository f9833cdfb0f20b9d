import type { LiveFactMessage } from './live.js';
import { fmtPct } from './format.js';
import { factWords, fmtDate, lang } from './i18n.js';

/**
 * A live milestone as a one-line message in the dashboard's language, e.g. `Xiaomi up as much as 5.20%` /
 * `小米集團盤中最多升5.20%`, `HSTECH enters bull market during trading` / `恒生科技指數盤中進入牛市`.
 * @param nameOf the display name of a security id in the current language.
 */
export function liveFactText(f: LiveFactMessage, nameOf: (id: string) => string): string {
  const who = nameOf(f.symbol ?? f.index);
  const pct = f.fact.changePct;
  const zh = lang() === 'zh-Hant';
  if (f.fact.type === 'as_much_as' && pct !== undefined) {
    const up = pct >= 0;
    const mag = fmtPct(Math.abs(pct)).replace(/^\+/, '');
    return zh ? `${who}盤中最多${up ? '升' : '跌'}${mag}` : `${who} ${up ? 'up' : 'down'} as much as ${mag}`;
  }
  if ((f.fact.type === 'bull_market' || f.fact.type === 'bear_market') && f.fact.event === 'entered') {
    const bull = f.fact.type === 'bull_market';
    const ref = f.fact.reference ? fmtDate(f.fact.reference.date) : '';
    if (zh) return `${who}盤中進入${bull ? '牛市' : '熊市'}${ref ? `（較${ref}${bull ? '低位' : '高位'}${bull ? '高' : '低'}${fmtPct(Math.abs(pct ?? 0)).replace(/^\+/, '')}）` : ''}`;
    return `${who} enters ${bull ? 'bull' : 'bear'} market during trading${ref ? ` (${fmtPct(pct ?? 0)} from the ${ref} ${bull ? 'low' : 'high'})` : ''}`;
  }
  return `${who}: ${factWords(f.fact.type, f.fact.event)}${pct !== undefined ? ` ${fmtPct(pct)}` : ''}`;
}
