/**
 * @module When this server first saw an OK session. OK's launch has no timestamp and OK cannot be asked here, so the
 * age of an OK launch is counted from the first time one of its session's launches verified; `LAUNCH_PARAMS_TTL`
 * later the session's launches are refused like a stale `vk_ts`. Kept in the database, not in memory, so a restart
 * or a second API process does not start the clock again.
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { inTransaction } from '../db/transactions.ts';

const { okLaunchSessions } = schema;

/**
 * The first-seen time of this OK session in Unix seconds, recording `nowMs` if it is new.
 * @example await okSessionFirstSeen(db, 'CBAKEY', 'session-key', Date.now())
 */
export async function okSessionFirstSeen(db: Db, appKey: string, sessionKey: string, nowMs: number): Promise<number> {
  const sessionHash = createHash('sha256').update(`${appKey}\n${sessionKey}`).digest('hex');
  // A known session is only read (no write lock for every OK request).
  const [known] = await db
    .select({ firstSeenAt: okLaunchSessions.firstSeenAt })
    .from(okLaunchSessions)
    .where(eq(okLaunchSessions.sessionHash, sessionHash))
    .limit(1);
  if (known) return Math.floor(known.firstSeenAt / 1000);
  // One statement: a row another request inserted meanwhile keeps its time (a no-op update so RETURNING yields it).
  // The column is qualified by its table: PostgreSQL finds a bare `first_seen_at` ambiguous (it is in EXCLUDED too).
  const row = inserted(
    await inTransaction(db, (tx) =>
      tx
        .insert(okLaunchSessions)
        .values({ sessionHash, firstSeenAt: nowMs })
        .onConflictDoUpdate({
          target: okLaunchSessions.sessionHash,
          set: { firstSeenAt: sql`${okLaunchSessions}.${sql.identifier(okLaunchSessions.firstSeenAt.name)}` },
        })
        .returning({ firstSeenAt: okLaunchSessions.firstSeenAt }),
    ),
  );
  return Math.floor(row.firstSeenAt / 1000);
}
