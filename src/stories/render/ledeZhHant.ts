import type { LedgerEntry } from '../../domain/story.js';
import type { FactLine, MoveWhat, ShapeLine, StoryPlan } from '../select/planTypes.js';
import { formattersFor } from './formatters.js';
import type { LedeSaid } from './ledeEn.js';
import { regimeDistance, roundsToZero } from './renderedText.js';

const F = formattersFor('zh-Hant');

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** `5` -> `五`, `12` -> `十二`; from 100 on, digits (as Hong Kong papers write counts of weeks and sessions). */
export function countZh(e: LedgerEntry): string {
  const n = Math.round(e.value);
  if (n >= 0 && n <= 10) return DIGITS[n] as string;
  if (n < 20) return `十${DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  return F.num(e);
}

/** The verb of a move by its size, as Hong Kong market reports write it: 升 / 急升 / 飆升, 跌 / 急挫 / 暴跌. */
export function moveVerbZh(pct: LedgerEntry): string {
  const a = Math.abs(pct.value);
  const up = pct.value >= 0;
  if (roundsToZero(pct)) return up ? '微升' : '微跌';
  if (a >= 10) return up ? '飆升' : '暴跌';
  if (a >= 4) return up ? '急升' : '急挫';
  return up ? '升' : '跌';
}

const MOVE_ZH: Record<MoveWhat, string> = { biggest_gain: '最大單日升幅', biggest_loss: '最大單日跌幅', best_week: '最佳單週表現', worst_week: '最差單週表現' };

/** 創歷史最大單日跌幅 / 為至少自2015年1月以來最大單日跌幅 / 創2024年10月以來最大單日升幅. */
function moveClause(p: StoryPlan, l: FactLine | null): string {
  const year = p.session.dateParts?.[0];
  if (l?.t === 'record_move') return p.historyFrom ? `為至少自${F.month(p.historyFrom)}以來${MOVE_ZH[l.what]}` : `創歷史${MOVE_ZH[l.what]}`;
  if (l?.t === 'since' && l.what !== 'highest' && l.what !== 'lowest') return `創${F.since(l.since, year)}以來${MOVE_ZH[l.what]}`;
  return '';
}

/** 收市創2022年2月以來新高 / 收市創歷史新高 / 創52週新高. */
function levelClause(p: StoryPlan, l: FactLine): string {
  const year = p.session.dateParts?.[0];
  if (l.t === 'since') return `收市創${F.since(l.since, year)}以來新${l.what === 'highest' ? '高' : '低'}`;
  if (l.t === 'record') return p.historyFrom ? `收市創至少自${F.month(p.historyFrom)}以來新${l.high ? '高' : '低'}` : `收市創歷史新${l.high ? '高' : '低'}`;
  if (l.t === 'period') return `收市創${l.weeks ? `${F.num(l.weeks)}週` : F.year(l.year as LedgerEntry)}新${l.high ? '高' : '低'}`;
  return '';
}

function regimeClause(l: Extract<FactLine, { t: 'regime' }>, refDay: (e: LedgerEntry) => string): string {
  if (l.basis === 'intraday') {
    return l.type === 'bull_market'
      ? `盤中一度較${refDay(l.refDate)}低位高出${regimeDistance(l, F, 'zh-Hant')}，觸及技術性牛市水平`
      : `盤中一度較${refDay(l.refDate)}高位低${regimeDistance(l, F, 'zh-Hant')}，觸及熊市水平`;
  }
  if (l.type === 'bull_market') return `較${refDay(l.refDate)}低位高出${regimeDistance(l, F, 'zh-Hant')}，進入技術性牛市`;
  return `較${refDay(l.refDate)}高位低${regimeDistance(l, F, 'zh-Hant')}，${l.type === 'bear_market' ? '跌入熊市' : '進入調整區間'}`;
}

/** 連續第五週上升，為2023年1月以來最長升浪. */
function streakClause(p: StoryPlan, l: Extract<FactLine, { t: 'streak' }>): string {
  const dir = l.up ? '上升' : '下跌';
  const longest = l.longestSince ? `，為${F.since(l.longestSince, p.session.dateParts?.[0])}以來最長${l.up ? '升' : '跌'}勢` : '';
  return l.weeks ? `連續第${countZh(l.count)}週${dir}${longest}` : `連續第${countZh(l.count)}個交易日${dir}${longest}`;
}

/** 曾跌6.0%，其後倒升，收市升2.6% (a rebound) / 曾升3.2%，其後倒跌，收市跌0.4% (a gain erased); 收市微升 at 0.0%. */
export function shapeZh(l: ShapeLine, c: LedgerEntry): string {
  const [before, after] = l.rebound ? ['跌', '升'] : ['升', '跌'];
  return `曾${before}${F.pct(l.extremePct)}，其後倒${after}，收市${roundsToZero(c) ? `微${after}` : `${after}${F.pct(c)}`}`;
}

function alsoClause(p: StoryPlan, l: FactLine, refDay: (e: LedgerEntry) => string): string {
  switch (l.t) {
    case 'shape':
      return '';
    case 'regime':
      return l.basis === 'close' ? `收市${regimeClause(l, refDay)}` : regimeClause(l, refDay);
    case 'streak':
      return `並${streakClause(p, l)}`;
    case 'record_move':
    case 'since':
      if (l.t === 'record_move' || (l.what !== 'highest' && l.what !== 'lowest')) return moveClause(p, l);
      return levelClause(p, l);
    case 'record':
    case 'period':
      return levelClause(p, l);
  }
}

/**
 * The Chinese lede from the same plan: the rarest fact first, the move and one related fact in the same sentence,
 * as a Hong Kong market report writes it ("恒生科技指數星期一（4月7日）暴跌17.2%，創歷史最大單日跌幅，...").
 */
export function ledeZhHant(p: StoryPlan, name: string, when: string, refDay: (e: LedgerEntry) => string): { text: string; said: LedeSaid } {
  const l = p.lead;
  const c = p.changePct;
  const also = p.leadAlso;
  const moved = c ? `${moveVerbZh(c)}${roundsToZero(c) || c.value === 0 ? '' : F.pct(c)}` : null;
  const tail = (t: string) => (t === '' ? '' : `，${t}`);
  if (l?.t === 'regime' && l.basis === 'close') {
    if (p.asMuchAs && p.asMuchAs.up === (l.type === 'bull_market')) {
      return { text: `${name}${when}盤中最多${p.asMuchAs.up ? '升' : '跌'}${F.pct(p.asMuchAs.pct)}，收市${regimeClause(l, refDay)}。`, said: { change: false, asMuchAs: true } };
    }
    if (moved) return { text: `${name}${when}${moved}，收市${regimeClause(l, refDay)}。`, said: { change: true, asMuchAs: false } };
  }
  if (l?.t === 'regime') return { text: `${name}${when}${moved ?? ''}${moved ? '，' : ''}${regimeClause(l, refDay)}。`, said: { change: moved !== null, asMuchAs: false } };
  if (!moved || !c) return { text: `${name}${when}收市報${F.num(p.close)}${p.kind === 'index' ? '點' : ''}。`, said: { change: true, asMuchAs: false } };
  if (c.value === 0) return { text: `${name}${when}收市持平。`, said: { change: true, asMuchAs: false } };
  if (l?.t === 'shape') return { text: `${name}${when}${shapeZh(l, c)}。`, said: { change: true, asMuchAs: false } };
  if (p.leadKind === 'big_move' || l?.t === 'record_move' || (l?.t === 'since' && l.what !== 'highest' && l.what !== 'lowest')) {
    return { text: `${name}${when}${moved}${tail(moveClause(p, l))}${also ? tail(alsoClause(p, also, refDay)) : ''}。`, said: { change: true, asMuchAs: false } };
  }
  if (l && (l.t === 'since' || l.t === 'record' || l.t === 'period')) {
    return { text: `${name}${when}${moved}，${levelClause(p, l)}${also ? tail(alsoClause(p, also, refDay)) : ''}。`, said: { change: true, asMuchAs: false } };
  }
  if (l?.t === 'streak') {
    if (l.weeks) return { text: `${name}${when}收市按週計${l.up ? '上升' : '下跌'}，${streakClause(p, l)}${also ? tail(alsoClause(p, also, refDay)) : ''}。`, said: { change: false, asMuchAs: false } };
    return { text: `${name}${when}${moved}，${streakClause(p, l)}${also ? tail(alsoClause(p, also, refDay)) : ''}。`, said: { change: true, asMuchAs: false } };
  }
  return { text: `${name}${when}${moved}。`, said: { change: true, asMuchAs: false } };
}

/** The Chinese headline, from the same choice as the English one. */
export function headlineZhHant(p: StoryPlan, name: string): string {
  const l = p.lead;
  const c = p.changePct;
  const year = p.session.dateParts?.[0];
  const moved = c && !roundsToZero(c) && c.value !== 0 ? `${moveVerbZh(c)}${F.pct(c)}` : null;
  if (l) {
    switch (l.t) {
      case 'regime':
        if (l.type === 'bull_market') return `${name}${l.basis === 'intraday' ? '盤中' : ''}進入技術性牛市`;
        if (l.type === 'bear_market') return `${name}${l.basis === 'intraday' ? '盤中' : ''}跌入熊市`;
        return `${name}進入調整區間`;
      case 'record_move':
        if (moved) return `${name}${moved}，${moveClause(p, l).replace(/^為/, '')}`;
        break;
      case 'record':
        return `${name}${levelClause(p, l)}`;
      case 'since':
        if (l.what === 'highest' || l.what === 'lowest') return `${name}${levelClause(p, l)}`;
        return moved ? `${name}${moved}，${moveClause(p, l)}` : `${name}錄${F.since(l.since, year)}以來${MOVE_ZH[l.what]}`;
      case 'period':
        return `${name}${levelClause(p, l).replace(/^收市/, '')}`;
      case 'shape':
        if (c && c.value !== 0) return `${name}曾${l.rebound ? '跌' : '升'}${F.pct(l.extremePct)}，收市${roundsToZero(c) ? '轉' : '倒'}${l.rebound ? '升' : '跌'}${roundsToZero(c) ? '' : F.pct(c)}`;
        break;
      case 'streak':
        return `${name}連${l.up ? '升' : '跌'}${countZh(l.count)}${l.weeks ? '週' : '日'}`;
    }
  }
  if (!c) return `${name}收市報${F.num(p.close)}`;
  if (c.value === 0) return `${name}收市持平`;
  return `${name}${moveVerbZh(c)}${roundsToZero(c) ? '' : F.pct(c)}`;
}
