/**
 * Telemetry for the brand's statistics: session start, a heartbeat a minute while the app is visible, screen views
 * (the router's active panel) and caught errors, queued and sent as one batch a minute and when the app is hidden; the
 * session's first batch and a batch holding an error go at the next 15-second tick instead (a short visit or a crash
 * may end without a hide event). A minute, not 15 s: each request wakes a phone's radio, and at the server a request's
 * fixed cost is most of a batch's cost (docs/decisions/031-telemetry-batches-a-minute.md).
 * `navigator.sendBeacon` cannot carry the launch data in `Authorization`, so the last batch goes as a `fetch` with
 * `keepalive` (it outlives the page like a beacon) and the server verifies it like any request. Events carry their age
 * at send time, not a clock reading: the server dates them by its own clock. Office panels are not participant use.
 */

type Kind = 'session_start' | 'heartbeat' | 'screen_view' | 'client_error';
interface Queued {
  kind: Kind;
  t: number;
  screen?: string;
  message?: string;
}

export interface Telemetry {
  /** The router's active panel changed. */
  screen(panel: string): void;
  /** An error the app caught; false when no campaign is known yet (the caller reports it another way). */
  error(message: string): boolean;
  /** The user is a participant of this campaign (the server stores telemetry only for participants). */
  joined(campaignId: number): void;
  /** Sends what is queued now (on hide: with keepalive). */
  flush(keepalive?: boolean): void;
}

export interface TelemetryOptions {
  baseUrl: string;
  authorization: string;
  build: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Where the campaign id and the page's visibility are read (the real window by default). */
  page?: { hash(): string; hidden(): boolean; onHide(listener: () => void): void };
}

/** How often the queue is looked at (heartbeat due? batch due?). */
const TICK_MS = 15_000;
/** How often a batch goes while the app stays open (the bench's telemetry load follows it). */
export const FLUSH_MS = 60_000;
const HEARTBEAT_MS = 60_000;
/** The server takes at most 50 events a batch; a queue past that drops its oldest (a stuck network, not our use). */
const MAX_BATCH = 50;

const windowPage: NonNullable<TelemetryOptions['page']> = {
  hash: () => location.hash,
  hidden: () => document.visibilityState === 'hidden',
  onHide(listener) {
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && listener());
    addEventListener('pagehide', listener);
  },
};

/** The campaign a hash route is in (`#/campaign/12/prizes` → 12). */
/** The participant's campaign in the hash; office pages (`#/admin/campaign/…`) are not a participant's and name none. */
export const campaignOfHash = (hash: string) => Number(/^#?\/campaign\/(\d+)/.exec(hash)?.[1]) || undefined;

export function createTelemetry(o: TelemetryOptions): Telemetry & { tick(): void } {
  const send = o.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = o.now ?? (() => Date.now());
  const page = o.page ?? windowPage;
  let queue: Queued[] = [];
  let campaignId: number | undefined;
  // A campaign the user only looked at (not started, ended, never joined) has no participant to attribute events to:
  // the server would refuse them (409), so they wait in the queue until the user joins or opens a joined campaign.
  const joined = new Set<number>();
  let screen = '';
  let lastBeat = now();
  /** When the last batch went; none yet: the session's first batch goes at the next tick. */
  let lastSent: number | undefined;
  /** An error is queued (it may be the last thing the app does) or the queue is nearly full: send at the next tick. */
  let urgent = false;
  const push = (e: Omit<Queued, 't'>) => {
    queue.push({ ...e, t: now() });
    if (queue.length > MAX_BATCH) queue = queue.slice(-MAX_BATCH);
    // A queue this full goes at the next tick, before a minute of fast use can overflow it.
    if (queue.length >= MAX_BATCH * 0.8) urgent = true;
  };

  const flush = (keepalive = false) => {
    if (campaignId === undefined || !joined.has(campaignId) || queue.length === 0) return;
    const at = now();
    const events = queue.map(({ t, ...e }) => ({ ...e, ageMs: Math.max(0, at - t) }));
    queue = [];
    lastSent = at;
    urgent = false;
    void send(`${o.baseUrl.replace(/\/$/, '')}/api/telemetry`, {
      method: 'POST',
      keepalive,
      headers: { Authorization: o.authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify({ campaignId, build: o.build, events }),
    }).catch(() => undefined);
  };

  push({ kind: 'session_start' });
  page.onHide(() => flush(true));
  const tick = () => {
    if (!page.hidden() && now() - lastBeat >= HEARTBEAT_MS - TICK_MS / 2) {
      lastBeat = now();
      push({ kind: 'heartbeat', screen });
    }
    // Half a tick of slack: a timer that fires a little early must not push the batch a whole tick later.
    if (lastSent === undefined || urgent || now() - lastSent >= FLUSH_MS - TICK_MS / 2) flush();
  };
  if (!o.page) setInterval(tick, TICK_MS);

  return {
    screen(panel) {
      campaignId = campaignOfHash(page.hash()) ?? campaignId;
      if (panel.startsWith('admin') || panel === screen) return;
      screen = panel;
      push({ kind: 'screen_view', screen });
    },
    error(message) {
      if (campaignId === undefined) return false;
      push({ kind: 'client_error', screen, message: message.slice(0, 2000) });
      urgent = true;
      return true;
    },
    joined(id) {
      joined.add(id);
    },
    flush,
    tick,
  };
}
