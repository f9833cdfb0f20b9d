import { catalystZhHant } from './catalystText.js';
import type { LedgerEntry, StoryNames } from '../../domain/story.js';
import type { FactLine, SinceWhat, StoryPlan } from '../select/planTypes.js';
import { mergeSince, type SinceLine } from './mergeSince.js';
import { formattersFor } from './formatters.js';
import { regimeDistance, roundsToZero, type RenderedText } from './renderedText.js';
import { countZh, headlineZhHant, ledeZhHant } from './ledeZhHant.js';
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

  // A company's descriptor on its first mention only (電腦生產商聯想集團, then 聯想集團); companies that share one
  // are named together (晶片製造商華虹半導體及中芯國際).
  const described = new Set<string>();
  const nm = (m: { readonly symbol: string; readonly names: StoryNames }): string => {
    const d = m.names.descriptor;
    if (!d || described.has(m.symbol)) return m.names['zh-Hant'];
    described.add(m.symbol);
    return `${d['zh-Hant']}${m.names['zh-Hant']}`;
  };
  const listNames = (ms: readonly { readonly symbol: string; readonly names: StoryNames }[]): string => {
    const d = ms[0]?.names.descriptor;
    if (ms.length > 1 && d && ms.every((m) => m.names.descriptor?.['zh-Hant'] === d['zh-Hant'] && !described.has(m.symbol))) {
      for (const m of ms) described.add(m.symbol);
      return `${d['zh-Hant']}${F.list(ms.map((m) => m.names['zh-Hant']))}`;
    }
    return F.list(ms.map(nm));
  };
  // The index's own descriptor before its name: 追蹤30家在港上市最大型科技企業的恒生科技指數.
  const sd = p.kind === 'stock' ? p.names.descriptor : undefined;
  const subject = sd ? `${sd['zh-Hant']}${name}` : p.descriptor ? `${p.descriptor['zh-Hant'].replace('{count}', p.descriptor.count ? F.num(p.descriptor.count) : '')}${name}` : name;
  // During trading (the live desk's versions): 盤中, 截至上午10時02分 / 半日, never 收市.
  const lede = ledeZhHant(p, subject, when, refDay);
  const paragraphs: string[] = [p.asOf ? intradayLedeZh(p, name, when, refDay, recordWord(p)) : lede.text];
  let day: string;
  if (p.asOf) day = intradayDayZh(p, it, level);
  else if (!p.changePct) day = lede.said.change ? '' : `${it}收市報${level(p.close)}。`;
  else if (p.changePct.value === 0) day = `${it}收市持平，報${level(p.close)}。`;
  else {
    // A reversal the lede did not say comes with the figures, in place of the "as much as" of the close's direction.
    const shape = p.shape && p.lead?.t !== 'shape' ? p.shape : null;
    const amm = shape
      ? `盤中曾${rise(!shape.rebound)}${F.pct(shape.extremePct)}，其後倒${rise(shape.rebound)}，`
      : p.asMuchAs && !lede.said.asMuchAs ? `${p.lead?.t === 'shape' ? '全日最多' : '盤中最多'}${rise(p.asMuchAs.up)}${F.pct(p.asMuchAs.pct)}，` : '';
    const move = p.changePoints && p.kind === 'index' ? `，${rise(up)}${pts(p.changePoints)}` : '';
    const closed = lede.said.change ? '收市' : roundsToZero(p.changePct) ? `收市微${rise(up)}` : `收市${rise(up)}${F.pct(p.changePct)}，`;
    day = `${it}${amm}${closed}報${level(p.close)}${move}。`;
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
  // 指數今年以來的升幅盡失，年內累跌1.5%。 / 指數收復今年以來的失地，年內累升0.3%。
  if (p.yearToDate) {
    const y = p.yearToDate;
    const where = y.pct.value === 0 ? '與去年底收市持平' : roundsToZero(y.pct) ? `年內微${rise(y.pct.value > 0)}` : `年內累${rise(y.pct.value > 0)}${F.pct(y.pct)}`;
    moreText.push(`${it}${y.wiped ? '今年以來的升幅盡失' : '收復今年以來的失地'}，${where}。`);
  }
  if (p.weight === 'quiet') paragraphs.push([day, ...context, ...moreText].join(''));
  else {
    if (day !== '') paragraphs.push(day);
    if (context.length + moreText.length > 0) paragraphs.push([...moreText, ...context].join(''));
  }

  const heavy: string[] = [];
  if (p.contributors.length > 0) {
    const each = p.contributors.length > 1 ? '分別' : '';
    const verb = up ? '貢獻' : '拖累';
    const where = p.contributionsFromReplica ? '按Indexwire的指數複製版本計算，' : '';
    heavy.push(`${where}${listNames(p.contributors)}對指數${up ? '貢獻最大' : '拖累最多'}，${each}${verb}${F.list(p.contributors.map((c) => pts(c.points)))}。`);
  }
  if (p.marketValue) {
    // 30隻成分股市值合共增加123億港元。
    const mv = p.marketValue;
    heavy.push(`${F.num(mv.members)}隻成分股市值合共${mv.zhHant.value.value > 0 ? '增加' : '蒸發'}${F.num(mv.zhHant.value)}${mv.zhHant.unit}${mv.currency.zhHant}。`);
  }
  const breadth: string[] = [];
  const movers: string[] = [];
  const [leader, ...rest] = p.withMove;
  if (leader) {
    const move = p.asOf ? leaderMoveZh(p.asOf, up, F.pct(leader.changePct)) : `收市${rise(up)}${F.pct(leader.changePct)}`;
    movers.push(`${nm(leader)}領${up ? '漲' : '跌'}，${move}，盤中最多${rise(up)}${F.pct(leader.asMuchAsPct)}。`);
  }
  if (rest.length > 0) {
    const each = rest.length > 1 ? '分別' : '';
    movers.push(
      `${listNames(rest)}亦是${up ? '升' : '跌'}幅最大的成分股之一，盤中${each}最多${rise(up)}${F.list(rest.map((m) => F.pct(m.asMuchAsPct)))}。`,
    );
  }
  if (p.against.length > 0) {
    const each = p.against.length > 1 ? '分別' : '';
    movers.push(`${listNames(p.against)}${up ? '跌' : '升'}幅最大，${each}${rise(!up)}${F.list(p.against.map((m) => F.pct(m.changePct)))}。`);
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
    if (all) breadth.push(`${F.num(b.total)}隻成分股全部${all[1]}。`);
    else if (parts.length > 0) breadth.push(`${F.num(b.total)}隻成分股中，${parts.join('，')}。`);
  }
  // 權重股 first, then the biggest percentage movers; breadth is its own paragraph on a major day.
  if (p.weight === 'quiet') {
    // a quiet day: one paragraph for the members
    if (heavy.length + movers.length + breadth.length > 0) paragraphs.push([...heavy, ...movers, ...breadth].join(''));
  } else if (heavy.length > 0) paragraphs.push(heavy.join(''));
  if (p.weight === 'quiet') {
    // said above
  } else if (p.weight === 'major') {
    if (movers.length > 0) paragraphs.push(movers.join(''));
    if (breadth.length > 0) paragraphs.push(breadth.join(''));
  } else if (movers.length + breadth.length > 0) paragraphs.push([...movers, ...breadth].join(''));
  if (p.catalyst) paragraphs.push(catalystZhHant(p.catalyst, F, name));
  return { title: p.asOf ? intradayHeadlineZh(p, name, recordWord(p)) : headlineZhHant(p, name), paragraphs };
}

