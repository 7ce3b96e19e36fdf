/**
 * @module The updates of a switched-off brand's community (decisions 064, 094). They are still journaled and answered
 * `ok` (VK turns off a server that keeps failing, and the brand may be switched back on), but only what the user said
 * about messages is recorded — `message_allow` / `message_deny` and the stop and subscribe words — since a withdrawn
 * consent must hold whatever becomes of the brand. Nothing that acts for the brand is: no ticket (its support is
 * closed; the message stays in the community's dialogs in VK), no reply or button answer, no task done in its closed
 * campaigns, no funnel event.
 */
import { type Context, MessageContext, MessageSubscriptionContext } from 'vk-io';
import type { Deps } from '../../server/deps.ts';
import { recordMessageSubscription, recordSubscriptionByWord } from '../../server/vk/message-subscription.ts';
import { commandOf, fromUserInPrivate } from './message-handlers.ts';

/** Communities already logged by this process as having updates set aside: one line each, not one per update. */
const logged = new Set<number>();

/**
 * Handles update `context` of community `groupId`, whose brand is switched off; `at`: when VK delivered it.
 * @example await onSwitchedOffUpdate(deps, 200000888, ctx, Date.now())
 */
export async function onSwitchedOffUpdate(deps: Deps, groupId: number, context: Context, at: number): Promise<void> {
  if (context instanceof MessageSubscriptionContext) {
    const consent = { vkGroupId: groupId, vkUserId: context.userId, allowed: context.isSubscribed, at };
    await recordMessageSubscription(deps.db, { ...consent, ...(context.key ? { key: context.key } : {}) }, false);
    return;
  }
  if (context instanceof MessageContext && context.is(['message_new']) && fromUserInPrivate(context)) {
    const command = commandOf(context.messagePayload, context.text);
    if (command === 'unsubscribe' || command === 'subscribe') {
      const consent = { vkGroupId: groupId, vkUserId: context.senderId, allowed: command === 'subscribe', at };
      await recordSubscriptionByWord(deps.db, consent, undefined);
      return;
    }
  }
  if (!logged.has(groupId)) {
    logged.add(groupId);
    console.info(`bot: community ${groupId}'s brand is switched off: its updates other than consents are set aside`);
  }
}
