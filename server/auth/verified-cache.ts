/**
 * Remembers launch strings that already verified, so a session's repeated requests skip the HMAC and
 * parsing. The key is the whole raw header: any change to it is a miss and is verified from scratch.
 * Freshness is still checked on every hit, against the timestamp the launch itself carries.
 */
import type { Identity } from './identity.ts';
import { assertFresh } from './time-window.ts';

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
    const field = identity.platform === 'vk' ? 'vk_ts' : identity.platform === 'telegram' ? 'auth_date' : undefined;
    const match = field ? header.match(new RegExp(`(?:[ ?&])${field}=(\\d+)`)) : null;
    this.entries.set(header, {
      identity,
      ...(match ? { issuedAt: Number(match[1]) } : {}),
      what: field ?? 'launch',
    });
  }
}
