import { catalystZhHant } from './catalystText.js';
import type { LedgerEntry } from '../../domain/story.js';
import type { FactLine, SinceWhat, StoryPlan } from '../select/planTypes.js';
import { mergeSince, type SinceLine } from './mergeSince.js';
import { formattersFor } from './formatters.js';
import { beyond, roundsToZero, type RenderedText } from './renderedText.js';
import { intradayDayZh, intradayHeadlineZh, intradayLedeZh, leaderMoveZh } from './intradayWords.js';

const F = formattersFor('zh-Hant');

const SINCE_ZH: Record<Exclude<SinceWhat, 'highest' | 'lowest'>, string> = {
  biggest_gain: '最大單日升幅',
  biggest_loss: '最大單日跌幅',
  best_week: '最佳單週表現',
  worst_week: '最差單週表現',
};

/**
 * Writes the Traditional Chinese story from the same plan (and so the same ledger) as the English one,
 * with zh-Hant-HK number and date formats: 恒生科技指數……升2.9%, 1月13日, 2024年10月.
 * @example renderZhHant(plan).title // '恒生科技指數進入技術性牛市'
 */
export function renderZhHant(p: StoryPlan): RenderedText {
  const name = p.names['zh-Hant'];
  const it = p.kind === 'index' ? '指數' : '股價';
  const year = p.session.dateParts?.[0];
  const refDay = (e: LedgerEntry) => (e.dateParts?.[0] === year ? F.dayMonth(e) : `${e.dateParts?.[0]}年${F.dayMonth(e)}`);
  const when = `${F.weekday(p.session)}（${F.dayMonth(p.session)}）`;
  const up = p.changePct ? p.changePct.value >= 0 : true;
  const rise = (u: boolean) => (u ? '升' : '跌');
  const pts = (e: LedgerEntry) => `${F.num(e)}點`;
  const level = (e: LedgerEntry) => (p.kind === 'index' ? pts(e) : F.num(e));

  // During trading (the live desk's versions): 盤中, 截至上午10時02分 / 半日, never 收市.
  const paragraphs: string[] = [p.asOf ? intradayLedeZh(p, name, when, refDay, recordWord(p)) : lede(p, name, when, refDay)];
  let day: string;
  if (p.asOf) day = intradayDayZh(p, it, level);
  else if (!p.changePct) day = `${it}收市報${level(p.close)}。`;
  else if (p.changePct.value === 0) day = `${it}收市持平，報${level(p.close)}。`;
  else {
    const amm = p.asMuchAs ? `盤中最多${rise(p.asMuchAs.up)}${F.pct(p.asMuchAs.pct)}，` : '';
    const move = p.changePoints && p.kind === 'index' ? `，${rise(up)}${pts(p.changePoints)}` : '';
    const closed = roundsToZero(p.changePct) ? `收市微${rise(up)}` : `收市${rise(up)}${F.pct(p.changePct)}`;
    day = `${it}${amm}${closed}，報${level(p.close)}${move}。`;
  }
  const ctx = p.context.map((c) =>
    c.t === 'below_high'
      ? `較${F.monthYear(c.date, year)}高位低約${F.pct(c.pct)}`
      : p.historyFrom
        ? `較${recordWord(p)}最高收市位（${F.monthYear(c.date, year)}）低約${F.pct(c.pct)}`
        : `較${F.monthYear(c.date, year)}的歷史高位低約${F.pct(c.pct)}`,
  );
  const context = ctx.length > 0 ? [`${it}${ctx.join('，')}。`] : [];
  const moreText = mergeSince(p.more, (l) => F.since(l.since, year)).map((f) =>
    Array.isArray(f)
      ? `這是${it}自${F.since((f[0] as SinceLine).since, year)}以來${f.map((x) => (x.what === 'highest' ? '最高收市水平' : x.what === 'lowest' ? '最低收市水平' : SINCE_ZH[x.what])).join('及')}。`
      : moreSentence(f, it, refDay, p.historyFrom ? recordWord(p) : null, year),
  );
  paragraphs.push([day, ...context, ...moreText].join(''));

  const movers: string[] = [];
  const [leader, ...rest] = p.withMove;
  if (leader) {
    const move = p.asOf ? leaderMoveZh(p.asOf, up, F.pct(leader.changePct)) : `收市${rise(up)}${F.pct(leader.changePct)}`;
    movers.push(`${leader.names['zh-Hant']}領${up ? '漲' : '跌'}，${move}，盤中最多${rise(up)}${F.pct(leader.asMuchAsPct)}。`);
  }
  if (rest.length > 0) {
    const each = rest.length > 1 ? '分別' : '';
    movers.push(
      `${F.list(rest.map((m) => m.names['zh-Hant']))}亦是${up ? '升' : '跌'}幅最大的成分股之一，盤中${each}最多${rise(up)}${F.list(rest.map((m) => F.pct(m.asMuchAsPct)))}。`,
    );
  }
  if (p.against.length > 0) {
    const each = p.against.length > 1 ? '分別' : '';
    movers.push(`${F.list(p.against.map((m) => m.names['zh-Hant']))}${up ? '跌' : '升'}幅最大，${each}${rise(!up)}${F.list(p.against.map((m) => F.pct(m.changePct)))}。`);
  }
  if (p.contributors.length > 0) {
    const each = p.contributors.length > 1 ? '分別' : '';
    const verb = up ? '貢獻' : '拖累';
    const where = p.contributionsFromReplica ? '按Indexwire的指數複製版本計算，' : '';
    movers.push(`${where}${F.list(p.contributors.map((c) => c.names['zh-Hant']))}對指數${up ? '貢獻最大' : '拖累最多'}，${each}${verb}${F.list(p.contributors.map((c) => pts(c.points)))}。`);
  }
  if (p.breadth) {
    const b = p.breadth;
    const parts = [
      b.up.value > 0 ? `${F.num(b.up)}隻上升` : '',
      b.down.value > 0 ? `${F.num(b.down)}隻下跌` : '',
      b.flat.value > 0 ? `${F.num(b.flat)}隻持平` : '',
    ].filter((s) => s !== '');
    // 30隻成分股全部下跌 (not 30隻成分股中，30隻下跌), as the English says "All 30 members fell".
    const all = ([[b.up, '上升'], [b.down, '下跌'], [b.flat, '持平']] as const).find(([e]) => b.total.value > 1 && e.value === b.total.value);
    if (all) movers.push(`${F.num(b.total)}隻成分股全部${all[1]}。`);
    else if (parts.length > 0) movers.push(`${F.num(b.total)}隻成分股中，${parts.join('，')}。`);
  }
  if (movers.length > 0) paragraphs.push(movers.join(''));
  if (p.catalyst) paragraphs.push(catalystZhHant(p.catalyst, F, name));
  return { title: p.asOf ? intradayHeadlineZh(p, name, recordWord(p)) : headline(p, name), paragraphs };
}

