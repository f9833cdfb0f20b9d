/** A live level pushed by the server's live plugin (`/live`): index points, change in percent. */
export interface LiveLevel {
  readonly code: string;
  readonly date: string;
  readonly level: number;
  readonly changePct: number | null;
}

/**
 * Connects to the server's WebSocket at `/live` when it exists and subscribes to the shown index.
 * Unknown or malformed messages are ignored; without a live plugin it reports "live: off" once.
 */
export function connectLive(code: () => string, onLevel: (l: LiveLevel) => void, onStatus: (s: string) => void): void {
  let ws: WebSocket;
  try {
    ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`);
  } catch {
    onStatus('live: off');
    return;
  }
  ws.addEventListener('open', () => {
    onStatus('live: on');
    ws.send(JSON.stringify({ type: 'subscribe', indexes: [code()] }));
  });
  ws.addEventListener('error', () => onStatus('live: off'));
  ws.addEventListener('message', (ev) => {
    const l = parseLive(ev.data);
    if (l) onLevel(l);
  });
}

/** Reads `{code|index, date?, level, changePct?}` (or the same under `data`); null when not a level. */
export function parseLive(data: unknown): LiveLevel | null {
  if (typeof data !== 'string') return null;
  let m: unknown;
  try {
    m = JSON.parse(data);
  } catch {
    return null;
  }
  const o = (m as { data?: unknown })?.data ?? m;
  if (o === null || typeof o !== 'object') return null;
  const r = o as Record<string, unknown>;
  const code = typeof r.code === 'string' ? r.code : typeof r.index === 'string' ? r.index : null;
  const level = r.level;
  if (code === null || typeof level !== 'number' || !Number.isFinite(level)) return null;
  const date = typeof r.date === 'string' ? r.date.slice(0, 10) : new Date().toISOString().slice(0, 10);
  const changePct = typeof r.changePct === 'number' ? r.changePct : null;
  return { code, date, level, changePct };
}
