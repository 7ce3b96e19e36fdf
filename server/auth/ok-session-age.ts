/**
 * @module When this server first saw an OK session. OK's launch has no timestamp and OK cannot be asked here, so the
 * age of an OK launch is counted from the first time one of its session's launches verified; `LAUNCH_PARAMS_TTL`
 * later the session's launches are refused like a stale `vk_ts`. Kept in the database, not in memory, so a restart
 * or a second API process does not start the clock again.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';

const { okLaunchSessions } = schema;

/**
 * The first-seen time of this OK session in Unix seconds, recording `nowMs` if it is new.
 * @example okSessionFirstSeen(db, 'CBAKEY', 'session-key', Date.now())
 */
export function okSessionFirstSeen(db: Db, appKey: string, sessionKey: string, nowMs: number): number {
  const sessionHash = createHash('sha256').update(`${appKey}\n${sessionKey}`).digest('hex');
  // One statement: an existing row keeps its time (a no-op update so RETURNING yields it), a new one takes now.
  const row = db
    .insert(okLaunchSessions)
    .values({ sessionHash, firstSeenAt: nowMs })
    .onConflictDoUpdate({ target: okLaunchSessions.sessionHash, set: { firstSeenAt: sql`first_seen_at` } })
    .returning({ firstSeenAt: okLaunchSessions.firstSeenAt })
    .get();
  return Math.floor(row.firstSeenAt / 1000);
}
