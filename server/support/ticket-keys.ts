/**
 * @module A participant's key for one composed text (http/client-key.ts `ClientKey`), so a Send whose answer was
 * lost on a mobile network can be sent again without a second ticket or message (and a second one in the brand's
 * inbox). The key is stored as the message's `external_key`, whose unique index already makes the bot's VK messages
 * and the office's replies write once; here it is `miniapp:<platform>:<user id>:<key>`, so keys are the participant's
 * own and one participant's key never meets another's. Looked up inside the writing transaction: on SQLite the one
 * writer orders two sends of the same key, on PostgreSQL SERIALIZABLE fails the second and it runs again, finding
 * the first.
 */
import { asc, eq } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import { oneSendAtATime, reused } from '../http/client-key.ts';
import type { TicketMessageRow, TicketRow } from './ticket.service.ts';

const { tickets, ticketMessages } = schema;

/** The `external_key` of a participant's message sent with `clientKey`. */
export const participantMessageKey = (platform: TicketRow['platform'], userId: string, clientKey: string) =>
  `miniapp:${platform}:${userId}:${clientKey}`;

async function keyed(
  tx: Tx,
  externalKey: string,
): Promise<{ message: TicketMessageRow; ticket: TicketRow } | undefined> {
  const [row] = await tx
    .select({ message: ticketMessages, ticket: tickets })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(eq(ticketMessages.externalKey, externalKey))
    .limit(1);
  return row;
}

/** The message is its ticket's first: the one the ticket was opened with. */
async function openedTicket(tx: Tx, message: TicketMessageRow): Promise<boolean> {
  const [first] = await tx
    .select({ id: ticketMessages.id })
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, message.ticketId))
    .orderBy(asc(ticketMessages.id))
    .limit(1);
  return first?.id === message.id;
}

/**
 * The ticket an earlier send of this key opened (undefined: none, open it now). Another subject, message or campaign,
 * or a key that wrote a reply, is a 409.
 */
export async function ticketOpenedWithKey(
  tx: Tx,
  externalKey: string,
  sent: { subject: string; body: string; campaignId: number | null },
): Promise<TicketRow | undefined> {
  const found = await keyed(tx, externalKey);
  if (!found) return undefined;
  const same =
    (await openedTicket(tx, found.message)) &&
    found.ticket.subject === sent.subject &&
    found.message.body === sent.body &&
    found.ticket.campaignId === sent.campaignId;
  if (!same) throw reused();
  return found.ticket;
}

/**
 * The ticket, as it is now, when an earlier send of this key already wrote this message in it (undefined: none,
 * write it now). The key used for another text or in another ticket is a 409.
 */
export async function ticketRepliedWithKey(
  tx: Tx,
  externalKey: string,
  sent: { ticketId: number; body: string },
): Promise<TicketRow | undefined> {
  const found = await keyed(tx, externalKey);
  if (!found) return undefined;
  if (found.ticket.id !== sent.ticketId || found.message.body !== sent.body) throw reused();
  // The key opened this very ticket: a reply is another text.
  if (await openedTicket(tx, found.message)) throw reused();
  return found.ticket;
}

/**
 * Writes once per key: `earlier` finds what an earlier send of `key` wrote (or throws its 409), `write` writes it now.
 * A repeat is answered from a read before anything else, so it spends nothing (`spend`: the caller's rate limit, 429
 * when over it). A first send looks the key up again, spends and writes in one transaction, so a send that finds the
 * key there spends nothing either: sends of one key in this process run one after another (`oneSendAtATime`, eight
 * at once spend one unit, decision 061), and two at once in two API processes on PostgreSQL meet on the participant's
 * bucket row, where SERIALIZABLE fails the later one; it runs again and finds the first's row (decision 074).
 * @example writtenOnce(db, key, (tx, k) => ticketRepliedWithKey(tx, k, sent), spend, (tx) => addUserMessage(tx, …))
 */
export async function writtenOnce<T>(
  db: Db,
  key: string | undefined,
  earlier: (tx: Tx, key: string) => Promise<T | undefined>,
  spend: (tx?: Tx) => Promise<void>,
  write: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (key === undefined) {
    // No key, no repeat to tell apart: the attempt is counted before the write, as every other route's is.
    await spend();
    return inTransaction(db, write);
  }
  return oneSendAtATime(db, key, async () => {
    const found = await earlier(db, key);
    if (found) return found;
    return inTransaction(db, async (tx) => {
      const written = await earlier(tx, key);
      if (written) return written;
      await spend(tx);
      return write(tx);
    });
  });
}
