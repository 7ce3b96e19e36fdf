/**
 * @module Coordination between processes that share the database: leases, each naming one job that only one process
 * may do at a time (sending with a VK token, consuming a community's Long Poll), see server/leases/lease.ts; and the
 * per-user rate-limit buckets that several API processes spend together (server/db/rate-limit-buckets.ts).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per job. `beat` changes at every take, renewal and release, so an observer that sees the same beat for a
 * whole `lease_ms` on its own clock knows the holder stopped renewing (no clocks compared across machines).
 * `fence` grows with every change of holder: the fencing token of a tenure.
 */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  /** The holding process (host, pid and a random part); null once released. */
  holder: text('holder'),
  fence: integer('fence').notNull(),
  beat: integer('beat').notNull(),
  /** How long the holder promised to stop acting after its last renewal began. */
  leaseMs: integer('lease_ms').notNull(),
  /** The holder's wall clock at its last renewal: for people reading the table, never compared by the code. */
  renewedAt: integer('renewed_at').notNull(),
});

/**
 * One row per rate-limit bucket and subject (`vk:123`, a network address), holding the GCRA time: the unix ms at
 * which that subject's bucket is full again. A row whose `full_at` has passed means the same as no row, so old rows
 * are deleted by time (`pruneRateLimitBuckets`), through the index.
 */
export const rateLimitBuckets = sqliteTable(
  'rate_limit_buckets',
  {
    bucket: text('bucket').notNull(),
    subject: text('subject').notNull(),
    fullAt: integer('full_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.subject] }), index('rate_limit_buckets_full_at_idx').on(t.fullAt)],
);
