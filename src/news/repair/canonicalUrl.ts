/**
 * Query parameters that only track the reader; removed from canonical URLs. A parameter that some sites use as the
 * content id (plain `cid`) is kept: merging two articles by URL loses one, a missed URL match is still caught as a
 * near-duplicate.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'wickedid',
  'ref_src', 'ref_url', 'cmpid', 'ncid', 'sr_share', 'spm', 'share', 'smid', 'taid', '__twitter_impression',
  'ocid', 's_cid', 'icid', 'at_medium', 'at_campaign', 'guccounter', 'guce_referrer', 'guce_referrer_sig',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'stm_'];

/**
 * Canonical form of an article URL: tracking parameters (utm_*, fbclid, gclid, ...) and the fragment
 * removed, scheme and host lower-cased, default port dropped, remaining parameters kept in their order.
 * Returns null for anything that is not an absolute http(s) URL (javascript:, data:, relative paths).
 * @example canonicalUrl('HTTPS://News.example.com/a?id=3&utm_source=x#top') // 'https://news.example.com/a?id=3'
 * @throws never.
 */
export function canonicalUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  const keep: [string, string][] = [];
  for (const [k, v] of u.searchParams) {
    const key = k.toLowerCase();
    if (TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p))) continue;
    keep.push([k, v]);
  }
  if (keep.length !== [...u.searchParams].length) u.search = new URLSearchParams(keep).toString();
  return u.toString().replace(/\?$/, '');
}
