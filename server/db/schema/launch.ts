/**
 * @module Launch bookkeeping. OK's launch carries no time, so the server remembers when it first saw each OK session
 * and refuses the session's launches once that is older than `LAUNCH_PARAMS_TTL` (docs/decisions/014).
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const okLaunchSessions = sqliteTable('ok_launch_sessions', {
  /** SHA-256 of `application_key` and `session_key` (hex): the key itself never rests in the database. */
  sessionHash: text('session_hash').primaryKey(),
  /** Unix milliseconds of the first verified launch of this session. */
  firstSeenAt: integer('first_seen_at').notNull(),
});

/**
 * The web entry's sign-outs: a VK user's web session cookies issued before `signed_out_at` no longer sign them in
 * (server/auth/vk-id/web-session.ts). The cookie is stateless, so without this a copy of it stayed good after logout.
 */
export const webSignOuts = sqliteTable('web_sign_outs', {
  vkUserId: text('vk_user_id').primaryKey(),
  /** Unix milliseconds of the last sign-out. */
  signedOutAt: integer('signed_out_at').notNull(),
});
