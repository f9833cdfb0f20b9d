import { ConfigError } from './errors.js';

/** What a symbol may look like: `0700.HK`, `HSTECH`, `^GSPC`, `BRK-B`, `ES=F`. */
const SYMBOL = /^[A-Za-z0-9^][A-Za-z0-9._^=-]{0,39}$/;

/**
 * Symbols are names, not paths: `milestones ../../x` must not read a file outside `--data`. Refuses a symbol
 * with a slash, a backslash, `..`, a leading dot, a control character or more than 40 characters.
 * @example checkSymbolName('0700.HK') // '0700.HK'
 * @throws ConfigError naming `what` (the argument or file) and the value.
 */
export function checkSymbolName(symbol: string, what = 'SYMBOL'): string {
  if (SYMBOL.test(symbol) && !symbol.includes('..')) return symbol;
  throw new ConfigError({
    source: what,
    value: symbol.replace(/[\u0000-\u001f\u007f]/g, '?'),
    reason: 'not a symbol: letters, digits and . _ ^ = - only (a name, not a path)',
  });
}