function moreSentence(f: FactLine, it: string, refDay: (e: LedgerEntry) => string, hf: string | null, sy: number | undefined): string {
  switch (f.t) {
    case 'shape':
      return ''; // said with the figures
    case 'regime': {
      if (f.basis === 'intraday') {
        return f.type === 'bull_market'
          ? `${it}盤中一度較${refDay(f.refDate)}低位高出${regimeDistance(f, F, 'zh-Hant')}，觸及技術性牛市水平，其後升幅收窄。`
          : `${it}盤中一度較${refDay(f.refDate)}高位低${regimeDistance(f, F, 'zh-Hant')}，觸及熊市水平，其後跌幅收窄。`;
      }
      if (f.type === 'bull_market') return `${it}收市較${refDay(f.refDate)}低位高出${regimeDistance(f, F, 'zh-Hant')}，進入技術性牛市。`;
      return `${it}收市較${refDay(f.refDate)}高位低${regimeDistance(f, F, 'zh-Hant')}，${f.type === 'bear_market' ? '跌入熊市' : '進入調整區間'}。`;
    }
    case 'record_move':
      return `這是${it}${hf ? `至少自${hf.replace(/有數據以來$/, '')}以來` : '歷史'}${{ biggest_gain: '最大單日升幅', biggest_loss: '最大單日跌幅', best_week: '最佳單週表現', worst_week: '最差單週表現' }[f.what]}。`;
    case 'record':
      return `${it}收市創${hf ?? '歷史'}新${f.high ? '高' : '低'}。`;
    case 'since':
      if (f.what === 'highest' || f.what === 'lowest') return `這是${it}自${F.since(f.since, sy)}以來最${f.what === 'highest' ? '高' : '低'}收市水平。`;
      return `這是${it}自${F.since(f.since, sy)}以來${SINCE_ZH[f.what]}。`;
    case 'period':
      return `${it}創${f.weeks ? `${F.num(f.weeks)}週` : F.year(f.year as LedgerEntry)}新${f.high ? '高' : '低'}。`;
    case 'streak':
      return `${it}${f.weeks ? `連續第${countZh(f.count)}週` : `連續第${countZh(f.count)}個交易日`}${f.up ? '上升' : '下跌'}${f.longestSince ? `，為${F.since(f.longestSince, sy)}以來最長${f.up ? '升' : '跌'}勢` : ''}。`;
  }
}

/** `歷史` when history is complete, else `2018年1月有數據以來`. */
function recordWord(p: StoryPlan): string {
  return p.historyFrom ? `${F.monthYear(p.historyFrom)}有數據以來` : '歷史';
}
