import { SourceError } from '../../core/errors.js';
import { FormatError } from '../../news/parse/formatError.js';
import { MAX_NEWS_FILE_BYTES, parseText, type ReadNewsResult } from '../newsFiles/readNewsFile.js';
import { decodeNewsBytes } from '../newsFiles/decodeNewsBytes.js';

export interface FetchNewsOptions {
  /** Injected for tests; default global fetch. */
  readonly fetchImpl?: typeof fetch;
  /** Default 20 s. */
  readonly timeoutMs?: number;
}

/**
 * Fetches a feed (RSS/Atom) or an article page by URL and parses it like a file. The kind comes from
 * Content-Type (html or xhtml -> page, other xml/rss/atom -> feed, markdown, plain text), else from the first bytes.
 * The body is capped at MAX_NEWS_FILE_BYTES (5 MiB), read as a stream so a huge response stops early.
 * @throws SourceError for network failures (retryable), HTTP errors (retryable for 5xx and 429), and
 *   responses that are too large, binary or not parseable (not retryable).
 */
export async function fetchNewsUrl(url: string, opts: FetchNewsOptions = {}): Promise<ReadNewsResult> {
  const doFetch = opts.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, {
      signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
      headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/html;q=0.9, */*;q=0.5', 'user-agent': 'indexwire-news-ingest' },
      redirect: 'follow',
    });
  } catch (e) {
    throw new SourceError(url, `fetch failed: ${(e as Error).message}`, true);
  }
  if (!res.ok) throw new SourceError(url, `HTTP ${res.status} ${res.statusText}`, res.status >= 500 || res.status === 429);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_NEWS_FILE_BYTES) throw new SourceError(url, `response too large (${declared} bytes; limit ${MAX_NEWS_FILE_BYTES})`, false);
  const bytes = await readCapped(res, url);
  const charset = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(res.headers.get('content-type') ?? '')?.[1];
  const decoded = decodeNewsBytes(bytes, charset);
  if (!decoded.ok) throw new SourceError(url, decoded.reason, false);
  const kind = kindOf(res.headers.get('content-type') ?? '', decoded.text);
  if (!kind) throw new SourceError(url, `unsupported content type "${res.headers.get('content-type') ?? ''}"`, false);
  try {
    const r = await parseText(decoded.text, kind, url, res.url || url);
    return { ...r, encoding: `${decoded.encoding} (${decoded.reason})`, warnings: [...decoded.warnings, ...(r.warnings ?? [])] };
  } catch (e) {
    if (e instanceof FormatError) throw new SourceError(url, e.message, false);
    throw e;
  }
}

async function readCapped(res: Response, url: string): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_NEWS_FILE_BYTES) {
      await reader.cancel();
      throw new SourceError(url, `response too large (over ${MAX_NEWS_FILE_BYTES} bytes)`, false);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

function kindOf(contentType: string, text: string): 'feed' | 'html' | 'markdown' | 'text' | null {
  const ct = contentType.toLowerCase();
  if (/html/.test(ct)) return 'html'; // before xml: application/xhtml+xml is a page
  if (/(rss|atom|xml)/.test(ct)) return 'feed';
  if (/markdown/.test(ct)) return 'markdown';
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<rss') || head.startsWith('<feed')) return 'feed';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (head.startsWith('---')) return 'markdown';
  if (/text\/plain/.test(ct)) return 'text';
  return null;
}
