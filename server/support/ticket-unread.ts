/**
 * @module What the participant has not read yet: a ticket is unread while it holds a brand answer newer than the
 * newest message the participant has seen in the mini app (`tickets.user_seen_message_id`). The server decides; the
 * client only says which message it has shown.
 */
import { and, eq, gt, lte, max, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import type { TicketRow } from './ticket.service.ts';

const { tickets, ticketMessages } = schema;

/** Ids of the user's tickets with a brand answer they have not seen. */
export async function unreadTicketIds(
  db: Db,
  platform: TicketRow['platform'],
  platformUserId: string,
): Promise<Set<number>> {
  const rows = await db
    .selectDistinct({ id: tickets.id })
    .from(tickets)
    .innerJoin(ticketMessages, eq(ticketMessages.ticketId, tickets.id))
    .where(
      and(
        eq(tickets.platform, platform),
        eq(tickets.platformUserId, platformUserId),
        eq(ticketMessages.author, 'agent'),
        gt(ticketMessages.id, sql`coalesce(${tickets.userSeenMessageId}, 0)`),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * The participant has seen the thread up to `lastMessageId` (a message they were shown). Only messages of this
 * ticket count, and the mark never moves back, so an answer that arrived after the screen was drawn stays unread.
 */
export async function markTicketSeen(db: Db, ticket: TicketRow, lastMessageId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [found] = await tx
      .select({ id: max(ticketMessages.id) })
      .from(ticketMessages)
      .where(and(eq(ticketMessages.ticketId, ticket.id), lte(ticketMessages.id, lastMessageId)));
    const newest = found?.id;
    if (newest == null) return;
    // Only forward, in one statement (CASE rather than SQLite's two-argument max(), which PostgreSQL spells GREATEST).
    const seen = sql`coalesce(${tickets.userSeenMessageId}, 0)`;
    await tx
      .update(tickets)
      .set({ userSeenMessageId: sql`case when ${seen} > ${newest} then ${seen} else ${newest} end` })
      .where(eq(tickets.id, ticket.id));
  });
}
