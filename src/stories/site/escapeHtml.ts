/**
 * Escapes text for HTML element content and double-quoted attributes (& < > " ').
 * @example escapeHtml('<img onerror=x>') // '&lt;img onerror=x&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A tag or category as a URL path segment: lower case letters, digits and dashes only (CJK kept). */
export function slugify(s: string): string {
  const out = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return out === '' ? 'untitled' : out;
}
