/** @module PostgreSQL mirror of ../schema/launch.ts: when each OK launch session was first seen; web sign-outs. */
import { pgTable, text } from 'drizzle-orm/pg-core';
import { unixMs } from './columns.ts';

export const okLaunchSessions = pgTable('ok_launch_sessions', {
  sessionHash: text('session_hash').primaryKey(),
  firstSeenAt: unixMs('first_seen_at').notNull(),
});

export const webSignOuts = pgTable('web_sign_outs', {
  vkUserId: text('vk_user_id').primaryKey(),
  signedOutAt: unixMs('signed_out_at').notNull(),
});
