/**
 * @module A community message that is not a command: it opens (or continues) a support ticket, and its
 * acknowledgement is queued in the same transaction, so a redelivered update neither doubles the ticket nor the answer.
 */
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import { queueReplyIn } from '../mailing/replies.ts';
import { ticketFromBot } from '../support/ticket-from-bot.ts';

export interface SupportMessage {
  vkGroupId: number;
  vkUserId: number;
  text: string;
  /** The incoming message's key (conversation message id): the ticket's and the answer's idempotency key. */
  messageKey: string;
  at: number;
}

/**
 * Records the message in the user's ticket and queues `acknowledgement(ticketId)` as the answer; resolves with the
 * ticket's id once both committed.
 * @example await recordSupportMessage(db, { vkGroupId, vkUserId, text, messageKey: '17', at }, (id) => `№${id}`)
 */
export async function recordSupportMessage(
  db: Db,
  m: SupportMessage,
  acknowledgement: (ticketId: number) => string,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const ticket = await ticketFromBot(tx, m.vkGroupId, m.vkUserId, m.text, m.at, m.messageKey);
    await queueReplyIn(
      tx,
      {
        vkGroupId: m.vkGroupId,
        vkUserId: m.vkUserId,
        inReplyTo: `msg:${m.messageKey}`,
        text: acknowledgement(ticket.id),
      },
      m.at,
    );
    return ticket.id;
  });
}
