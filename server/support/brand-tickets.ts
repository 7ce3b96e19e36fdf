/**
 * @module A brand's support inbox: every ticket of the brand in one list, whether it came from the mini app (a
 * campaign of the brand) or from a message to one of its communities (the bot, maybe from someone in no campaign),
 * filtered by status, campaign, assignee and a search (ticket id, participant id, or text in subject and messages),
 * with the SLA age (how long the participant's oldest unanswered message has waited).
 */
import { and, desc, eq, exists, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { TicketStatus } from '../db/schema/messaging.ts';
import { ApiError } from '../http/errors.ts';
import { MAX_ROW_ID } from '../http/row-id.ts';
import type { TicketRow } from './ticket.service.ts';

const { tickets, ticketMessages, campaigns, communities } = schema;
const MAX_LISTED = 200;

export interface InboxFilter {
  status?: TicketStatus;
  campaignId?: number;
  /** A membership id, or `none` for unassigned tickets. */
  assignee?: number | 'none';
  q?: string;
}

/** Tickets of the brand: of its campaigns, or written to its communities. */
export function ofBrand(db: Db, brandId: number): SQL {
  const brandCampaigns = db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.brandId, brandId));
  const brandGroups = db
    .select({ id: communities.vkGroupId })
    .from(communities)
    .where(eq(communities.brandId, brandId));
  return or(inArray(tickets.campaignId, brandCampaigns), inArray(tickets.vkGroupId, brandGroups)) as SQL;
}

/** `%text%` for LIKE, with the pattern's own wildcards escaped. */
const contains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function matches(db: Db, q: string): SQL {
  const pattern = contains(q);
  const inText = or(
    sql`lower(${tickets.subject}) like ${pattern} escape '\\'`,
    exists(
      db
        .select({ one: sql`1` })
        .from(ticketMessages)
        .where(
          and(eq(ticketMessages.ticketId, tickets.id), sql`lower(${ticketMessages.body}) like ${pattern} escape '\\'`),
        ),
    ),
  ) as SQL;
  if (!/^\d{1,15}$/.test(q)) return inText;
  // A number past a row id's range is a person's id only: PostgreSQL refuses to compare its `integer` with it (a 500).
  const id = Number(q);
  const ticket = id <= MAX_ROW_ID ? [eq(tickets.id, id)] : [];
  return or(eq(tickets.platformUserId, q), ...ticket, inText) as SQL;
}

export type InboxTicket = TicketRow & { slaAgeMs: number | null };

/** Newest activity first, at most 200. */
export async function listBrandTickets(
  db: Db,
  brandId: number,
  filter: InboxFilter,
  now: number,
): Promise<InboxTicket[]> {
  const where: SQL[] = [ofBrand(db, brandId)];
  if (filter.status) where.push(eq(tickets.status, filter.status));
  if (filter.campaignId !== undefined) where.push(eq(tickets.campaignId, filter.campaignId));
  if (filter.assignee === 'none') where.push(isNull(tickets.assigneeMembershipId));
  else if (filter.assignee !== undefined) where.push(eq(tickets.assigneeMembershipId, filter.assignee));
  const q = filter.q?.trim();
  if (q) where.push(matches(db, q));
  const rows = await db
    .select()
    .from(tickets)
    .where(and(...where))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(MAX_LISTED);
  return rows.map((t) => withSla(t, now));
}

export const withSla = (t: TicketRow, now: number): InboxTicket => ({
  ...t,
  slaAgeMs: t.waitingSince == null || t.status === 'resolved' ? null : Math.max(0, now - t.waitingSince),
});

/** The ticket when it belongs to the brand; a 404 otherwise, the same for another brand's ticket as for none. */
export async function ticketOfBrand(db: Db, brandId: number, ticketId: number): Promise<TicketRow> {
  const [t] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), ofBrand(db, brandId)))
    .limit(1);
  if (!t) throw new ApiError(404, 'ticket_not_found', `Ticket ${ticketId} does not exist`);
  return t;
}
