/**
 * @module Which broadcasts among outbox rows the brand cancelled, asked at claim time and again right before each VK
 * call: a row claimed before the cancel is closed like the queued rows the cancel closed, never sent.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';

const { outbox, broadcasts } = schema;

type OutboxRow = typeof outbox.$inferSelect;

/**
 * Broadcasts among the rows that the brand cancelled (one query; none when no row belongs to a broadcast).
 * @example const cancelled = await cancelledBroadcasts(tx, rows)
 */
export async function cancelledBroadcasts(db: Db, rows: OutboxRow[]): Promise<Set<number>> {
  const ids = [...new Set(rows.map((r) => r.broadcastId).filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Set();
  const found = await db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(and(inArray(broadcasts.id, ids), eq(broadcasts.status, 'cancelled')));
  return new Set(found.map((b) => b.id));
}

/**
 * The last look before one VK call (up to 100 rows): rows of a broadcast cancelled since they were claimed are closed
 * as the cancel closes queued rows (`cancelled`, `broadcast_cancelled`), the claim undone (attempt not counted);
 * answers the rows still to send. Only rows still under this claim (`sending`, same attempt count) are touched: a row
 * another sender took after the lease is its to close.
 * @example const rows = await closeCancelledClaims(db, req.rows, Date.now())
 */
export async function closeCancelledClaims(db: Db, rows: OutboxRow[], now: number): Promise<OutboxRow[]> {
  const cancelled = await cancelledBroadcasts(db, rows);
  if (cancelled.size === 0) return rows;
  const closing = (r: OutboxRow) => r.broadcastId !== null && cancelled.has(r.broadcastId);
  const byAttempts = new Map<number, number[]>();
  for (const r of rows.filter(closing)) byAttempts.set(r.attempts, [...(byAttempts.get(r.attempts) ?? []), r.id]);
  await inTransaction(db, async (tx) => {
    for (const [attempts, ids] of byAttempts) {
      await tx
        .update(outbox)
        .set({
          status: 'cancelled',
          errorReason: 'broadcast_cancelled',
          claimedAt: null,
          attempts: attempts - 1,
          updatedAt: now,
        })
        .where(and(inArray(outbox.id, ids), eq(outbox.status, 'sending'), eq(outbox.attempts, attempts)));
    }
  });
  return rows.filter((r) => !closing(r));
}
