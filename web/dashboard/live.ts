/** A live level pushed by the server's live plugin (`/live`): index points, change in percent. */
export interface LiveLevel {
  readonly code: string;
  readonly date: string;
  readonly level: number;
  readonly changePct: number | null;
  /** Publication time, ISO 8601 UTC, when given. */
  readonly time: string | null;
}

/** A live milestone pushed with a publication (realtime LiveFact): the index move or a member's. */
export interface LiveFactMessage {
  readonly key: string;
  readonly index: string;
  /** The member the fact is about; null for the index itself. */
  readonly symbol: string | null;
  readonly timeMs: number;
  readonly fact: { readonly type: string; readonly event?: string; readonly changePct?: number; readonly basis?: string; readonly reference?: { readonly date: string; readonly value: number } };
}

/** A story version from the live story desk (`type: "story"` on `/live`; src/app/live/LiveHub.ts StoryMessage). */
export interface LiveStoryMessage {
  readonly index: string;
  readonly indexes: readonly string[];
  readonly slug: string;
  readonly version: number;
  readonly update: boolean;
  readonly final: boolean;
  readonly timeMs: number;
  readonly published: string;
  readonly documents: readonly { readonly lang: string; readonly title: string; readonly paragraphs: readonly string[] }[];
}

/** Reads a `{"type":"story",...}` message; null otherwise (or when malformed). */
export function parseLiveStory(data: unknown): LiveStoryMessage | null {
  const r = jsonObject(data);
  if (r === null) return null;
  if (r.type !== 'story' || typeof r.index !== 'string' || typeof r.slug !== 'string' || typeof r.version !== 'number' || typeof r.timeMs !== 'number') return null;
  if (!Array.isArray(r.indexes) || !Array.isArray(r.documents)) return null;
  const documents = r.documents.filter((d): d is LiveStoryMessage['documents'][number] => {
    if (d === null || typeof d !== 'object') return false;
    const x = d as Record<string, unknown>;
    return typeof x.lang === 'string' && typeof x.title === 'string' && Array.isArray(x.paragraphs) && x.paragraphs.every((p) => typeof p === 'string');
  });
  return {
    index: r.index,
    indexes: r.indexes.filter((x): x is string => typeof x === 'string'),
    slug: r.slug,
    version: r.version,
    update: r.update === true,
    final: r.final === true,
    timeMs: r.timeMs,
    published: typeof r.published === 'string' ? r.published : '',
    documents,
  };
}

export interface LiveConnection {
  /** Follows `code` only (unsubscribes the previous one). */
  follow(code: string): void;
}

/**
 * Connects to the server's WebSocket at `/live` (the realtime plugin; protocol in src/server/live/liveRoutes.ts):
 * sends `{"op":"subscribe","indexes":[code]}` and hands every `type: "level"` publication to `onLevel`.
 * Other and malformed messages are ignored. Without a live plugin it reports "live: off".
 */
export function connectLive(onLevel: (l: LiveLevel) => void, onStatus: (s: 'connected' | 'closed' | 'off') => void, onFacts: (f: readonly LiveFactMessage[]) => void = () => {}, onStory: (s: LiveStoryMessage) => void = () => {}): LiveConnection {
  let current: string | null = null;
  let open = false;
  let ws: WebSocket | null = null;
  const send = (op: 'subscribe' | 'unsubscribe', code: string) => ws?.send(JSON.stringify({ op, indexes: [code] }));
  try {
    ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`);
    ws.addEventListener('open', () => {
      open = true;
      onStatus('connected');
      if (current !== null) send('subscribe', current);
    });
    ws.addEventListener('close', () => onStatus(open ? 'closed' : 'off'));
    ws.addEventListener('message', (ev) => {
      const l = parseLive(ev.data);
      if (l) onLevel(l);
      const f = parseLiveFacts(ev.data);
      if (f.length > 0) onFacts(f);
      const s = parseLiveStory(ev.data);
      if (s) onStory(s);
    });
  } catch {
    onStatus('off');
  }
  return {
    follow(code) {
      if (code === current) return;
      if (open && current !== null) send('unsubscribe', current);
      current = code;
      if (open) send('subscribe', code);
    },
  };
}

/** Reads a `{"type":"level","index","sessionDate","level","changePct","time"}` message; null otherwise. */
export function parseLive(data: unknown): LiveLevel | null {
  const r = jsonObject(data);
  if (r === null) return null;
  if (r.type !== 'level' || typeof r.index !== 'string' || typeof r.sessionDate !== 'string') return null;
  if (typeof r.level !== 'number' || !Number.isFinite(r.level)) return null;
  return {
    code: r.index,
    date: r.sessionDate.slice(0, 10),
    level: r.level,
    changePct: typeof r.changePct === 'number' && Number.isFinite(r.changePct) ? r.changePct : null,
    time: typeof r.time === 'string' ? r.time : null,
  };
}

/** The live facts of a `level` publication or of a `facts` message (coalesced publications); [] otherwise. */
export function parseLiveFacts(data: unknown): LiveFactMessage[] {
  if (typeof data !== 'string') return [];
  let m: unknown;
  try {
    m = JSON.parse(data);
  } catch {
    return [];
  }
  if (m === null || typeof m !== 'object') return [];
  const r = m as Record<string, unknown>;
  if ((r.type !== 'level' && r.type !== 'facts') || !Array.isArray(r.facts)) return [];
  return r.facts.filter((f): f is LiveFactMessage => {
    if (f === null || typeof f !== 'object') return false;
    const x = f as Record<string, unknown>;
    return typeof x.key === 'string' && typeof x.index === 'string' && typeof x.timeMs === 'number' && x.fact !== null && typeof x.fact === 'object' && typeof (x.fact as Record<string, unknown>).type === 'string';
  });
}

/** A WebSocket text frame's JSON object; null for anything else (binary, malformed JSON, an array or a scalar). */
function jsonObject(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const m: unknown = JSON.parse(data);
    return m !== null && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
