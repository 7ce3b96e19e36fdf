/**
 * @module Bot answers to a user who just wrote: queued in the outbox like every other message (kind `reply`, no
 * mailing consent needed), keyed by the incoming message so a redelivered update cannot answer twice.
 */
import type { Db } from '../db/client.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import { enqueue } from './outbox.ts';

export interface Reply {
  vkGroupId: number;
  vkUserId: number;
  /** What this answers: `msg:<conversation_message_id>`, `event:<event_id>`, ... */
  inReplyTo: string;
  text: string;
  keyboard?: string;
  /** Several answers to one message get distinct parts. */
  part?: number;
}

/**
 * Queues the answer in its own transaction.
 * @example await queueReply(db, { vkGroupId, vkUserId, inReplyTo: 'msg:17', text: 'Привет!' }, Date.now())
 */
export async function queueReply(db: Db, r: Reply, now: number): Promise<void> {
  await inTransaction(db, (tx) => queueReplyIn(tx, r, now));
}

/** Queues the answer in the caller's transaction (it commits with what it answers). */
export async function queueReplyIn(tx: Tx, r: Reply, now: number): Promise<void> {
  await enqueue(
    tx,
    [
      {
        dedupeKey: `reply:${r.vkGroupId}:${r.vkUserId}:${r.inReplyTo}:${r.part ?? 0}`,
        kind: 'reply',
        vkGroupId: r.vkGroupId,
        vkUserId: r.vkUserId,
        channel: 'message',
        text: r.text,
        extras: r.keyboard ? { keyboard: r.keyboard } : {},
      },
    ],
    now,
  );
}
