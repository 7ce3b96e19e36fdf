/**
 * @module What a brand had queued when the agency switched it off (decision 064): closed unsent as
 * `brand_switched_off`, community messages and notifications alike, in the switch's own transaction; a broadcast that
 * lost messages this way is cancelled with that reason, so the office reads "not sent" or "partly sent" with its
 * counts instead of "sending" for as long as the brand is off. Before, the community's messages waited for the token
 * the switch withholds and went out after switch-on, at a moment nobody chose, while the same batch's notifications
 * were closed at the claim. Rows already claimed are the sender's: its last look closes them (outbox-stale.ts) and
 * cancels their broadcast (decision 069), or the one call already on its way to VK is recorded as sent. Rows written while it is off (a bot reply, a race with the
 * switch) are closed by the claim when their channel has a token, and by the sender's pass below when it has none
 * (the community's, withheld from a switched-off brand): so nothing of a brand off waits to go out after switch-on.
 */
import { and, eq, inArray, isNotNull, lte, or } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { BroadcastCancelReason, MessageChannel } from '../db/schema/messaging.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import { inScope, type OutboxScope, scopeParts } from './outbox-scope.ts';

const { outbox, broadcasts, brands, campaigns, communities } = schema;

export interface ClosedQueue {
  /** Outbox rows closed unsent. */
  messages: number;
  /** Broadcasts cancelled because some of their messages were. */
  broadcasts: number;
}

/**
 * Closes the brand's queued outbox rows (of its campaigns or its communities — a bot reply has no campaign — both
 * channels) and cancels the broadcasts they belonged to. Call it inside the transaction that switches the brand off.
 * @example const closed = await closeSwitchedOffQueue(tx, brandId, now)
 */
export async function closeSwitchedOffQueue(tx: Tx, brandId: number, now: number): Promise<ClosedQueue> {
  const ofBrand = or(
    inArray(outbox.campaignId, tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.brandId, brandId))),
    inArray(
      outbox.vkGroupId,
      tx.select({ id: communities.vkGroupId }).from(communities).where(eq(communities.brandId, brandId)),
    ),
  );
  const closed = await tx
    .update(outbox)
    .set({ status: 'cancelled', errorReason: 'brand_switched_off', updatedAt: now })
    .where(and(eq(outbox.status, 'queued'), ofBrand))
    .returning({ broadcastId: outbox.broadcastId });
  const cancelled = await cancelBroadcastsOf(tx, closed, now);
  return { messages: closed.length, broadcasts: cancelled };
}

/**
 * The sender's pass for a channel it has no token for: closes, as the claim would, the rows of its `scope` (a community's or an app's)
 * whose brand (the campaign's, or the community's for a row of no campaign) is switched off — queued, or claimed by a sender that died (lease ended) — and cancels their
 * broadcasts; one read that finds nothing when none wait. Answers how many rows it closed.
 * @example await closeSwitchedOffWaiting(db, { scope: { vkGroupId }, channel: 'message', now, leaseMs })
 */
export async function closeSwitchedOffWaiting(
  db: Db,
  o: { scope: OutboxScope; channel: MessageChannel; now: number; leaseMs: number },
): Promise<number> {
  // Of a brand off: by its campaign, or by its community (a bot reply has no campaign).
  const ofBrandOff = or(
    inArray(
      outbox.campaignId,
      db
        .select({ id: campaigns.id })
        .from(campaigns)
        .innerJoin(brands, eq(brands.id, campaigns.brandId))
        .where(isNotNull(brands.disabledAt)),
    ),
    inArray(
      outbox.vkGroupId,
      db
        .select({ id: communities.vkGroupId })
        .from(communities)
        .innerJoin(brands, eq(brands.id, communities.brandId))
        .where(isNotNull(brands.disabledAt)),
    ),
  );
  const queued = eq(outbox.status, 'queued');
  const leaseEnded = and(eq(outbox.status, 'sending'), lte(outbox.claimedAt, o.now - o.leaseMs));
  const of = and(inScope(o.scope), eq(outbox.channel, o.channel), or(queued, leaseEnded));
  // Each part of the scope and each state read on its own index range (outbox-scope.ts, decision 106).
  const found: Array<{ id: number }> = [];
  for (const part of scopeParts(o.scope, [o.channel]))
    for (const state of [queued, leaseEnded]) {
      if (found.length >= 500) break;
      found.push(
        ...(await db
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(part, state, ofBrandOff))
          .limit(500 - found.length)),
      );
    }
  if (found.length === 0) return 0;
  return inTransaction(db, async (tx) => {
    const closed = await tx
      .update(outbox)
      .set({ status: 'cancelled', errorReason: 'brand_switched_off', claimedAt: null, updatedAt: o.now })
      // Still waiting and still of a brand off when the write runs.
      .where(
        and(
          inArray(
            outbox.id,
            found.map((r) => r.id),
          ),
          of,
          ofBrandOff,
        ),
      )
      .returning({ broadcastId: outbox.broadcastId });
    await cancelBroadcastsOf(tx, closed, o.now);
    return closed.length;
  });
}

/** The broadcasts still in progress among the closed rows', cancelled for `reason`; answers how many. */
export async function cancelBroadcastsOf(
  tx: Tx,
  closed: { broadcastId: number | null }[],
  now: number,
  reason: BroadcastCancelReason = 'brand_switched_off',
): Promise<number> {
  const ids = [...new Set(closed.flatMap((r) => (r.broadcastId === null ? [] : [r.broadcastId])))];
  let cancelled = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx
      .update(broadcasts)
      .set({ status: 'cancelled', cancelledAt: now, cancelReason: reason })
      .where(and(inArray(broadcasts.id, ids.slice(i, i + 500)), eq(broadcasts.status, 'enqueued')))
      .returning({ id: broadcasts.id });
    cancelled += rows.length;
  }
  return cancelled;
}
