/**
 * @module Support tickets: opened from the mini app (a form) or the bot (free text, ticket-from-bot.ts), threaded messages, statuses
 * new → waiting_on_us → waiting_on_user → resolved, re-opened by the user's reply. An agent's reply is shown in the
 * mini app and, when the user allowed community messages, also goes out through the outbox.
 * Functions that write take the caller's transaction (`inTransaction(db, (tx) => …)`), so a bot update's ticket and
 * its reply, or an answer and its outbox row, commit together.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { type Db, schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import type { TicketStatus } from '../db/schema/messaging.ts';
import type { Tx } from '../db/transactions.ts';
import { ApiError } from '../http/errors.ts';
import { hasConsent } from '../mailing/consent.ts';
import { enqueue } from '../mailing/outbox.ts';
import { type OfficeReplyKey, officeReplyKey, officeReplyWithKey } from './office-reply-keys.ts';
import { supportReplyText } from './support-texts.ts';

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

/** Opens a ticket with its first message (`externalKey`: the message's key, see ticket-keys.ts). */
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
        waitingSince: t.at,
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

/**
 * The user writes again: the ticket waits on us, and a resolved one is re-opened. Only `ticket`'s id and user are
 * used: the new status is worked out by the UPDATE from the row as it is now, not from `ticket`, which callers read
 * before their transaction. Derived from that copy, an agent's answer or status change committed in between was
 * overwritten (a ticket answered meanwhile went back to `new`, its SLA clock back to the old start).
 */
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
  return updatedTicket(tx, ticket.id, {
    status: sql`case when ${tickets.status} = 'new' then 'new' else 'waiting_on_us' end`,
    // Only forward: a message the bot replays after a crash carries when it was written, which may be before an
    // agent's answer given meanwhile (CASE rather than SQLite's max(), which PostgreSQL spells GREATEST).
    updatedAt: sql`case when ${tickets.updatedAt} > ${at} then ${tickets.updatedAt} else ${at} end`,
    // The SLA clock starts at the first message the brand has not answered, and keeps running through follow-ups.
    waitingSince: sql`coalesce(${tickets.waitingSince}, ${at})`,
  });
}

/** `set` may compute a column from the row as the UPDATE finds it (`sql\`…\``), not from a copy read earlier. */
async function updatedTicket(tx: Tx, id: number, set: SQLiteUpdateSetSource<typeof tickets>): Promise<TicketRow> {
  const [row] = await tx.update(tickets).set(set).where(eq(tickets.id, id)).returning();
  if (!row) throw new ApiError(404, 'ticket_not_found', `Ticket ${id} does not exist`);
  return row;
}

export interface ReplyResult {
  ticket: TicketRow;
  message: TicketMessageRow;
  /** `bot`: also queued as a community message; `miniapp`: visible in the mini app only (no consent). */
  delivery: 'bot' | 'miniapp';
  /** The `clientKey` was used before: this is that reply, and nothing was written now. */
  repeated?: boolean;
}

export interface ReplyOptions {
  /**
   * The office's key for this reply, with the text the agent composed (before `{name}`… were filled): the same key
   * and text again return the first reply and write nothing; the key with another text is a 409 (office-reply-keys.ts).
   */
  key?: OfficeReplyKey;
  /** The participant's language, for the system text around the answer in a community message. */
  language?: string;
}

/**
 * The reply an earlier send of this office key and composed text wrote, as that send answered it (`repeated`), or
 * undefined when there is none; the key with another text is a 409 (office-reply-keys.ts). Asked before the variables
 * are filled too, so a retry never needs a value (a VK name) that may have gone since the reply was stored.
 */
export async function earlierOfficeReply(
  tx: Tx,
  ticket: TicketRow,
  key: OfficeReplyKey,
): Promise<ReplyResult | undefined> {
  const done = await officeReplyWithKey(tx, ticket.id, key);
  if (!done) return undefined;
  const [current] = await tx.select().from(tickets).where(eq(tickets.id, ticket.id)).limit(1);
  const [queued] = await tx
    .select({ id: schema.outbox.id })
    .from(schema.outbox)
    .where(eq(schema.outbox.dedupeKey, `support:${done.id}`))
    .limit(1);
  return { ticket: current ?? ticket, message: done, delivery: queued ? 'bot' : 'miniapp', repeated: true };
}

