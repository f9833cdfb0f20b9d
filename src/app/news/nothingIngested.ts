import type { IngestSummary } from './ingest.js';

/**
 * Why `news ingest` stored nothing although it was given input (every source rejected, or nothing parsed), or
 * null when an article was stored, found unchanged, recognised as a duplicate or relinked. The CLI exits 1 with
 * this line, so a script can tell.
 */
export function nothingIngestedReason(s: IngestSummary | null): string | null {
  if (s === null) return 'nothing stored';
  if (s.ingested + s.unchanged + s.duplicates.length + s.relinked > 0) return null;
  if (s.parsed === 0) return `nothing stored: no article could be read from ${s.sources} source(s) (${s.rejected.length} rejected, reasons above)`;
  return `nothing stored: ${s.parsed} article(s) parsed, none stored (${s.rejected.length} rejected, ${s.failedBatches.length} batch(es) refused)`;
}
