/**
 * @module Back-office support (`/api/admin/support`, section `support`): a campaign's (or a community's) tickets by
 * status, a thread and status changes. An agent answers in one place, the brand's inbox (support-inbox.routes.ts),
 * with the office's key and the variables filled; this file had a second reply route without either.
 */
import { z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { requirePermission } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { TICKET_STATUSES } from '../db/schema/messaging.ts';
import { inTransaction } from '../db/transactions.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam, VkIdParam } from '../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { requireCampaignAccess } from '../mailing/admin-access.ts';
import { recordAudit } from '../office/audit.ts';
import { publicMessage, ThreadSchema, TicketSchema } from './support.schemas.ts';
import { setTicketStatus, type TicketRow, ticketThread } from './ticket.service.ts';
import { connectedCommunity, listTickets, ticketOfCampaign } from './ticket-queries.ts';

const tags = ['admin: support'];
const errors = {
  ...authErrors,
  403: errorResponse('No `support` rights on this brand'),
  404: errorResponse('No such campaign or ticket'),
  422: errorResponse('Invalid input'),
} as const;
const Params = z.object({ id: RowIdParam, ticketId: RowIdParam });

const list = officeRoute('support', {
  method: 'get',
  path: '/campaigns/{id}/tickets',
  tags,
  summary: "A campaign's tickets, optionally by status, latest first",
  security: LAUNCH_AUTH,
  request: {
    params: z.object({ id: RowIdParam }),
    query: z.object({ status: z.enum(TICKET_STATUSES).optional() }),
  },
  responses: { 200: json(z.object({ tickets: z.array(TicketSchema) }), 'Tickets'), ...errors },
});
const communityList = officeRoute('support', {
  method: 'get',
  path: '/communities/{groupId}/tickets',
  tags,
  summary: "Tickets written to a community's bot, including people in no campaign, latest first",
  security: LAUNCH_AUTH,
  request: {
    params: z.object({ groupId: VkIdParam }),
    query: z.object({ status: z.enum(TICKET_STATUSES).optional() }),
  },
  responses: { 200: json(z.object({ tickets: z.array(TicketSchema) }), 'Tickets'), ...errors },
});

const thread = officeRoute('support', {
  method: 'get',
  path: '/campaigns/{id}/tickets/{ticketId}',
  tags,
  summary: 'A ticket with its messages',
  security: LAUNCH_AUTH,
  request: { params: Params },
  responses: { 200: json(ThreadSchema, 'Thread'), ...errors },
});
const status = officeRoute('support', {
  method: 'patch',
  path: '/campaigns/{id}/tickets/{ticketId}',
  tags,
  summary: 'Change the status (e.g. resolve)',
  security: LAUNCH_AUTH,
  request: { params: Params, ...jsonBody(z.object({ status: z.enum(TICKET_STATUSES) })) },
  responses: { 200: json(ThreadSchema, 'Updated'), ...errors },
});

const threadOf = async (db: Db, t: TicketRow) => ({
  ticket: t,
  messages: (await ticketThread(db, t.id)).map(publicMessage),
});

export const supportAdminRoutes = newRouter();
supportAdminRoutes.use('*', requireIdentity);
supportAdminRoutes.openapi(list, async (c) => {
  const { id } = c.req.valid('param');
  const { db } = c.var.deps;
  await requireCampaignAccess(db, c.var.identity, id, 'support');
  return c.json({ tickets: await listTickets(db, { campaignId: id }, c.req.valid('query').status) }, 200);
});
supportAdminRoutes.openapi(communityList, async (c) => {
  const { groupId } = c.req.valid('param');
  const { db } = c.var.deps;
  const community = await connectedCommunity(db, groupId);
  await requirePermission(db, c.var.identity, community.brandId, 'support');
  return c.json({ tickets: await listTickets(db, { vkGroupId: groupId }, c.req.valid('query').status) }, 200);
});
supportAdminRoutes.openapi(thread, async (c) => {
  const { id, ticketId } = c.req.valid('param');
  const { db } = c.var.deps;
  await requireCampaignAccess(db, c.var.identity, id, 'support');
  return c.json(await threadOf(db, await ticketOfCampaign(db, id, ticketId)), 200);
});
supportAdminRoutes.openapi(status, async (c) => {
  const { id, ticketId } = c.req.valid('param');
  const { deps, identity } = c.var;
  const campaign = await requireCampaignAccess(deps.db, identity, id, 'support');
  const next = c.req.valid('json').status;
  const t = await inTransaction(deps.db, async (tx) => {
    // Read inside: two agents resolving at once, the second finds it resolved and changes (and audits) nothing.
    const ticket = await ticketOfCampaign(tx, id, ticketId);
    if (next === ticket.status) return ticket;
    const updated = await setTicketStatus(tx, ticket, next, deps.now());
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'support',
      action: 'ticket.status',
      entity: 'ticket',
      entityId: ticket.id,
      before: { status: ticket.status },
      after: { status: updated.status },
    });
    return updated;
  });
  return c.json(await threadOf(deps.db, t), 200);
});