function headline(p: StoryPlan, name: string): string {
  const l = p.lead;
  if (l) {
    switch (l.t) {
      case 'regime':
        if (l.type === 'bull_market') return `${name}${l.basis === 'intraday' ? '盤中' : ''}進入技術性牛市`;
        if (l.type === 'bear_market') return `${name}${l.basis === 'intraday' ? '盤中' : ''}跌入熊市`;
        return `${name}進入調整區間`;
      case 'record':
        return `${name}收市創${recordWord(p)}新${l.high ? '高' : '低'}`;
      case 'since':
        if (l.what === 'highest' || l.what === 'lowest') return `${name}收市創${F.since(l.since, p.session.dateParts?.[0])}以來新${l.what === 'highest' ? '高' : '低'}`;
        return `${name}錄${F.since(l.since, p.session.dateParts?.[0])}以來${SINCE_ZH[l.what]}`;
      case 'period':
        return `${name}創${l.weeks ? `${F.num(l.weeks)}週` : F.year(l.year as LedgerEntry)}新${l.high ? '高' : '低'}`;
      case 'streak':
        return `${name}連${l.up ? '升' : '跌'}${F.num(l.count)}${l.weeks ? '週' : '個交易日'}`;
    }
  }
  if (!p.changePct) return `${name}收市報${F.num(p.close)}`;
  if (p.changePct.value === 0) return `${name}收市持平`;
  if (roundsToZero(p.changePct)) return `${name}微${p.changePct.value > 0 ? '升' : '跌'}`;
  return `${name}${p.changePct.value > 0 ? '升' : '跌'}${F.pct(p.changePct)}`;
}

