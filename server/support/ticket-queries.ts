/**
 * @module How the brand's support desk reads tickets: one ticket of a campaign, and the newest tickets of a campaign
 * or of a community, optionally by status.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';

type TicketRow = typeof schema.tickets.$inferSelect;
type TicketStatus = TicketRow['status'];

const MAX_LISTED = 500;

/** The ticket, when it belongs to the campaign; otherwise a 404. */
export async function ticketOfCampaign(db: Db, campaignId: number, ticketId: number): Promise<TicketRow> {
  const [t] = await db.select().from(schema.tickets).where(eq(schema.tickets.id, ticketId)).limit(1);
  if (!t || t.campaignId !== campaignId) {
    throw new ApiError(404, 'ticket_not_found', `Ticket ${ticketId} does not exist`);
  }
  return t;
}

/** Newest first, at most 500: by campaign or by VK community. */
export async function listTickets(
  db: Db,
  scope: { campaignId: number } | { vkGroupId: number },
  status?: TicketStatus,
): Promise<TicketRow[]> {
  const where: SQL[] = [
    'campaignId' in scope
      ? eq(schema.tickets.campaignId, scope.campaignId)
      : eq(schema.tickets.vkGroupId, scope.vkGroupId),
  ];
  if (status) where.push(eq(schema.tickets.status, status));
  return db
    .select()
    .from(schema.tickets)
    .where(and(...where))
    .orderBy(desc(schema.tickets.updatedAt))
    .limit(MAX_LISTED);
}

/** The connected community with this VK group id; otherwise a 404. */
export async function connectedCommunity(db: Db, vkGroupId: number) {
  const [community] = await db
    .select()
    .from(schema.communities)
    .where(eq(schema.communities.vkGroupId, vkGroupId))
    .limit(1);
  if (!community) throw new ApiError(404, 'community_not_found', `Community ${vkGroupId} is not connected`);
  return community;
}
