/**
 * @module The participant's support (`/api/support`): their tickets, a new ticket from the mini-app form, the thread,
 * and a reply (which re-opens a resolved ticket). Tickets are the caller's own; anyone else's is a 404. A new ticket
 * and a reply may carry the client's `clientKey` (ticket-keys.ts): sent again, it answers 201 with the thread as it is
 * now, writes nothing and spends none of the caller's rate limit (participant-sends.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { getVisibleCampaign } from '../campaigns/campaign.service.ts';
import { spendRouteLimit } from '../http/route-limits.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam, rowId } from '../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { faqIn } from './faq.ts';
import { openParticipantTicket, replyAsParticipant } from './participant-sends.ts';
import {
  MessageBody,
  NewTicketSchema,
  participantTicket,
  publicMessage,
  ThreadSchema,
  TicketParam,
  TicketSchema,
} from './support.schemas.ts';
import { getUserTicket, type TicketRow, ticketThread, userTickets } from './ticket.service.ts';
import { markTicketSeen, unreadTicketIds } from './ticket-unread.ts';

const tags = ['support'];
const errors = {
  ...authErrors,
  404: errorResponse('No such ticket of yours'),
  422: errorResponse('Invalid input: a field out of its bounds, or text with nothing visible (`blank_text`)'),
} as const;
/** Writes that take a `clientKey`. */
const keyedErrors = {
  ...errors,
  409: errorResponse('`client_key_reused`: this clientKey was sent before with another text'),
} as const;

const list = createRoute({
  method: 'get',
  path: '/tickets',
  tags,
  summary: "The caller's tickets, latest first; `unread` when a brand answer came after what they have seen",
  security: LAUNCH_AUTH,
  responses: {
    200: json(z.object({ tickets: z.array(TicketSchema.extend({ unread: z.boolean() })) }), 'Tickets'),
    ...errors,
  },
});
const unread = createRoute({
  method: 'get',
  path: '/unread',
  tags,
  summary: "How many of the caller's tickets hold a brand answer they have not seen (the help badge)",
  security: LAUNCH_AUTH,
  responses: { 200: json(z.object({ unread: z.number().int() }), 'Unread tickets'), ...errors },
});
const seen = createRoute({
  method: 'post',
  path: '/tickets/{ticketId}/seen',
  tags,
  summary: 'The caller has seen the thread up to this message',
  security: LAUNCH_AUTH,
  request: { params: TicketParam, ...jsonBody(z.object({ lastMessageId: rowId() })) },
  responses: { 200: json(z.object({ unread: z.number().int() }), 'Unread tickets left'), ...errors },
});
const faq = createRoute({
  method: 'get',
  path: '/campaigns/{id}/faq',
  tags,
  summary: "The campaign's help questions in the caller's language",
  security: LAUNCH_AUTH,
  request: { params: z.object({ id: RowIdParam }) },
  responses: {
    200: json(z.object({ faq: z.array(z.object({ q: z.string(), a: z.string() })) }), 'Questions'),
    ...errors,
  },
});
const create = createRoute({
  method: 'post',
  path: '/tickets',
  tags,
  summary: 'Open a ticket from the mini-app form',
  description:
    'With a `clientKey`, sending the same ticket again (a retry after a lost answer) opens nothing: 201 with the ' +
    'thread of the ticket the first send opened, as it is now, and is not counted against the hourly limit. The same ' +
    'key with another subject, message or campaign is a 409 `client_key_reused`.',
  security: LAUNCH_AUTH,
  request: jsonBody(NewTicketSchema),
  responses: { 201: json(ThreadSchema, 'Opened (or opened by an earlier send of the same clientKey)'), ...keyedErrors },
});
const thread = createRoute({
  method: 'get',
  path: '/tickets/{ticketId}',
  tags,
  summary: 'A ticket with its messages',
  security: LAUNCH_AUTH,
  request: { params: TicketParam },
  responses: { 200: json(ThreadSchema, 'Thread'), ...errors },
});
const reply = createRoute({
  method: 'post',
  path: '/tickets/{ticketId}/messages',
  tags,
  summary: 'Write in a ticket (re-opens it if resolved)',
  description:
    'With a `clientKey`, sending the same message again writes nothing: 201 with the thread as it is now, not ' +
    'counted against the hourly limit. The same key with another text or in another ticket is a 409 ' +
    '`client_key_reused`.',
  security: LAUNCH_AUTH,
  request: { params: TicketParam, ...jsonBody(MessageBody) },
  responses: { 201: json(ThreadSchema, 'Added (or added by an earlier send of the same clientKey)'), ...keyedErrors },
});

export const supportRoutes = newRouter();
supportRoutes.use('*', requireIdentity);

const threadOf = async (db: Parameters<typeof ticketThread>[0], t: TicketRow) => ({
  ticket: participantTicket(t),
  messages: (await ticketThread(db, t.id)).map(publicMessage),
});

supportRoutes.openapi(list, async (c) => {
  const { platform, userId } = c.var.identity;
  const unreadIds = await unreadTicketIds(c.var.deps.db, platform, userId);
  const tickets = (await userTickets(c.var.deps.db, platform, userId)).map((t) => ({
    ...participantTicket(t),
    unread: unreadIds.has(t.id),
  }));
  return c.json({ tickets }, 200);
});
supportRoutes.openapi(unread, async (c) => {
  const { platform, userId } = c.var.identity;
  return c.json({ unread: (await unreadTicketIds(c.var.deps.db, platform, userId)).size }, 200);
});
supportRoutes.openapi(seen, async (c) => {
  const { deps, identity } = c.var;
  const t = await getUserTicket(deps.db, identity.platform, identity.userId, c.req.valid('param').ticketId);
  await markTicketSeen(deps.db, t, c.req.valid('json').lastMessageId);
  return c.json({ unread: (await unreadTicketIds(deps.db, identity.platform, identity.userId)).size }, 200);
});
supportRoutes.openapi(faq, async (c) => {
  const { deps, identity } = c.var;
  const campaign = await getVisibleCampaign(deps, identity, c.req.valid('param').id);
  return c.json({ faq: faqIn(campaign.settings, identity.language) }, 200);
});
supportRoutes.openapi(create, async (c) => {
  const { deps, identity } = c.var;
  const ticket = await openParticipantTicket(deps, identity, c.req.valid('json'), (tx) => spendRouteLimit(c, tx));
  return c.json(await threadOf(deps.db, ticket), 201);
});
supportRoutes.openapi(thread, async (c) => {
  const { platform, userId } = c.var.identity;
  const t = await getUserTicket(c.var.deps.db, platform, userId, c.req.valid('param').ticketId);
  return c.json(await threadOf(c.var.deps.db, t), 200);
});
supportRoutes.openapi(reply, async (c) => {
  const { deps, identity } = c.var;
  const t = await getUserTicket(deps.db, identity.platform, identity.userId, c.req.valid('param').ticketId);
  const updated = await replyAsParticipant(deps, identity, t, c.req.valid('json'), (tx) => spendRouteLimit(c, tx));
  return c.json(await threadOf(deps.db, updated), 201);
});
