import type { SecurityMaster } from './securityMasterSchema.js';

/** How a pattern was made: a name or brand, a ticker form, or a blocker (matches, links nothing). */
export type PatternKind = 'name' | 'ticker' | 'blocker';

/** One text pattern of the linker. */
export interface AliasPattern {
  /** The alias text exactly as searched for, e.g. `Alibaba`, `9988.HK`, `(0700)`. */
  readonly text: string;
  /** The security it names; null for a blocker. */
  readonly securityId: string | null;
  readonly kind: PatternKind;
  /** True for short Latin aliases (NIO, Nio, BYD, JD) and ticker forms: matched with exact case. */
  readonly caseSensitive: boolean;
  /**
   * True for ticker forms that also read as years when the code looks like one (`(2015)`, `2015 HK`):
   * they link only when the same security is named shortly before.
   */
  readonly needsNameBefore: boolean;
}

/** Longest Latin alias (in UTF-16 units) that is matched case-sensitively: `NIO` and `Nio` but not `nio`. */
export const CASE_SENSITIVE_MAX_LEN = 5;

const isShortLatin = (s: string): boolean => s.length <= CASE_SENSITIVE_MAX_LEN && /[A-Za-z]/.test(s);
const looksLikeYear = (n: number): boolean => n >= 1900 && n <= 2099;

/**
 * Ticker forms of an HKEX code. `0700` gives `0700.HK`, `700.HK`, `(0700)`, `(700)`, `(00700)`, `HK:0700`,
 * `HK: 0700`, `HKEX:0700`, `HKEX: 0700`, `0700 HK`, `00700`, `00700.HK`. A bare number never links.
 * @example hkTickerForms('9988').includes('(9988)') // true
 */
export function hkTickerForms(code: string): { text: string; yearLike: boolean }[] {
  const n = Number(code);
  const four = String(n).padStart(4, '0');
  const five = String(n).padStart(5, '0');
  const bare = String(n);
  const yearLike = looksLikeYear(n);
  const out: { text: string; yearLike: boolean }[] = [];
  const add = (text: string, ambiguousAsYear = false) => {
    if (!out.some((o) => o.text === text)) out.push({ text, yearLike: ambiguousAsYear && yearLike });
  };
  for (const c of new Set([four, bare, five])) {
    if (c.length < 3) continue; // (20) or 20.HK alone are too weak
    add(`${c}.HK`);
    add(`(${c})`, c === four);
    add(`(${c}.HK)`);
    add(`HK:${c}`);
    add(`HK: ${c}`);
    add(`HKEX:${c}`);
    add(`HKEX: ${c}`);
    add(`SEHK:${c}`);
    add(`${c} HK`, c === four);
  }
  add(five); // 09988: a zero-padded five-digit code is unambiguous
  return out;
}

/** Exchange-qualified forms of a US ticker: `NYSE: BABA`, `(NYSE:BABA)`, `Nasdaq: JD` ... */
export function usTickerForms(symbol: string): string[] {
  const out: string[] = [];
  for (const ex of ['NYSE', 'Nasdaq', 'NASDAQ']) out.push(`${ex}: ${symbol}`, `${ex}:${symbol}`);
  return out;
}

/**
 * Every pattern of a master: names (English, Chinese, aliases), HK ticker forms, US tickers, blockers.
 * Case rule: Latin aliases of up to 5 characters (NIO, Nio, BYD, Qwen) are case-sensitive; longer ones ignore ASCII case.
 */
export function aliasPatterns(master: SecurityMaster): AliasPattern[] {
  const out: AliasPattern[] = [];
  const seen = new Set<string>();
  const push = (p: AliasPattern) => {
    const key = `${p.caseSensitive ? p.text : p.text.toLowerCase()}\u0000${p.securityId}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const s of master.securities) {
    const names = [s.name, s.zhHant, s.zhHans, ...s.aliases].filter((x): x is string => x !== undefined);
    for (const text of names) {
      const caseSensitive = isShortLatin(text);
      push({ text, securityId: s.id, kind: 'name', caseSensitive, needsNameBefore: false });
    }
    if (s.code !== undefined) {
      for (const f of hkTickerForms(s.code)) {
        push({ text: f.text, securityId: s.id, kind: 'ticker', caseSensitive: true, needsNameBefore: f.yearLike });
      }
    }
    for (const t of s.usTickers) {
      for (const text of usTickerForms(t.symbol)) {
        push({ text, securityId: s.id, kind: 'ticker', caseSensitive: true, needsNameBefore: false });
      }
      if (t.plain) push({ text: t.symbol, securityId: s.id, kind: 'ticker', caseSensitive: true, needsNameBefore: false });
    }
  }
  for (const text of master.blockers) {
    push({ text, securityId: null, kind: 'blocker', caseSensitive: false, needsNameBefore: false });
  }
  return out;
}
