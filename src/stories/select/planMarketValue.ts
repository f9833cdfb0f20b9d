import type { LedgerEntry, MemberSession } from '../../domain/story.js';
import type { LedgerBuilder } from '../ledger/LedgerBuilder.js';
import type { MarketValueLine } from './planTypes.js';

/** Currencies the text can name, in each language; a member in another (or none) leaves the market value unsaid. */
const CURRENCY: Readonly<Record<string, { readonly en: string; readonly zhHant: string }>> = {
  HKD: { en: 'HK$', zhHant: '港元' },
  USD: { en: 'US$', zhHant: '美元' },
  CNY: { en: 'CNY ', zhHant: '人民幣' },
};

/**
 * The members' combined market value added or lost on the session: the sum over members of shares at the close
 * times the close, less shares at the previous close times the previous close (so a split or rights issue on the
 * session is not a change of value by itself), from `MemberSession.shares`. Said only when every member with a bar
 * and a previous bar has a share count, all in one known currency (the real HK data have no share counts: null).
 * Recorded twice, once per language's unit: English in billions (millions under a billion), one decimal; Chinese in
 * 億 (100 million; one decimal under 10億) or 萬 (10,000) under one 億. Null when it rounds to nothing.
 * @example two members, A 1,000,000,000 shares 10.00 -> 10.50 and B 500,000,000 shares 20.00 -> 19.00: 0.5e9 - 0.5e9 = 0 -> null
 */
export function planMarketValue(members: readonly MemberSession[], session: string, ledger: LedgerBuilder): MarketValueLine | null {
  const moved = members.filter((m) => m.bar && m.previousBar);
  if (moved.length === 0 || moved.some((m) => !m.shares)) return null;
  const currencies = new Set(moved.map((m) => m.shares?.currency));
  const code = [...currencies][0] ?? '';
  const words = CURRENCY[code];
  if (currencies.size !== 1 || !words) return null;
  let before = 0;
  let after = 0;
  for (const m of moved) {
    const s = m.shares as NonNullable<MemberSession['shares']>;
    after += s.session * (m.bar as NonNullable<MemberSession['bar']>).close;
    before += s.previous * (m.previousBar as NonNullable<MemberSession['previousBar']>).close;
  }
  const change = after - before;
  if (Math.abs(change) < 5e4) return null;
  const source = { series: 'members', session, field: 'close; previous close; shares outstanding', computation: 'sum of (shares at the close * close) - sum of (shares at the previous close * previous close), over the members' };
  const inputs = { marketValue: after, previousMarketValue: before, currency: code, members: moved.length };
  const entry = (id: string, unit: number, dp: number): LedgerEntry => ledger.add({ id, kind: 'money', value: change / unit, dp, source: { ...source, computation: `(${source.computation}) / ${unit}` }, inputs });
  const billions = Math.abs(change) >= 1e9;
  const yi = Math.abs(change) >= 1e8;
  return {
    members: ledger.add({ id: 'market_value.members', kind: 'count', value: moved.length, dp: 0, source: { series: 'members', session, field: 'shares outstanding', computation: 'members with a share count and a bar on the session and the one before' } }),
    currency: { en: words.en, zhHant: words.zhHant },
    en: { unit: billions ? 'billion' : 'million', value: entry(billions ? 'market_value.change_bn' : 'market_value.change_mn', billions ? 1e9 : 1e6, 1) },
    zhHant: { unit: yi ? '億' : '萬', value: yi ? entry('market_value.change_yi', 1e8, Math.abs(change) >= 1e9 ? 0 : 1) : entry('market_value.change_wan', 1e4, 0) },
  };
}
