/**
 * @module A participant's send from the mini app's help: a new ticket, or a message in one of their tickets. Either may
 * carry the client's `clientKey` (ticket-keys.ts): sent again, it writes nothing, answers with the ticket as it is now,
 * and is neither refused by nor counted against the participant's rate limit — the retry after a lost answer, which
 * after the hour's fifth ticket was a 429 although the ticket existed.
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { addUserMessage, openTicket, type TicketRow } from './ticket.service.ts';
import { participantMessageKey, ticketOpenedWithKey, ticketRepliedWithKey, writtenOnce } from './ticket-keys.ts';

/**
 * Spends the participant's rate limit for one write (429 when over it); called only when the send writes, inside its
 * writing transaction when it has a key (so a send that turns out a repeat spends nothing, decision 074).
 */
export type SpendLimit = (tx?: Tx) => Promise<void>;

const keyOf = (identity: Identity, clientKey: string | undefined) =>
  clientKey === undefined ? undefined : participantMessageKey(identity.platform, identity.userId, clientKey);

/** The caller's participation in `campaignId` (and its community), when they take part in it. */
async function participation(deps: Deps, identity: Identity, campaignId: number | undefined) {
  if (!campaignId) return undefined;
  const [p] = await deps.db
    .select({ id: schema.participants.id, groupId: schema.communities.vkGroupId })
    .from(schema.participants)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.participants.campaignId))
    .leftJoin(schema.communities, eq(schema.communities.id, schema.campaigns.communityId))
    .where(
      and(
        eq(schema.participants.campaignId, campaignId),
        eq(schema.participants.platform, identity.platform),
        eq(schema.participants.platformUserId, identity.userId),
      ),
    )
    .limit(1);
  return p;
}

/**
 * Opens a ticket from the help form, or returns the one an earlier send of the same `clientKey` opened. Linked to the
 * campaign (and its participant and community) only when the caller takes part in it.
 */
export async function openParticipantTicket(
  deps: Deps,
  identity: Identity,
  sent: { subject: string; body: string; campaignId?: number; clientKey?: string },
  spend: SpendLimit,
): Promise<TicketRow> {
  const p = await participation(deps, identity, sent.campaignId);
  const campaignId = p ? (sent.campaignId ?? null) : null;
  const key = keyOf(identity, sent.clientKey);
  return writtenOnce(
    deps.db,
    key,
    (tx, k) => ticketOpenedWithKey(tx, k, { subject: sent.subject, body: sent.body, campaignId }),
    spend,
    (tx) =>
      openTicket(tx, {
        platform: identity.platform,
        platformUserId: identity.userId,
        campaignId,
        participantId: p?.id ?? null,
        vkGroupId: p?.groupId ?? identity.groupId ?? null,
        source: 'miniapp',
        subject: sent.subject,
        body: sent.body,
        at: deps.now(),
        externalKey: key,
      }),
  );
}

/** Writes the participant's message in their ticket, or returns the ticket when the same `clientKey` already did. */
export async function replyAsParticipant(
  deps: Deps,
  identity: Identity,
  ticket: TicketRow,
  sent: { body: string; clientKey?: string },
  spend: SpendLimit,
): Promise<TicketRow> {
  const key = keyOf(identity, sent.clientKey);
  return writtenOnce(
    deps.db,
    key,
    (tx, k) => ticketRepliedWithKey(tx, k, { ticketId: ticket.id, body: sent.body }),
    spend,
    (tx) => addUserMessage(tx, ticket, sent.body, 'miniapp', deps.now(), key),
  );
}
