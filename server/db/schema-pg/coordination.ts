/** @module PostgreSQL mirror of ../schema/coordination.ts: leases and rate-limit buckets. */
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { unixMs } from './columns.ts';

export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder'),
  fence: integer('fence').notNull(),
  beat: integer('beat').notNull(),
  leaseMs: integer('lease_ms').notNull(),
  renewedAt: unixMs('renewed_at').notNull(),
});

export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    bucket: text('bucket').notNull(),
    subject: text('subject').notNull(),
    fullAt: unixMs('full_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.subject] }), index('rate_limit_buckets_full_at_idx').on(t.fullAt)],
);
