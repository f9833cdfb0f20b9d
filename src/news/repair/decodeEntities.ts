/** Named HTML entities that occur in news text; others are left as written. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', bull: '•',
  middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°',
  percnt: '%', plusmn: '±', times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', sect: '§',
  para: '¶', dagger: '†', Dagger: '‡', prime: '′', Prime: '″', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
  zwj: '\u200d', zwnj: '\u200c', shy: '\u00ad', eacute: 'é', Eacute: 'É', egrave: 'è', agrave: 'à', aacute: 'á',
  ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', Uuml: 'Ü', Ouml: 'Ö', Auml: 'Ä', szlig: 'ß', ntilde: 'ñ',
  iacute: 'í', oacute: 'ó', uacute: 'ú', ecirc: 'ê', acirc: 'â', ocirc: 'ô', icirc: 'î', iuml: 'ï', euml: 'ë',
};

const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/**
 * Decodes HTML character references: decimal `&#8212;`, hex `&#x2014;` and the common named ones.
 * Invalid code points (0, surrogates, > U+10FFFF) become U+FFFD; unknown names are kept as written.
 * Decodes once: `&amp;amp;` -> `&amp;` (what the publisher wrote).
 * @example decodeEntities('AT&amp;T &#8212; up') // 'AT&T — up'
 * @throws never.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? (NAMED[name] as string) : whole; // not &constructor;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(cp);
  });
}
