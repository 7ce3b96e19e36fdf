/**
 * @module The provably fair draw's algorithm, `provably-fair-draw/v1`, as pure functions (docs/decisions/023). Anyone
 * holding the revealed seed and the published list can recompute every pick with a few lines of any language:
 *
 * 1. seed = 32 random bytes, published as hex; commitment = SHA-256(seed bytes), hex, published at launch.
 * 2. entry hash = SHA-256(UTF-8 `platform:userId`), hex; the list is ordered by entry id (first entry = index 0);
 *    list hash = SHA-256(UTF-8 of the entry hashes joined by `\n`), hex.
 * 3. for k = 0, 1, 2, …: h = HMAC-SHA256(key = seed bytes, message = UTF-8 `pick:` + k); x = the first 6 bytes of h
 *    as a big-endian unsigned integer (0 ≤ x < 2^48); with n entries, if x ≥ 2^48 − (2^48 mod n) skip k (rejection
 *    sampling, so every index is equally likely); else index = x mod n; skip it if already picked.
 * 4. the first `winners` distinct indexes are the winners, the next `reserves` the reserves; a re-pick takes the first
 *    unused reserve, then continues the same sequence from the next k.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const DRAW_ALGORITHM = 'provably-fair-draw/v1';

/** The steps above, in the API answer so a participant can recompute without reading the code. */
export const DRAW_ALGORITHM_STEPS = [
  'commitment = hex(SHA-256(seed bytes)); the seed is 32 bytes, published as hex after the draw',
  'entry hash = hex(SHA-256(UTF-8 "platform:userId")); entries ordered by entry id, index 0 first',
  'list hash = hex(SHA-256(UTF-8 of the entry hashes joined by "\\n"))',
  'for k = 0, 1, 2, ...: h = HMAC-SHA256(key = seed bytes, message = UTF-8 "pick:" + k)',
  'x = first 6 bytes of h, big-endian unsigned (0 <= x < 2^48); n = number of entries',
  'if x >= 2^48 - (2^48 mod n): skip this k (no modulo bias); else index = x mod n; skip it if already picked',
  'the first `winners` distinct indexes win, the next `reserves` are reserves; a re-pick promotes the first unused reserve, then continues from the next k',
] as const;

const RANGE = 2 ** 48;

/** A fresh secret seed: 32 bytes from the OS's CSPRNG, hex. */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of the seed's bytes (not of its hex text). */
export function commitmentOf(seedHex: string): string {
  return sha256Hex(Buffer.from(seedHex, 'hex'));
}

/** What the published list shows for one entry: lets a participant find themselves without exposing ids. */
export function entryHash(platform: string, userId: string): string {
  return sha256Hex(`${platform}:${userId}`);
}

export function entriesHashOf(hashes: readonly string[]): string {
  return sha256Hex(hashes.join('\n'));
}

/** The index step k proposes among n entries, or null when k is rejected (the top sliver of the range). */
export function candidateIndex(seedHex: string, counter: number, n: number): number | null {
  const h = createHmac('sha256', Buffer.from(seedHex, 'hex')).update(`pick:${counter}`).digest();
  const x = h.readUIntBE(0, 6);
  if (x >= RANGE - (RANGE % n)) return null;
  return x % n;
}

export interface Pick {
  counter: number;
  index: number;
}

/**
 * The next `count` distinct picks from counter `fromCounter` on, skipping indexes in `taken`; fewer when the list
 * runs out. `nextCounter` is where the sequence continues.
 * @example nextPicks(seed, 100, 3, 0, new Set()) // { picks: [{ counter: 0, index: 41 }, …], nextCounter: 3 }
 */
export function nextPicks(
  seedHex: string,
  n: number,
  count: number,
  fromCounter: number,
  taken: ReadonlySet<number>,
): { picks: Pick[]; nextCounter: number } {
  const used = new Set(taken);
  const picks: Pick[] = [];
  let counter = fromCounter;
  while (picks.length < count && used.size < n) {
    const index = candidateIndex(seedHex, counter, n);
    counter += 1;
    if (index === null || used.has(index)) continue;
    used.add(index);
    picks.push({ counter: counter - 1, index });
  }
  return { picks, nextCounter: counter };
}
