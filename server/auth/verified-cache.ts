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

/**
 * Two generations instead of evicting one entry at a time: deleting from the front of a full Map leaves holes that
 * every later "oldest key" lookup walks over (V8 compacts only on resize), which cost 8% of a claim's CPU. When the
 * young generation is full it becomes the old one and the previous old one is dropped whole; a hit in the old
 * generation moves the entry back to the young one. Holds between `maxEntries / 2` and `maxEntries` launches.
 */
export class VerifiedLaunchCache {
  private young = new Map<string, Entry>();
  private old = new Map<string, Entry>();

  constructor(private readonly maxEntries = 20_000) {}

  get(header: string, nowMs: number, ttlSeconds: number): Identity | undefined {
    let entry = this.young.get(header);
    if (!entry) {
      entry = this.old.get(header);
      if (!entry) return undefined;
      this.remember(header, entry);
    }
    if (entry.issuedAt !== undefined) assertFresh(entry.issuedAt, nowMs, ttlSeconds, entry.what);
    return entry.identity;
  }

  set(header: string, identity: Identity): void {
    const stamp = ISSUED_AT[identity.platform];
    const match = stamp ? stamp.pattern.exec(header) : null;
    this.remember(header, {
      identity,
      ...(match ? { issuedAt: Number(match[1]) } : {}),
      what: stamp?.field ?? 'launch',
    });
  }

  private remember(header: string, entry: Entry): void {
    if (this.young.size >= this.maxEntries / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(header, entry);
  }
}
