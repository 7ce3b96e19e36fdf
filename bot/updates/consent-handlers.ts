/**
 * @module `message_allow` / `message_deny`: the user's consent to community messages, recorded per user and
 * community. The `key` the mini app passed to VKWebAppAllowMessagesFromGroup links it to a participant and
 * completes their allow_messages task.
 */
import type { MessageSubscriptionContext } from 'vk-io';
import { inTransaction } from '../../server/db/transactions.ts';
import type { Deps } from '../../server/deps.ts';
import { recordConsent } from '../../server/mailing/consent.ts';
import { confirmMessagesAllowedByKey } from '../../server/promo/tasks/allow-messages-key.ts';

/**
 * `at`: when VK delivered the update (its journal time when replayed after a crash), which orders consents. The
 * consent and the task it confirms commit together: a crash in between leaves neither, and recovery replays both.
 */
export async function onMessageSubscription(
  deps: Deps,
  groupId: number,
  context: MessageSubscriptionContext,
  at: number,
): Promise<void> {
  const allowed = context.isSubscribed;
  const key = context.key;
  await inTransaction(deps.db, async (tx) => {
    await recordConsent(tx, {
      vkGroupId: groupId,
      vkUserId: context.userId,
      channel: 'message',
      allowed,
      source: allowed ? 'message_allow' : 'message_deny',
      key: key ?? null,
      at,
    });
    if (allowed && key) await confirmMessagesAllowedByKey(tx, key, context.userId, groupId, at);
  });
}
