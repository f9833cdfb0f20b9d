import type { SecurityId } from '../core/units.js';

/** A news article after parsing and repair (news issue). */
export interface Article {
  /** Stable id: hash of the canonical URL, or of source + title + date when there is no URL. */
  readonly id: string;
  /** Canonical URL (tracking parameters stripped), or null. */
  readonly url: string | null;
  readonly title: string;
  /** Plain text body, repaired (mojibake, entities, whitespace, quotes). */
  readonly body: string;
  /** Publication time as written, ISO 8601 with its offset, e.g. `2025-02-07T05:42:00+08:00`. */
  readonly publishedAt: string;
  /** The same instant in ms since the epoch. */
  readonly publishedMs: number;
  /** Publisher, e.g. `RTHK`. */
  readonly source: string;
  readonly language: string;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  /** Where it was read from (file path or feed URL). */
  readonly origin: string;
  /** Id of the earlier article this one duplicates, if any. */
  readonly duplicateOf: string | null;
  /** The publication date exactly as the source wrote it (news ingest). */
  readonly publishedAtText?: string;
  /** IANA zone applied when the source's date had no offset (news ingest rule), e.g. `Asia/Hong_Kong`. */
  readonly timeZoneAssumed?: string;
  /** Short summary or standfirst as published, repaired like the body. */
  readonly summary?: string;
  /** The article's HTML after sanitize-html (only for HTML pages and feed items that carried HTML). */
  readonly bodyHtml?: string;
  /** Input format it was parsed from: `markdown`, `rss`, `atom`, `html` or `text`. */
  readonly format?: string;
  /** MinHash signature of title + body word 3-shingles, 128 x 8 hex digits (near-duplicate detection). */
  readonly minhash?: string;
}

/** A mention of a security in an article. Offsets are UTF-16 code unit offsets into `title + "\n\n" + body`. */
export interface EntityLink {
  readonly articleId: string;
  readonly securityId: SecurityId;
  readonly start: number;
  readonly end: number;
  /** The alias text that matched, as in the master file. */
  readonly alias: string;
}

/** A theme assigned by a transparent rule, with the words that triggered it. */
export interface ThemeHit {
  readonly theme: string;
  readonly triggers: readonly string[];
}
