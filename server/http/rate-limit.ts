/**
 * @module Per-user (or per-address) rate limits: the buckets, their limits, and the store that counts hits behind one
 * small interface (`RateLimitStore`): in memory per app instance (`RateLimiter`, the embedded default), or in the
 * shared database when several API processes run on PostgreSQL (`DatabaseRateLimits`, put into `deps.rateLimits` by
 * `startServer`). Which route spends which bucket is declared in one table, `server/http/route-limits.ts`. One store
 * per `Deps`, so tests with their own clock do not share counters.
 */
import type { Tx } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';

/** Up to `limit` requests at once, and `limit` more for every `windowMs` after (a token bucket). */
export const RATE_LIMITS = {
  /** Task start and complete (each verified task is one VK API call at most). */
  task: { limit: 30, windowMs: 60_000 },
  /** Claims, quiz answers and spins: each one is a write transaction. */
  claim: { limit: 20, windowMs: 60_000 },
  /** Opening a campaign: the mini app opens once per launch; a reload loop is not a launch. */
  open: { limit: 20, windowMs: 60_000 },
  /** Screen-view events (rules viewed): one is a fact, a hundred is noise in the funnel. */
  event: { limit: 10, windowMs: 60_000 },
  /** New support tickets: a person with a problem writes one or two, not three hundred. */
  support_ticket: { limit: 5, windowMs: 3_600_000 },
  /** Messages in one's own tickets: a conversation, at chat speed. */
  support_message: { limit: 30, windowMs: 3_600_000 },
  /** Wrong codes typed into enter-code tasks: enough for typos, too few to guess a pack's codes. */
  code_attempt: { limit: 10, windowMs: 3_600_000 },
  /** Client error reports per network address and per verified identity (unauthenticated route). */
  client_error_address: { limit: 20, windowMs: 60_000 },
  client_error_user: { limit: 10, windowMs: 60_000 },
  /** Telemetry batches: the mini app sends one a minute, its first and an error sooner, and one on hide; reloads fit. */
  telemetry: { limit: 12, windowMs: 60_000 },
  /** Calculator leads: one per person and campaign is kept; retries after typos in the form fit, a flood does not. */
  lead: { limit: 20, windowMs: 3_600_000 },
} as const satisfies Record<string, { limit: number; windowMs: number }>;

export type RateBucket = keyof typeof RATE_LIMITS;
export type RateLimits = Partial<Record<RateBucket, { limit: number; windowMs: number }>>;

/**
 * Where bucket state lives: in memory per instance (`RateLimiter`), or one row per key with the GCRA time in the
 * database, updated in one statement (`DatabaseRateLimits`), hence the possible promise.
 */
export interface RateLimitStore {
  /** Counts a hit; returns the milliseconds to wait when over the limit (nothing counted), or 0 when allowed. */
  hit(key: string, bucket: RateBucket, now: number): number | Promise<number>;
  /** What `hit` would return, counting nothing. */
  peek(key: string, bucket: RateBucket, now: number): number | Promise<number>;
  /**
   * `hit` as part of a writing transaction, for a store kept in that database: the hit counts only if `tx` commits.
   * For a write that must not be counted twice when two processes race to make it (decision 074); absent, `hit`.
   */
  hitWithin?(tx: Tx, key: string, bucket: RateBucket, now: number): Promise<number>;
}

interface Generations {
  young: Map<string, number>;
  old: Map<string, number>;
  youngSince: number;
}

/**
 * A token bucket stored the GCRA way (the "generic cell rate algorithm"): one number per key and bucket, the time
 * at which the key's bucket is full again, instead of a list of hit times. A key may spend `limit` requests at once;
 * the bucket refills at one request per `windowMs / limit`.
 * Memory comes back in two generations per bucket, as in the verified-launch cache: entries are written to the young
 * map, which becomes the old one after the bucket's window and is dropped whole after another; by then every entry in
 * it has expired. A busy server sees a new user with nearly every request, so this keeps the limiter out of the
 * garbage collector's way (a list per user, and a periodic sweep over all of them, cost a few percent of a claim's CPU).
 */
export class RateLimiter implements RateLimitStore {
  private readonly generations = new Map<RateBucket, Generations>();

  constructor(private readonly limits: RateLimits = RATE_LIMITS) {}

  hit(key: string, bucket: RateBucket, now: number): number {
    return this.check(key, bucket, now, true);
  }

  peek(key: string, bucket: RateBucket, now: number): number {
    return this.check(key, bucket, now, false);
  }

  private check(key: string, bucket: RateBucket, now: number, count: boolean): number {
    const limits = this.limits[bucket];
    if (!limits) throw new Error(`No rate limit for bucket ${bucket}`);
    const { limit, windowMs } = limits;
    let g = this.generations.get(bucket);
    if (!g) {
      g = { young: new Map(), old: new Map(), youngSince: now };
      this.generations.set(bucket, g);
    } else if (now - g.youngSince >= windowMs) {
      g.old = g.young;
      g.young = new Map();
      g.youngSince = now;
    }
    const whole = g.young.get(key) ?? g.old.get(key) ?? now;
    const next = Math.max(whole, now) + windowMs / limit;
    if (next - now > windowMs) return next - now - windowMs;
    if (count) g.young.set(key, next);
    return 0;
  }
}

const limiters = new WeakMap<Deps, RateLimitStore>();

/** The store of this app instance: the one composed into `deps.rateLimits`, else one in memory. */
export function limiterFor(deps: Deps): RateLimitStore {
  if (deps.rateLimits) return deps.rateLimits;
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new RateLimiter();
    limiters.set(deps, limiter);
  }
  return limiter;
}

/** `Retry-After` seconds for a wait in milliseconds (at least 1). */
export const retryAfterSeconds = (waitMs: number) => Math.max(1, Math.ceil(waitMs / 1000));
