/**
 * @module Rows due while nothing can send them. Community messages that are due while their community has no token to send them with (decision 078): a
 * funnel rule's, a reply's, or a broadcast's held for quiet hours whose community lost its token meanwhile. No sender
 * claims them (bot/sender/community-senders.ts sends only as a community with a token), so they waited queued for
 * ever and the office read "sending". They are closed unsent as `no_community_token` once due, their broadcast with
 * them, so the office says why; a token stored later does not send them at a moment nobody chose (054, 064, 071).
 * Likewise notifications due while their VK app (outbox-app.ts) has no service token and is not the configured app:
 * closed as `no_app_token` (decision 090). The configured app's wait for `VK_SERVICE_TOKEN`, as they always did.
 */
import { and, eq, lte, type SQL } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import type { BroadcastCancelReason } from '../db/schema/messaging.ts';
import type { Tx } from '../db/transactions.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { appSending, communitySending } from '../office/agency/agency-secrets.ts';
import { isLocalDemo } from '../vk/local-demo.ts';
import { cancelBroadcastsOf } from './outbox-switched-off.ts';

const { outbox } = schema;

/**
 * Closes the due, queued rows nothing can send: community messages of every community that has no token now, and
 * notifications of every VK app (not the configured one) that has no service token now — a switched-off brand's are
 * closed for that reason instead (decision 064); answers how many. Rows being sent are left to their sender.
 * @example await closeTokenlessDue(deps, Date.now()) // in the schedule pass, after the rules wrote their rows
 */
export async function closeTokenlessDue(deps: Pick<Deps, 'db' | 'config' | 'vk'>, now: number): Promise<number> {
  // The local demo sends through no VK at all, with no token anywhere (community-token-required.ts).
  if (isLocalDemo(deps)) return 0;
  const dueOf = (channel: 'message' | 'notification') =>
    and(eq(outbox.status, 'queued'), eq(outbox.channel, channel), lte(outbox.nextAttemptAt, now));
  let closed = 0;
  const groups = await deps.db.selectDistinct({ vkGroupId: outbox.vkGroupId }).from(outbox).where(dueOf('message'));
  for (const { vkGroupId } of groups) {
    const sending = await communitySending(deps, vkGroupId);
    if (sending.token || sending.switchedOff) continue;
    closed += await closeDue(deps, and(dueOf('message'), eq(outbox.vkGroupId, vkGroupId)), 'no_community_token', now);
  }
  const apps = await deps.db.selectDistinct({ vkAppId: outbox.vkAppId }).from(outbox).where(dueOf('notification'));
  for (const { vkAppId } of apps) {
    // A row of no app of its own is the configured app's: it waits for `VK_SERVICE_TOKEN`, as before (outbox-scope.ts).
    if (vkAppId === null || vkAppId === deps.config.VK_APP_ID) continue;
    const sending = await appSending(deps, vkAppId);
    if (sending.token || sending.switchedOff) continue;
    closed += await closeDue(deps, and(dueOf('notification'), eq(outbox.vkAppId, vkAppId)), 'no_app_token', now);
  }
  return closed;
}

/** Closes the rows `where` finds as `reason`, and cancels their broadcasts with it, in one transaction. */
function closeDue(
  deps: Pick<Deps, 'db'>,
  where: SQL | undefined,
  reason: BroadcastCancelReason & ('no_community_token' | 'no_app_token'),
  now: number,
): Promise<number> {
  return inTransaction(deps.db, async (tx: Tx) => {
    const rows = await tx
      .update(outbox)
      .set({ status: 'cancelled', errorReason: reason, updatedAt: now })
      .where(where)
      .returning({ broadcastId: outbox.broadcastId });
    await cancelBroadcastsOf(tx, rows, now, reason);
    return rows.length;
  });
}
