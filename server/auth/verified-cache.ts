/**
 * Remembers launch strings that already verified, so a session's repeated requests skip the HMAC and
 * parsing. The key is the whole raw header: any change to it is a miss and is verified from scratch.
 * The cache skips work, never a check: every hit re-checks freshness against the issue time the verifier itself parsed
 * from this exact header (never a second reading of the raw text, which `vk%5Fts=` or a repeated key could fool).
 */
import type { VerifiedLaunch } from './identity.ts';
import { assertFresh } from './time-window.ts';

/**
 * Two generations instead of evicting one entry at a time: deleting from the front of a full Map leaves holes that
 * every later "oldest key" lookup walks over (V8 compacts only on resize), which cost 8% of a claim's CPU. When the
 * young generation is full it becomes the old one and the previous old one is dropped whole; a hit in the old
 * generation moves the entry back to the young one. Holds between `maxEntries / 2` and `maxEntries` launches.
 */
export class VerifiedLaunchCache {
  private young = new Map<string, VerifiedLaunch>();
  private old = new Map<string, VerifiedLaunch>();

  constructor(private readonly maxEntries = 20_000) {}

  /**
   * The launch verified earlier under this exact header, after its age check against `nowMs`; undefined when unknown
   * (or when an age check is due and no issue time was recorded: then the verifier decides). Throws `ExpiredLaunchError`.
   */
  get(header: string, nowMs: number, ttlSeconds: number): VerifiedLaunch | undefined {
    let entry = this.young.get(header);
    if (!entry) {
      entry = this.old.get(header);
      if (!entry) return undefined;
      this.remember(header, entry);
    }
    if (ttlSeconds !== 0) {
      if (entry.issuedAt === undefined) return undefined;
      assertFresh(entry.issuedAt, nowMs, ttlSeconds, entry.issuedAtField);
    }
    return entry;
  }

  set(header: string, launch: VerifiedLaunch): void {
    this.remember(header, launch);
  }

  private remember(header: string, entry: VerifiedLaunch): void {
    if (this.young.size >= this.maxEntries / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(header, entry);
  }
}