function lede(p: StoryPlan, name: string, when: string, refDay: (e: LedgerEntry) => string): string {
  const l = p.lead;
  if (l) {
    switch (l.t) {
      case 'regime': {
        const more = beyond(l.pctFromRef, l.threshold) ? '逾' : '';
        const how = l.basis === 'intraday' ? '盤中' : '收市';
        if (l.type === 'bull_market') return `${name}${when}${how}較${refDay(l.refDate)}低位高出${more}${F.pct(l.threshold)}，進入技術性牛市。`;
        const what = l.type === 'bear_market' ? '跌入熊市' : '進入調整區間';
        return `${name}${when}${how}較${refDay(l.refDate)}高位低${more}${F.pct(l.threshold)}，${what}。`;
      }
      case 'record':
        return `${name}${when}收市創${recordWord(p)}新${l.high ? '高' : '低'}。`;
      case 'since':
        if (l.what === 'highest' || l.what === 'lowest') return `${name}${when}收市創${F.since(l.since, p.session.dateParts?.[0])}以來新${l.what === 'highest' ? '高' : '低'}。`;
        return `${name}${when}錄得${F.since(l.since, p.session.dateParts?.[0])}以來${SINCE_ZH[l.what]}。`;
      case 'period':
        return `${name}${when}收市創${l.weeks ? `${F.num(l.weeks)}週` : F.year(l.year as LedgerEntry)}新${l.high ? '高' : '低'}。`;
      case 'streak':
        // 按週計: a weekly streak is about the week, whatever the Friday did (as the English "ended the week higher").
        return `${name}${when}${l.weeks ? '收市按週計' : ''}${l.up ? '上升' : '下跌'}，連${l.up ? '升' : '跌'}${F.num(l.count)}${l.weeks ? '週' : '個交易日'}。`;
    }
  }
  if (!p.changePct) return `${name}${when}收市報${F.num(p.close)}。`;
  if (p.changePct.value === 0) return `${name}${when}收市持平。`;
  if (roundsToZero(p.changePct)) return `${name}${when}微${p.changePct.value > 0 ? '升' : '跌'}。`;
  return `${name}${when}${p.changePct.value > 0 ? '升' : '跌'}${F.pct(p.changePct)}。`;
}

function moreSentence(f: FactLine, it: string, refDay: (e: LedgerEntry) => string, hf: string | null, sy: number | undefined): string {
  switch (f.t) {
    case 'regime': {
      const more = beyond(f.pctFromRef, f.threshold) ? '逾' : '';
      if (f.type === 'bull_market') return `${it}處於技術性牛市，較${refDay(f.refDate)}低位高出${more}${F.pct(f.threshold)}。`;
      return `${it}較${refDay(f.refDate)}高位低${more}${F.pct(f.threshold)}。`;
    }
    case 'record':
      return `${it}收市創${hf ?? '歷史'}新${f.high ? '高' : '低'}。`;
    case 'since':
      if (f.what === 'highest' || f.what === 'lowest') return `這是${it}自${F.since(f.since, sy)}以來最${f.what === 'highest' ? '高' : '低'}收市水平。`;
      return `這是${it}自${F.since(f.since, sy)}以來${SINCE_ZH[f.what]}。`;
    case 'period':
      return `${it}創${f.weeks ? `${F.num(f.weeks)}週` : F.year(f.year as LedgerEntry)}新${f.high ? '高' : '低'}。`;
    case 'streak':
      return `${it}已連${f.up ? '升' : '跌'}${F.num(f.count)}${f.weeks ? '週' : '個交易日'}。`;
  }
}

/** `歷史` when history is complete, else `2018年1月有數據以來`. */
function recordWord(p: StoryPlan): string {
  return p.historyFrom ? `${F.monthYear(p.historyFrom)}有數據以來` : '歷史';
}
