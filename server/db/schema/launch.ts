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
