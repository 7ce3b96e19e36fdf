/**
 * @module Community messages that are due while their community has no token to send them with (decision 078): a
 * funnel rule's, a reply's, or a broadcast's held for quiet hours whose community lost its token meanwhile. No sender
 * claims them (bot/sender/community-senders.ts sends only as a community with a token), so they waited queued for
 * ever and the office read "sending". They are closed unsent as `no_community_token` once due, their broadcast with
 * them, so the office says why; a token stored later does not send them at a moment nobody chose (054, 064, 071).
 */
import { and, eq, lte } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { communitySending } from '../office/agency/agency-secrets.ts';
import { isLocalDemo } from '../vk/local-demo.ts';
import { cancelBroadcastsOf } from './outbox-switched-off.ts';

const { outbox } = schema;

/**
 * Closes the due, queued community messages of every community that has no token now (its brand on: a switched-off
 * brand's rows are closed for that reason, decision 064); answers how many. Rows being sent are left to their sender.
 * @example await closeTokenlessDue(deps, Date.now()) // in the schedule pass, after the rules wrote their rows
 */
export async function closeTokenlessDue(deps: Pick<Deps, 'db' | 'config' | 'vk'>, now: number): Promise<number> {
  // The local demo sends through no VK at all, with no token anywhere (community-token-required.ts).
  if (isLocalDemo(deps)) return 0;
  const due = and(eq(outbox.status, 'queued'), eq(outbox.channel, 'message'), lte(outbox.nextAttemptAt, now));
  const groups = await deps.db.selectDistinct({ vkGroupId: outbox.vkGroupId }).from(outbox).where(due);
  let closed = 0;
  for (const { vkGroupId } of groups) {
    const sending = await communitySending(deps, vkGroupId);
    if (sending.token || sending.switchedOff) continue;
    closed += await inTransaction(deps.db, async (tx) => {
      const rows = await tx
        .update(outbox)
        .set({ status: 'cancelled', errorReason: 'no_community_token', updatedAt: now })
        .where(and(due, eq(outbox.vkGroupId, vkGroupId)))
        .returning({ broadcastId: outbox.broadcastId });
      await cancelBroadcastsOf(tx, rows, now, 'no_community_token');
      return rows.length;
    });
  }
  return closed;
}
