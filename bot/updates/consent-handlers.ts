/**
 * @module `message_allow` / `message_deny`: the user's consent to community messages, recorded per user and
 * community. The `key` the mini app passed to VKWebAppAllowMessagesFromGroup links it to a participant and
 * completes their allow_messages task.
 */
import type { MessageSubscriptionContext } from 'vk-io';
import type { Deps } from '../../server/deps.ts';
import { recordConsent } from '../../server/mailing/consent.ts';
import { confirmMessagesAllowedByKey } from '../../server/promo/tasks/allow-messages-key.ts';

/** `at`: when VK delivered the update (its journal time when replayed after a crash), which orders consents. */
export function onMessageSubscription(
  deps: Deps,
  groupId: number,
  context: MessageSubscriptionContext,
  at: number,
): void {
  const allowed = context.isSubscribed;
  recordConsent(deps.db, {
    vkGroupId: groupId,
    vkUserId: context.userId,
    channel: 'message',
    allowed,
    source: allowed ? 'message_allow' : 'message_deny',
    key: context.key ?? null,
    at,
  });
  if (allowed && context.key) confirmMessagesAllowedByKey(deps.db, context.key, context.userId, groupId, at);
}
