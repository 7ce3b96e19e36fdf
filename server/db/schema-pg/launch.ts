/** @module PostgreSQL mirror of ../schema/launch.ts: when each OK launch session was first seen. */
import { pgTable, text } from 'drizzle-orm/pg-core';
import { unixMs } from './columns.ts';

export const okLaunchSessions = pgTable('ok_launch_sessions', {
  sessionHash: text('session_hash').primaryKey(),
  firstSeenAt: unixMs('first_seen_at').notNull(),
});
