/** A live level pushed by the server's live plugin (`/live`): index points, change in percent. */
export interface LiveLevel {
  readonly code: string;
  readonly date: string;
  readonly level: number;
  readonly changePct: number | null;
  /** Publication time, ISO 8601 UTC, when given. */
  readonly time: string | null;
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
export function connectLive(onLevel: (l: LiveLevel) => void, onStatus: (s: string) => void): LiveConnection {
  let current: string | null = null;
  let open = false;
  let ws: WebSocket | null = null;
  const send = (op: 'subscribe' | 'unsubscribe', code: string) => ws?.send(JSON.stringify({ op, indexes: [code] }));
  try {
    ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`);
    ws.addEventListener('open', () => {
      open = true;
      onStatus('live: connected');
      if (current !== null) send('subscribe', current);
    });
    ws.addEventListener('close', () => onStatus(open ? 'live: closed' : 'live: off'));
    ws.addEventListener('message', (ev) => {
      const l = parseLive(ev.data);
      if (l) onLevel(l);
    });
  } catch {
    onStatus('live: off');
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
  if (typeof data !== 'string') return null;
  let m: unknown;
  try {
    m = JSON.parse(data);
  } catch {
    return null;
  }
  if (m === null || typeof m !== 'object') return null;
  const r = m as Record<string, unknown>;
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
