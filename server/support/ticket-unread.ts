/**
 * @module What the participant has not read yet: a ticket is unread while it holds a brand answer newer than the
 * newest message the participant has seen in the mini app (`tickets.user_seen_message_id`). The server decides; the
 * client only says which message it has shown.
 */
import { and, eq, gt, max, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { TicketRow } from './ticket.service.ts';

const { tickets, ticketMessages } = schema;

/** Ids of the user's tickets with a brand answer they have not seen. */
export function unreadTicketIds(db: Db, platform: TicketRow['platform'], platformUserId: string): Set<number> {
  const rows = db
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
    )
    .all();
  return new Set(rows.map((r) => r.id));
}

/**
 * The participant has seen the thread up to `lastMessageId` (a message they were shown). Only messages of this
 * ticket count, and the mark never moves back, so an answer that arrived after the screen was drawn stays unread.
 */
export function markTicketSeen(db: Db, ticket: TicketRow, lastMessageId: number): void {
  const newest = db
    .select({ id: max(ticketMessages.id) })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticket.id), sql`${ticketMessages.id} <= ${lastMessageId}`))
    .get()?.id;
  if (newest == null) return;
  db.update(tickets)
    .set({ userSeenMessageId: sql`max(coalesce(${tickets.userSeenMessageId}, 0), ${newest})` })
    .where(eq(tickets.id, ticket.id))
    .run();
}
