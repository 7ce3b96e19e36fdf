/**
 * Remembers launch strings that already verified, so a session's repeated requests skip the HMAC and
 * parsing. The key is the whole raw header: any change to it is a miss and is verified from scratch.
 * Freshness is still checked on every hit, against the timestamp the launch itself carries.
 */
import type { Identity } from './identity.ts';
import { assertFresh } from './time-window.ts';

/** Where each platform's launch carries its issue time (OK launches carry none that we check). */
const ISSUED_AT: Record<Identity['platform'], { field: string; pattern: RegExp } | undefined> = {
  vk: { field: 'vk_ts', pattern: /(?:[ ?&])vk_ts=(\d+)/ },
  telegram: { field: 'auth_date', pattern: /(?:[ ?&])auth_date=(\d+)/ },
  ok: undefined,
};

interface Entry {
  identity: Identity;
  issuedAt?: number;
  what: string;
}

export class VerifiedLaunchCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 20_000) {}

  get(header: string, nowMs: number, ttlSeconds: number): Identity | undefined {
    const entry = this.entries.get(header);
    if (!entry) return undefined;
    if (entry.issuedAt !== undefined) assertFresh(entry.issuedAt, nowMs, ttlSeconds, entry.what);
    return entry.identity;
  }

  set(header: string, identity: Identity): void {
    if (this.entries.size >= this.maxEntries) {
      // Oldest first: Map iterates in insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const stamp = ISSUED_AT[identity.platform];
    const match = stamp ? stamp.pattern.exec(header) : null;
    this.entries.set(header, {
      identity,
      ...(match ? { issuedAt: Number(match[1]) } : {}),
      what: stamp?.field ?? 'launch',
    });
  }
}
