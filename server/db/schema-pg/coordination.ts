/** @module PostgreSQL mirror of ../schema/coordination.ts: leases. */
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { unixMs } from './columns.ts';

export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder'),
  fence: integer('fence').notNull(),
  beat: integer('beat').notNull(),
  leaseMs: integer('lease_ms').notNull(),
  renewedAt: unixMs('renewed_at').notNull(),
});