/**
 * An agent answers. Always shown in the mini app (the unread badge); also queued as a community message through the
 * outbox where the participant can read one: a ticket written to the community (unless they since denied messages),
 * or a mini-app ticket of someone who allowed the community's messages. One outbox row per reply
 * (`support:<message id>`), and a repeated key returns the first reply, so a retry never sends twice.
 */
export async function replyAsAgent(
  tx: Tx,
  ticket: TicketRow,
  agentId: string,
  body: string,
  at: number,
  options: ReplyOptions = {},
): Promise<ReplyResult> {
  const done = options.key && (await earlierOfficeReply(tx, ticket, options.key));
  if (done) return done;
  const externalKey = options.key ? officeReplyKey(ticket.id, options.key) : null;
  const message = inserted(
    await tx
      .insert(ticketMessages)
      .values({
        ticketId: ticket.id,
        author: 'agent',
        authorId: agentId,
        body,
        via: 'backoffice',
        externalKey,
        createdAt: at,
      })
      .returning(),
  );
  const updated = await updatedTicket(tx, ticket.id, { status: 'waiting_on_user', updatedAt: at, waitingSince: null });
  const vkUserId = Number(ticket.platformUserId);
  const groupId = ticket.vkGroupId;
  const canMessage =
    ticket.platform === 'vk' &&
    groupId != null &&
    Number.isSafeInteger(vkUserId) &&
    (ticket.source === 'bot'
      ? !(await deniedMessages(tx, groupId, vkUserId))
      : await hasConsent(tx, groupId, vkUserId, 'message'));
  if (canMessage && groupId != null) {
    await enqueue(
      tx,
      [
        {
          dedupeKey: `support:${message.id}`,
          kind: 'support',
          ticketMessageId: message.id,
          campaignId: ticket.campaignId ?? undefined,
          participantId: ticket.participantId ?? undefined,
          vkGroupId: groupId,
          vkUserId,
          channel: 'message',
          text: supportReplyText(options.language, ticket.id, body),
          extras: { intent: 'customer_support' },
        },
      ],
      at,
    );
  }
  return { ticket: updated, message, delivery: canMessage ? 'bot' : 'miniapp' };
}

/** The participant wrote to the community, then denied its messages (`message_deny` or a VK 901 since). */
async function deniedMessages(tx: Tx, vkGroupId: number, vkUserId: number): Promise<boolean> {
  const [row] = await tx
    .select({ allowed: schema.consents.allowed })
    .from(schema.consents)
    .where(
      and(
        eq(schema.consents.vkGroupId, vkGroupId),
        eq(schema.consents.vkUserId, vkUserId),
        eq(schema.consents.channel, 'message'),
      ),
    )
    .limit(1);
  return row?.allowed === false;
}

export async function setTicketStatus(tx: Tx, ticket: TicketRow, status: TicketStatus, at: number): Promise<TicketRow> {
  // Resolving (or waiting for the user) stops the SLA clock; re-opening starts it unless it runs already — as the row
  // is now, not as `ticket` was read before the transaction (a participant's message meanwhile started it).
  const stops = status === 'resolved' || status === 'waiting_on_user';
  return updatedTicket(tx, ticket.id, {
    status,
    updatedAt: at,
    waitingSince: stops ? null : sql`coalesce(${tickets.waitingSince}, ${at})`,
  });
}

/** Assigns the ticket to a support member (a membership id checked by the caller), or to nobody. */
export async function assignTicket(tx: Tx, ticket: TicketRow, membershipId: number | null): Promise<TicketRow> {
  return updatedTicket(tx, ticket.id, { assigneeMembershipId: membershipId });
}

/**
 * The ticket's messages in the order they were written: by their time, not their row id, since a message the bot
 * replays after a crash is stored after an agent's answer given meanwhile but was written before it.
 */
export async function ticketThread(db: Db, ticketId: number): Promise<TicketMessageRow[]> {
  return db
    .select()
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticketId))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
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
