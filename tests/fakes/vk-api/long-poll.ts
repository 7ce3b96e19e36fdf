/**
 * @module The Bots Long Poll server of the fake: `groups.getLongPollServer` issues a key and a loopback
 * server URL; `GET <server>?act=a_check&key=&ts=&wait=` returns the events numbered ≥ ts, holding the
 * request until an event is pushed or the (capped) wait runs out, as VK does:
 *   `{ts, updates}` normally; `{failed: 1, ts}` when ts is outside the kept history; `{failed: 2}` for an
 *   unknown/expired key. ts values are strings, like VK's.
 */
import { randomBytes } from 'node:crypto';

/** How many events per community the fake keeps; older ts values get `failed: 1`. */
const KEPT_EVENTS = 1000;

export type LongPollAnswer =
  | { ts: string; updates: Array<Record<string, unknown>> }
  | { failed: 1; ts: string }
  | { failed: 2 };

interface CommunityStream {
  keys: Set<string>;
  nextTs: number;
  events: Array<{ ts: number; update: Record<string, unknown> }>;
  wakers: Set<() => void>;
}

export class LongPollHub {
  private readonly streams = new Map<number, CommunityStream>();
  private closed = false;

  constructor(private readonly maxWaitMs: number) {}

  /** What groups.getLongPollServer returns for this community; every issued key stays valid until expired. */
  issueServer(groupId: number, origin: string): { key: string; server: string; ts: string } {
    const stream = this.stream(groupId);
    const key = randomBytes(20).toString('hex');
    stream.keys.add(key);
    return { key, server: `${origin}/lp/${groupId}`, ts: String(stream.nextTs) };
  }

  /** Makes every key issued for the community invalid (clients then get `failed: 2` and re-fetch). */
  expireKeys(groupId: number): void {
    this.stream(groupId).keys.clear();
  }

  /** Queues an update for the community and wakes its waiting clients. Fills group_id/event_id/v if absent. */
  push(groupId: number, update: object): void {
    const stream = this.stream(groupId);
    const full: Record<string, unknown> = {
      group_id: groupId,
      event_id: randomBytes(20).toString('hex'),
      v: '5.199',
      ...update,
    };
    stream.events.push({ ts: stream.nextTs, update: full });
    stream.nextTs += 1;
    if (stream.events.length > KEPT_EVENTS) stream.events.shift();
    for (const wake of stream.wakers) wake();
  }

  /** Answers one a_check request (a_check semantics: events numbered ≥ ts, then the next ts). */
  async check(groupId: number, key: string, rawTs: string, waitSeconds: number): Promise<LongPollAnswer> {
    const stream = this.stream(groupId);
    if (!stream.keys.has(key)) return { failed: 2 };
    const ts = Number(rawTs);
    const oldestKept = stream.events[0]?.ts ?? stream.nextTs;
    if (!Number.isSafeInteger(ts) || ts < oldestKept || ts > stream.nextTs) {
      return { failed: 1, ts: String(stream.nextTs) };
    }
    if (stream.nextTs === ts && !this.closed) {
      await this.waitForEvent(stream, Math.min(Math.max(waitSeconds, 0) * 1000, this.maxWaitMs));
    }
    const updates = stream.events.filter((event) => event.ts >= ts).map((event) => event.update);
    return { ts: String(stream.nextTs), updates };
  }

  /** Drops queued events (keys and ts numbering stay, so connected clients keep working). */
  clearEvents(): void {
    for (const stream of this.streams.values()) stream.events.length = 0;
  }

  /** Releases every waiting request at once (used on shutdown). */
  close(): void {
    this.closed = true;
    for (const stream of this.streams.values()) for (const wake of stream.wakers) wake();
  }

  private waitForEvent(stream: CommunityStream, waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        stream.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, waitMs);
      stream.wakers.add(wake);
    });
  }

  private stream(groupId: number): CommunityStream {
    let stream = this.streams.get(groupId);
    if (!stream) {
      stream = { keys: new Set(), nextTs: 1, events: [], wakers: new Set() };
      this.streams.set(groupId, stream);
    }
    return stream;
  }
}
