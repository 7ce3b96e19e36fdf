/**
 * @module `message_allow` / `message_deny` as data: the user's consent to community messages, recorded per user and
 * community. The `key` the mini app passed to VKWebAppAllowMessagesFromGroup links it to a participant and
 * completes their allow_messages task.
 */
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import { recordConsent } from '../mailing/consent.ts';
import { queueReplyIn, type Reply } from '../mailing/replies.ts';
import { confirmMessagesAllowedByKey } from '../promo/tasks/allow-messages-key.ts';

export interface MessageSubscription {
  vkGroupId: number;
  vkUserId: number;
  allowed: boolean;
  key?: string;
  /** When VK delivered the update (its journal time when replayed after a crash), which orders consents. */
  at: number;
}

/**
 * The consent and the task it confirms commit together: a crash in between leaves neither, and recovery replays both.
 * `confirmTask: false` records the consent alone (a switched-off brand's community: its campaigns are closed, 094).
 * @example await recordMessageSubscription(db, { vkGroupId, vkUserId, allowed: true, key, at })
 */
export async function recordMessageSubscription(db: Db, s: MessageSubscription, confirmTask = true): Promise<void> {
  await inTransaction(db, async (tx) => {
    await recordConsent(tx, {
      vkGroupId: s.vkGroupId,
      vkUserId: s.vkUserId,
      channel: 'message',
      allowed: s.allowed,
      source: s.allowed ? 'message_allow' : 'message_deny',
      key: s.key ?? null,
      at: s.at,
    });
    if (confirmTask && s.allowed && s.key) await confirmMessagesAllowedByKey(tx, s.key, s.vkUserId, s.vkGroupId, s.at);
  });
}

/**
 * The user wrote the stop word (or asked to subscribe again) to the community: the consent changes and the bot's
 * answer is queued in one transaction. A stop withdraws consent like `message_deny` (queued reminders and mailings
 * for the user are closed); subscribing again is the user's own explicit request, like `message_allow`. No `answer`:
 * none is queued (a switched-off brand's community sends nothing, decision 094).
 */
export async function recordSubscriptionByWord(
  db: Db,
  s: Omit<MessageSubscription, 'key'>,
  answer: Omit<Reply, 'vkGroupId' | 'vkUserId'> | undefined,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await recordConsent(tx, {
      vkGroupId: s.vkGroupId,
      vkUserId: s.vkUserId,
      channel: 'message',
      allowed: s.allowed,
      source: s.allowed ? 'bot_subscribe' : 'bot_stop',
      at: s.at,
    });
    if (answer) await queueReplyIn(tx, { ...answer, vkGroupId: s.vkGroupId, vkUserId: s.vkUserId }, s.at);
  });
}
