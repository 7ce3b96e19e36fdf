/**
 * @module Rate-limit buckets kept in the database, so several API processes on one PostgreSQL spend one bucket per
 * user together (server/http/rate-limit-database.ts is the store over it). A bucket is one row holding its GCRA time,
 * `full_at`: the unix ms at which it is full again. A hit is one `INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING`:
 * the row is created full-minus-one, or moved on by one interval only when that keeps it within the burst, all under
 * the row's lock, so two processes hitting the same bucket at once both count (or one is refused) and none is lost.
 * The SQL is the same on both databases (a qualified column in the upsert's SET, `CASE` for the larger of two times).
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { type Db, schema } from './client.ts';
import { changedRows, inTransaction } from './transactions.ts';

const { rateLimitBuckets } = schema;

export interface BucketHit {
  bucket: string;
  subject: string;
  /** Unix ms (whole). */
  now: number;
  /** Milliseconds one request takes out of the bucket (`windowMs / limit`, whole). */
  intervalMs: number;
  /** How far ahead of `now` the bucket's time may run: `limit` intervals (the burst). */
  burstMs: number;
}

/**
 * Counts one request against the bucket in its own short transaction; resolves to 0 when it was allowed, else the
 * milliseconds until it would be (nothing counted). Never call it inside another transaction on `db`: a hit must
 * stay counted when the work it let through fails (see server/http/rate-limit-database.ts).
 * @example const wait = await hitBucket(db, { bucket: 'claim', subject: 'vk:1', now, intervalMs: 3000, burstMs: 60_000 })
 */
export async function hitBucket(db: Db, hit: BucketHit): Promise<number> {
  const { bucket, subject, now, intervalMs, burstMs } = hit;
  const from = sql`CASE WHEN ${rateLimitBuckets.fullAt} > ${now} THEN ${rateLimitBuckets.fullAt} ELSE ${now} END`;
  return inTransaction(db, async (tx) => {
    const moved = await tx
      .insert(rateLimitBuckets)
      .values({ bucket, subject, fullAt: now + intervalMs })
      .onConflictDoUpdate({
        target: [rateLimitBuckets.bucket, rateLimitBuckets.subject],
        set: { fullAt: sql`${from} + ${intervalMs}` },
        setWhere: sql`${from} + ${intervalMs} - ${now} <= ${burstMs}`,
      })
      .returning({ fullAt: rateLimitBuckets.fullAt });
    if (moved.length > 0) return 0;
    // Refused: the row is locked by the upsert above, so this reads the time that refused it.
    const [row] = await tx
      .select({ fullAt: rateLimitBuckets.fullAt })
      .from(rateLimitBuckets)
      .where(and(eq(rateLimitBuckets.bucket, bucket), eq(rateLimitBuckets.subject, subject)));
    return Math.max(1, waitAfter(row?.fullAt, hit));
  });
}

/** What `hitBucket` would answer now, counting nothing (a plain read). */
export async function peekBucket(db: Db, hit: BucketHit): Promise<number> {
  const [row] = await db
    .select({ fullAt: rateLimitBuckets.fullAt })
    .from(rateLimitBuckets)
    .where(and(eq(rateLimitBuckets.bucket, hit.bucket), eq(rateLimitBuckets.subject, hit.subject)));
  return Math.max(0, waitAfter(row?.fullAt, hit));
}

function waitAfter(fullAt: number | undefined, { now, intervalMs, burstMs }: BucketHit): number {
  return Math.max(fullAt ?? now, now) + intervalMs - now - burstMs;
}

/**
 * Deletes the buckets that are full again by `now` (the same as having no row); resolves to how many. Called by
 * the store at most once a minute per process, off the request path.
 */
export async function pruneBuckets(db: Db, now: number): Promise<number> {
  return inTransaction(db, async (tx) =>
    changedRows(await tx.delete(rateLimitBuckets).where(lt(rateLimitBuckets.fullAt, now))),
  );
}
