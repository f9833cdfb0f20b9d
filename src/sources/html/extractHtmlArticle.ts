import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawArticle } from '../../news/parse/buildArticle.js';
import { FormatError } from '../../news/parse/formatError.js';
import { sanitizeArticleHtml } from '../../news/sanitize/sanitizeArticleHtml.js';
import { htmlToText } from '../../news/sanitize/htmlToText.js';

const DATE_SELECTORS = [
  'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="date"]',
  'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', 'meta[property="og:published_time"]',
];

/**
 * Extracts the main article of an HTML page (@mozilla/readability 0.6.0 on linkedom 0.18.15; no script
 * runs). Title: og:title, else Readability's title. Date: article:published_time and similar meta tags,
 * JSON-LD `datePublished`, else the first `<time datetime>`. URL: `<link rel=canonical>`, og:url, else the
 * page's own address when given. Source: og:site_name, else the host. Body HTML sanitised (sanitize-html).
 * @throws FormatError when Readability finds no article text.
 */
export function extractHtmlArticle(html: string, origin: string, pageUrl?: string): RawArticle {
  const { document } = parseHTML(html);
  const meta = (sel: string): string | null => document.querySelector(sel)?.getAttribute('content')?.trim() || null;
  let dateText: string | null = null;
  for (const sel of DATE_SELECTORS) {
    dateText = meta(sel);
    if (dateText) break;
  }
  dateText ??= jsonLdDate(document) ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  const url = absolute(canonical, pageUrl) ?? pageUrl ?? null;
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  const ogTitle = meta('meta[property="og:title"]');
  const siteName = meta('meta[property="og:site_name"]');
  const description = meta('meta[name="description"]') ?? meta('meta[property="og:description"]');
  // Readability mutates the document: read everything above first.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const parsed = new Readability(document as any).parse();
  if (!parsed || !parsed.content || !(parsed.textContent ?? '').trim()) {
    throw new FormatError('body', undefined, 'no article text found in the HTML page');
  }
  const bodyHtml = sanitizeArticleHtml(parsed.content);
  return {
    title: ogTitle ?? parsed.title ?? '',
    body: htmlToText(bodyHtml),
    dateText: dateText ?? parsed.publishedTime ?? null,
    url,
    source: siteName ?? parsed.siteName ?? (url ? new URL(url).hostname.replace(/^www\./, '') : 'unknown'),
    language: lang ?? parsed.lang ?? null,
    summary: description ?? parsed.excerpt ?? null,
    bodyHtml,
    format: 'html',
    origin,
  };
}

function jsonLdDate(document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }): string | null {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      const found = findKey(JSON.parse(scripts[i]?.textContent ?? ''), 'datePublished');
      if (found) return found;
    } catch {
      // malformed JSON-LD is ignored: other date sources still apply
    }
  }
  return null;
}

function findKey(v: unknown, key: string): string | null {
  if (Array.isArray(v)) {
    for (const x of v) {
      const f = findKey(x, key);
      if (f) return f;
    }
  } else if (v && typeof v === 'object') {
    const rec = v as Record<string, unknown>;
    if (typeof rec[key] === 'string') return rec[key];
    for (const x of Object.values(rec)) {
      const f = findKey(x, key);
      if (f) return f;
    }
  }
  return null;
}

function absolute(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).toString();
  } catch {
    return null;
  }
}
