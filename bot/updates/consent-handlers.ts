/**
 * @module `message_allow` / `message_deny`: the user's consent to community messages, linked to a participant through
 * the `key` the mini app passed (server/vk/message-subscription.ts records both).
 */
import type { MessageSubscriptionContext } from 'vk-io';
import type { Deps } from '../../server/deps.ts';
import { recordMessageSubscription } from '../../server/vk/message-subscription.ts';

/** `at`: when VK delivered the update (its journal time when replayed after a crash), which orders consents. */
export async function onMessageSubscription(
  deps: Deps,
  groupId: number,
  context: MessageSubscriptionContext,
  at: number,
): Promise<void> {
  await recordMessageSubscription(deps.db, {
    vkGroupId: groupId,
    vkUserId: context.userId,
    allowed: context.isSubscribed,
    key: context.key ?? undefined,
    at,
  });
}
