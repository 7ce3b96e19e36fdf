/**
 * @module Support tickets: opened from the mini app (a form) or the bot (free text), threaded messages, statuses
 * new → waiting_on_us → waiting_on_user → resolved, re-opened by the user's reply. An agent's reply is shown in the
 * mini app and, when the user allowed community messages, also goes out through the outbox.
 * Functions that write take the caller's transaction (`inTransaction(db, (tx) => …)`), so a bot update's ticket and
 * its reply, or an answer and its outbox row, commit together.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import type { TicketStatus } from '../db/schema/messaging.ts';
import type { Tx } from '../db/transactions.ts';
import { ApiError } from '../http/errors.ts';
import { hasConsent } from '../mailing/consent.ts';
import { enqueue } from '../mailing/outbox.ts';

const { tickets, ticketMessages } = schema;

export type TicketRow = typeof tickets.$inferSelect;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;
type Platform = TicketRow['platform'];

export interface NewTicket {
  platform: Platform;
  platformUserId: string;
  campaignId?: number | null;
  participantId?: number | null;
  vkGroupId?: number | null;
  source: 'miniapp' | 'bot';
  subject: string;
  body: string;
  at: number;
  /** The incoming message it came from, when there is one (see `ticketFromBot`). */
  externalKey?: string;
}

/** Opens a ticket with its first message. */
export async function openTicket(tx: Tx, t: NewTicket): Promise<TicketRow> {
  const ticket = inserted(
    await tx
      .insert(tickets)
      .values({
        platform: t.platform,
        platformUserId: t.platformUserId,
        campaignId: t.campaignId ?? null,
        participantId: t.participantId ?? null,
        vkGroupId: t.vkGroupId ?? null,
        source: t.source,
        subject: t.subject,
        status: 'new',
        createdAt: t.at,
        updatedAt: t.at,
      })
      .returning(),
  );
  await tx.insert(ticketMessages).values({
    ticketId: ticket.id,
    author: 'user',
    authorId: t.platformUserId,
    body: t.body,
    via: t.source,
    externalKey: t.externalKey ?? null,
    createdAt: t.at,
  });
  return ticket;
}

/** The user writes again: the ticket waits on us, and a resolved one is re-opened. */
export async function addUserMessage(
  tx: Tx,
  ticket: TicketRow,
  body: string,
  via: 'miniapp' | 'bot',
  at: number,
  externalKey?: string,
): Promise<TicketRow> {
  await tx.insert(ticketMessages).values({
    ticketId: ticket.id,
    author: 'user',
    authorId: ticket.platformUserId,
    body,
    via,
    externalKey: externalKey ?? null,
    createdAt: at,
  });
  const status: TicketStatus = ticket.status === 'new' ? 'new' : 'waiting_on_us';
  return updatedTicket(tx, ticket.id, { status, updatedAt: at });
}

async function updatedTicket(tx: Tx, id: number, set: Partial<typeof tickets.$inferInsert>): Promise<TicketRow> {
  const [row] = await tx.update(tickets).set(set).where(eq(tickets.id, id)).returning();
  if (!row) throw new ApiError(404, 'ticket_not_found', `Ticket ${id} does not exist`);
  return row;
}

export interface ReplyResult {
  ticket: TicketRow;
  message: TicketMessageRow;
  /** `bot`: also queued as a community message; `miniapp`: visible in the mini app only (no consent). */
  delivery: 'bot' | 'miniapp';
}

/** An agent answers: shown in the mini app; sent through the outbox only if the user allowed messages. */
export async function replyAsAgent(
  tx: Tx,
  ticket: TicketRow,
  agentId: string,
  body: string,
  at: number,
): Promise<ReplyResult> {
  const message = inserted(
    await tx
      .insert(ticketMessages)
      .values({ ticketId: ticket.id, author: 'agent', authorId: agentId, body, via: 'backoffice', createdAt: at })
      .returning(),
  );
  const updated = await updatedTicket(tx, ticket.id, { status: 'waiting_on_user', updatedAt: at });
  const vkUserId = Number(ticket.platformUserId);
  const canMessage =
    ticket.platform === 'vk' &&
    ticket.vkGroupId != null &&
    Number.isSafeInteger(vkUserId) &&
    (await hasConsent(tx, ticket.vkGroupId, vkUserId, 'message'));
  if (canMessage && ticket.vkGroupId != null) {
    await enqueue(
      tx,
      [
        {
          dedupeKey: `support:${message.id}`,
          kind: 'support',
          ticketMessageId: message.id,
          campaignId: ticket.campaignId ?? undefined,
          participantId: ticket.participantId ?? undefined,
          vkGroupId: ticket.vkGroupId,
          vkUserId,
          channel: 'message',
          text: `Ответ поддержки по обращению №${ticket.id}:\n${body}`,
          extras: { intent: 'customer_support' },
        },
      ],
      at,
    );
  }
  return { ticket: updated, message, delivery: canMessage ? 'bot' : 'miniapp' };
}

export async function setTicketStatus(tx: Tx, ticket: TicketRow, status: TicketStatus, at: number): Promise<TicketRow> {
  return updatedTicket(tx, ticket.id, { status, updatedAt: at });
}

export async function ticketThread(db: Db, ticketId: number): Promise<TicketMessageRow[]> {
  return db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(ticketMessages.id);
}

export async function userTickets(db: Db, platform: Platform, platformUserId: string): Promise<TicketRow[]> {
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.platform, platform), eq(tickets.platformUserId, platformUserId)))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id));
}

export async function getUserTicket(
  db: Db,
  platform: Platform,
  platformUserId: string,
  id: number,
): Promise<TicketRow> {
  const [t] = await db.select().from(tickets).where(eq(tickets.id, id)).limit(1);
  if (!t || t.platform !== platform || t.platformUserId !== platformUserId) {
    throw new ApiError(404, 'ticket_not_found', `Ticket ${id} does not exist`);
  }
  return t;
}

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
