/**
 * @module A community message that is not a command becomes support: it continues the user's latest ticket in that
 * community (a resolved one within a week), or opens one linked to their latest participation there.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';
import { addUserMessage, openTicket, type TicketRow } from './ticket.service.ts';

const { tickets, ticketMessages } = schema;

/**
 * A message to the community that is not a command: it continues the user's latest ticket there, or opens one.
 * `messageKey` identifies the incoming VK message: handling the same message again (a redelivered or recovered
 * update) returns its ticket and writes nothing.
 */
export async function ticketFromBot(
  tx: Tx,
  vkGroupId: number,
  vkUserId: number,
  body: string,
  at: number,
  messageKey?: string,
): Promise<TicketRow> {
  const externalKey = messageKey === undefined ? undefined : `vk:${vkGroupId}:${vkUserId}:${messageKey}`;
  if (externalKey) {
    const [seen] = await tx
      .select({ ticket: tickets })
      .from(ticketMessages)
      .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
      .where(eq(ticketMessages.externalKey, externalKey))
      .limit(1);
    if (seen) return seen.ticket;
  }
  const [latest] = await tx
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.platform, 'vk'),
        eq(tickets.platformUserId, String(vkUserId)),
        eq(tickets.vkGroupId, vkGroupId),
        inArray(tickets.status, ['new', 'waiting_on_us', 'waiting_on_user', 'resolved']),
      ),
    )
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(1);
  const REOPEN_WINDOW_MS = 7 * 86_400_000;
  if (latest && (latest.status !== 'resolved' || at - latest.updatedAt < REOPEN_WINDOW_MS)) {
    return addUserMessage(tx, latest, body, 'bot', at, externalKey);
  }
  const [participant] = await tx
    .select({ id: schema.participants.id, campaignId: schema.participants.campaignId })
    .from(schema.participants)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.participants.campaignId))
    .innerJoin(schema.communities, eq(schema.communities.id, schema.campaigns.communityId))
    .where(
      and(
        eq(schema.participants.platform, 'vk'),
        eq(schema.participants.platformUserId, String(vkUserId)),
        eq(schema.communities.vkGroupId, vkGroupId),
      ),
    )
    .orderBy(desc(schema.participants.lastSeenAt))
    .limit(1);
  return openTicket(tx, {
    platform: 'vk',
    platformUserId: String(vkUserId),
    campaignId: participant?.campaignId,
    participantId: participant?.id,
    vkGroupId,
    source: 'bot',
    subject: body.slice(0, 80),
    body,
    at,
    externalKey,
  });
}
