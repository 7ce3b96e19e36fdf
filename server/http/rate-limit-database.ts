/**
 * @module The rate-limit store for several API processes: the same token buckets as `RateLimiter`, kept as one row per
 * bucket and user in the shared database (server/db/rate-limit-buckets.ts), so a user who alternates between processes
 * still gets one bucket, not one per process. `startServer` chooses it when the server runs on PostgreSQL
 * (docs/decisions/022); the embedded SQLite default keeps `RateLimiter` in memory (one process, no extra write).
 *
 * A hit is its own transaction, before and outside the domain's: a request refused by its claim (sold out, not
 * unlocked) or failed on a database error still spent its token. The limit counts attempts, which cost the server
 * whether or not they succeed; a token given back with a rolled-back claim would let a client repeat a failing
 * request without limit (and a hit inside the claim's transaction would retry with it on a serialization failure).
 */
import type { Db } from '../db/client.ts';
import { type BucketHit, hitBucket, peekBucket, pruneBuckets } from '../db/rate-limit-buckets.ts';
import type { Tx } from '../db/transactions.ts';
import { RATE_LIMITS, type RateBucket, type RateLimitStore, type RateLimits } from './rate-limit.ts';

/** How often one process deletes buckets that are full again (the same as absent). */
export const PRUNE_EVERY_MS = 60_000;

export class DatabaseRateLimits implements RateLimitStore {
  private lastPrune = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly limits: RateLimits = RATE_LIMITS,
  ) {}

  async hit(key: string, bucket: RateBucket, now: number): Promise<number> {
    const hit = this.bucketHit(key, bucket, now);
    this.pruneNowAndThen(hit.now);
    return hitBucket(this.db, hit);
  }

  /**
   * A hit inside the caller's writing transaction (a savepoint of it): rolled back with it. Only for a write that a
   * concurrent one may turn into a repeat (a participant's send with its key, decision 074): the process that loses
   * the race finds the winner's row on its retry and spends nothing. The attempt-counting rule above still holds for
   * everything else.
   */
  hitWithin(tx: Tx, key: string, bucket: RateBucket, now: number): Promise<number> {
    return hitBucket(tx, this.bucketHit(key, bucket, now));
  }

  peek(key: string, bucket: RateBucket, now: number): Promise<number> {
    return peekBucket(this.db, this.bucketHit(key, bucket, now));
  }

  private bucketHit(subject: string, bucket: RateBucket, now: number): BucketHit {
    const limits = this.limits[bucket];
    if (!limits) throw new Error(`No rate limit for bucket ${bucket}`);
    // Whole milliseconds (bigint on PostgreSQL); a limit whose interval is not whole refills a little slower.
    const intervalMs = Math.ceil(limits.windowMs / limits.limit);
    return { bucket, subject, now: Math.floor(now), intervalMs, burstMs: intervalMs * limits.limit };
  }

  /** Old rows go in the background: a failed prune is only logged, the next one a minute later tries again. */
  private pruneNowAndThen(now: number): void {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    pruneBuckets(this.db, now).catch((err) => console.warn(`rate limits: pruning old buckets failed (${err})`));
  }
}
