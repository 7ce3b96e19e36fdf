/** @module OpenAPI shapes of support tickets, shared by the participant and the back-office routes. */
import { z } from '@hono/zod-openapi';
import { TICKET_STATUSES } from '../db/schema/messaging.ts';
import { ClientKey } from '../http/client-key.ts';
import { RowIdParam, rowId } from '../http/row-id.ts';
import { visibleText } from '../http/text-fields.ts';

export const TicketParam = z.object({ ticketId: RowIdParam });

export const TicketMessageSchema = z
  .object({
    id: z.number().int(),
    author: z.enum(['user', 'agent']),
    body: z.string(),
    via: z.enum(['miniapp', 'bot', 'backoffice']),
    createdAt: z.number().int(),
  })
  .openapi('TicketMessage');

export const TicketSchema = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int().nullable(),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
    source: z.enum(['miniapp', 'bot']),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('Ticket');

export const ThreadSchema = z
  .object({ ticket: TicketSchema, messages: z.array(TicketMessageSchema) })
  .openapi('TicketThread');

export const NewTicketSchema = z
  .object({
    campaignId: rowId().optional(),
    subject: visibleText(120),
    body: visibleText(4000),
    clientKey: ClientKey.optional(),
  })
  .openapi('NewTicket');

export const MessageBody = z
  .object({ body: visibleText(4000), clientKey: ClientKey.optional() })
  .openapi('NewTicketMessage');

type Row = {
  id: number;
  author: 'user' | 'agent';
  body: string;
  via: 'miniapp' | 'bot' | 'backoffice';
  createdAt: number;
};
export const publicMessage = (m: Row) => ({
  id: m.id,
  author: m.author,
  body: m.body,
  via: m.via,
  createdAt: m.createdAt,
});

/**
 * A ticket as its participant sees it: the fields of `TicketSchema` only. The row also holds who on the brand's team
 * took it and the platform ids, which are the office's, not the participant's.
 */
export const participantTicket = (t: z.infer<typeof TicketSchema>) => ({
  id: t.id,
  campaignId: t.campaignId,
  subject: t.subject,
  status: t.status,
  source: t.source,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});
