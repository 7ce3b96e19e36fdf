/**
 * @module The brand's support inbox (`/api/admin/support/brands/{brandId}/…`, section `support`): one list of the
 * brand's tickets from the mini app and from community messages, a thread with the participant's progress, replies
 * (variables filled on the server, idempotent by the office's `clientKey` and the text composed, office-reply-keys.ts;
 * delivered where the participant wrote), status and assignment. Another brand's ticket and a missing one answer the same 404; a brand without rights, or
 * none, the same 403. Every write is audited in its transaction.
 */
import { z } from '@hono/zod-openapi';
import type { Identity } from '../auth/identity.ts';
import { requireIdentity } from '../auth/middleware.ts';
import { requireBrandSwitchedOn, requirePermission } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { TICKET_STATUSES } from '../db/schema/messaging.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { ClientKey } from '../http/client-key.ts';
import { officeRoute } from '../http/office-route.ts';
import { PersonSchema } from '../http/person-schema.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam, rowId } from '../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { someFieldGiven } from '../http/some-field-given.ts';
import { visibleText } from '../http/text-fields.ts';
import { recordAudit } from '../office/audit.ts';
import { profileUrl } from '../profile-url.ts';
import { listBrandTickets, ticketOfBrand, withSla } from './brand-tickets.ts';
import { fillReply } from './canned-variables.ts';
import type { OfficeReplyKey } from './office-reply-keys.ts';
import { participantProgress } from './participant-progress.ts';
import { publicMessage, TicketMessageSchema, TicketSchema } from './support.schemas.ts';
import { requireSupportAgent, supportAgents } from './support-agents.ts';
import {
  assignTicket,
  earlierOfficeReply,
  replyAsAgent,
  setTicketStatus,
  type TicketRow,
  ticketThread,
} from './ticket.service.ts';

const tags = ['admin: support'];
const meta = { tags, security: LAUNCH_AUTH };
const errors = {
  ...authErrors,
  403: errorResponse('No `support` rights on this brand (or no such brand)'),
  404: errorResponse('No such ticket of this brand'),
  422: errorResponse('Invalid input'),
} as const;

const BrandParams = z.object({ brandId: RowIdParam });
const TicketParams = BrandParams.extend({ ticketId: RowIdParam });

const InboxTicketSchema = TicketSchema.extend({
  platform: z.string(),
  platformUserId: z.string(),
  /** Where the participant's profile opens (server/profile-url.ts): VK only, else null. */
  profileUrl: z.string().nullable(),
  vkGroupId: z.number().int().nullable(),
  assigneeMembershipId: z.number().int().nullable(),
  waitingSince: z.number().int().nullable(),
  slaAgeMs: z.number().int().nullable(),
}).openapi('InboxTicket');

const ProgressSchema = z
  .object({
    campaignId: z.number().int(),
    campaignTitle: z.string(),
    stage: z.string(),
    stages: z.array(z.string()),
    /** The titles of the tasks its `task:<key>` stages name, keyed by task key (server/funnel/stage-task-titles.ts). */
    taskTitles: z.record(z.string(), z.string()),
    language: z.enum(['ru', 'en']),
    joinedAt: z.number().int(),
    lastSeenAt: z.number().int(),
    tasks: z.array(
      z.object({ key: z.string(), title: z.string(), status: z.string(), doneAt: z.number().int().nullable() }),
    ),
    rewards: z.array(
      z.object({ title: z.string(), code: z.string().nullable(), source: z.string(), issuedAt: z.number().int() }),
    ),
  })
  .openapi('ParticipantProgress');

const InboxThreadSchema = z
  .object({
    ticket: InboxTicketSchema,
    messages: z.array(TicketMessageSchema),
    progress: ProgressSchema.nullable(),
  })
  .openapi('InboxThread');

const AgentSchema = PersonSchema.extend({ membershipId: z.number().int(), role: z.string() });

const list = officeRoute('support', {
  ...meta,
  method: 'get',
  path: '/brands/{brandId}/tickets',
  summary: "The brand's tickets from the mini app and community messages, newest activity first, with SLA age",
  request: {
    params: BrandParams,
    query: z.object({
      status: z.enum(TICKET_STATUSES).optional(),
      campaignId: RowIdParam.optional(),
      assignee: z.union([z.literal('none'), RowIdParam]).optional(),
      q: z.string().trim().max(100).optional(),
    }),
  },
  responses: { 200: json(z.object({ tickets: z.array(InboxTicketSchema) }), 'Tickets'), ...errors },
});

const agents = officeRoute('support', {
  ...meta,
  method: 'get',
  path: '/brands/{brandId}/agents',
  summary: 'Who may be assigned tickets: members with `support` on the brand',
  request: { params: BrandParams },
  responses: { 200: json(z.object({ agents: z.array(AgentSchema) }), 'Support members'), ...errors },
});

const thread = officeRoute('support', {
  ...meta,
  method: 'get',
  path: '/brands/{brandId}/tickets/{ticketId}',
  summary: "A ticket with its messages and the participant's progress in the campaign",
  request: { params: TicketParams },
  responses: { 200: json(InboxThreadSchema, 'Thread'), ...errors },
});

const ReplyBody = z
  .object({
    body: visibleText(4000),
    /** The office's key for this reply (one per composed answer): a retry with it sends nothing twice. */
    clientKey: ClientKey,
  })
  .openapi('InboxReply');

const reply = officeRoute('support', {
  ...meta,
  method: 'post',
  path: '/brands/{brandId}/tickets/{ticketId}/replies',
  summary:
    'Answer: `{name}`, `{code}`, `{campaign}` filled from the participant; shown in the app, sent where they wrote',
  request: { params: TicketParams, ...jsonBody(ReplyBody) },
  responses: {
    201: json(InboxThreadSchema.extend({ delivery: z.enum(['bot', 'miniapp']) }), 'Answered (or by an earlier send)'),
    ...errors,
    409: errorResponse(
      '`client_key_reused`: this clientKey was sent before with another text | `brand_switched_off`: the agency switched the brand off (nothing written)',
    ),
    503: errorResponse('`vk_unavailable`: VK did not answer for `{name}`; nothing written, retry'),
  },
});

const update = officeRoute('support', {
  ...meta,
  method: 'patch',
  path: '/brands/{brandId}/tickets/{ticketId}',
  summary: 'Change the status and/or the assignee (null: unassigned)',
  request: {
    params: TicketParams,
    ...jsonBody(
      z
        .object({
          status: z.enum(TICKET_STATUSES).optional(),
          assigneeMembershipId: rowId().nullable().optional(),
        })
        .superRefine(someFieldGiven(['status', 'assigneeMembershipId'], 'Nothing to change')),
    ),
  },
  responses: { 200: json(InboxThreadSchema, 'Updated'), ...errors },
});

const publicTicket = (t: TicketRow, now: number) => {
  const s = withSla(t, now);
  return {
    id: s.id,
    campaignId: s.campaignId,
    subject: s.subject,
    status: s.status,
    source: s.source,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    platform: s.platform,
    platformUserId: s.platformUserId,
    profileUrl: profileUrl(s.platform, s.platformUserId),
    vkGroupId: s.vkGroupId,
    assigneeMembershipId: s.assigneeMembershipId,
    waitingSince: s.waitingSince,
    slaAgeMs: s.slaAgeMs,
  };
};

/** The thread as the office shows it; titles in the reading member's launch language. */
const threadOf = async (db: Db, brandId: number, t: TicketRow, now: number, viewer: Identity['language']) => ({
  ticket: publicTicket(t, now),
  messages: (await ticketThread(db, t.id)).map(publicMessage),
  progress: await participantProgress(db, brandId, t, viewer),
});

export const supportInboxRoutes = newRouter();
supportInboxRoutes.use('*', requireIdentity);

supportInboxRoutes.openapi(list, async (c) => {
  const { brandId } = c.req.valid('param');
  const { deps } = c.var;
  await requirePermission(deps.db, c.var.identity, brandId, 'support');
  const now = deps.now();
  const rows = await listBrandTickets(deps.db, brandId, c.req.valid('query'), now);
  return c.json({ tickets: rows.map((t) => publicTicket(t, now)) }, 200);
});

supportInboxRoutes.openapi(agents, async (c) => {
  const { brandId } = c.req.valid('param');
  await requirePermission(c.var.deps.db, c.var.identity, brandId, 'support');
  return c.json({ agents: await supportAgents(c.var.deps.db, brandId) }, 200);
});

supportInboxRoutes.openapi(thread, async (c) => {
  const { brandId, ticketId } = c.req.valid('param');
  const { db } = c.var.deps;
  await requirePermission(db, c.var.identity, brandId, 'support');
  return c.json(
    await threadOf(db, brandId, await ticketOfBrand(db, brandId, ticketId), c.var.deps.now(), c.var.identity.language),
    200,
  );
});

supportInboxRoutes.openapi(reply, async (c) => {
  const { brandId, ticketId } = c.req.valid('param');
  const { deps, identity } = c.var;
  await requirePermission(deps.db, identity, brandId, 'support');
  const ticket = await ticketOfBrand(deps.db, brandId, ticketId);
  const { body, clientKey } = c.req.valid('json');
  const key = { clientKey, composed: body };
  // A retry of a stored reply is that reply, asked before anything that judges a new one (decision 079): its variables
  // are not filled again (a value gone since, VK no longer telling the name, must not make it a 422), nor is it refused
  // for a brand switched off since it was written.
  const r = (await earlierOfficeReply(deps.db, ticket, key)) ?? (await newReply(deps, identity, brandId, ticket, key));
  return c.json(
    { ...(await threadOf(deps.db, brandId, r.ticket, deps.now(), identity.language)), delivery: r.delivery },
    201,
  );
});

/** A reply not written before: switched off, the brand answers no one (the message would wait or be closed unsent). */
async function newReply(deps: Deps, identity: Identity, brandId: number, ticket: TicketRow, key: OfficeReplyKey) {
  await requireBrandSwitchedOn(deps.db, brandId);
  return writeReply(deps, identity, brandId, ticket, key);
}

/** Fills the reply's variables and writes it with its audit row (a send of the same key meanwhile: that reply). */
async function writeReply(deps: Deps, identity: Identity, brandId: number, ticket: TicketRow, key: OfficeReplyKey) {
  // Variables are read (VK name lookup included) before the transaction: no network I/O inside it.
  const filled = await fillReply(deps, brandId, ticket, key.composed);
  const at = deps.now();
  return inTransaction(deps.db, async (tx) => {
    const result = await replyAsAgent(tx, ticket, identity.userId, filled.body, at, {
      key,
      language: filled.language,
    });
    // A retried key returns the first reply: it was audited then.
    if (!result.repeated) {
      await recordAudit(tx, {
        actor: identity,
        brandId,
        section: 'support',
        action: 'ticket.reply',
        entity: 'ticket',
        entityId: ticket.id,
        before: { status: ticket.status },
        after: { status: result.ticket.status, messageId: result.message.id, delivery: result.delivery },
      });
    }
    return result;
  });
}

supportInboxRoutes.openapi(update, async (c) => {
  const { brandId, ticketId } = c.req.valid('param');
  const { deps, identity } = c.var;
  await requirePermission(deps.db, identity, brandId, 'support');
  const change = c.req.valid('json');
  if (change.assigneeMembershipId != null) await requireSupportAgent(deps.db, brandId, change.assigneeMembershipId);
  const at = deps.now();
  const updated = await inTransaction(deps.db, async (tx) => {
    // Read inside: two agents resolving at once, the second finds it resolved and changes (and audits) nothing.
    let t = await ticketOfBrand(tx, brandId, ticketId);
    // One request, one audit entry: a status and an assignee changed together are one `ticket.update`.
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (change.status !== undefined && change.status !== t.status) {
      before.status = t.status;
      t = await setTicketStatus(tx, t, change.status, at);
      after.status = t.status;
    }
    if (change.assigneeMembershipId !== undefined && change.assigneeMembershipId !== t.assigneeMembershipId) {
      before.assigneeMembershipId = t.assigneeMembershipId;
      t = await assignTicket(tx, t, change.assigneeMembershipId);
      after.assigneeMembershipId = t.assigneeMembershipId;
    }
    const changed = Object.keys(after);
    if (changed.length > 0) {
      await recordAudit(tx, {
        actor: identity,
        brandId,
        section: 'support',
        action: changed.length > 1 ? 'ticket.update' : changed[0] === 'status' ? 'ticket.status' : 'ticket.assign',
        entity: 'ticket',
        entityId: t.id,
        before,
        after,
      });
    }
    return t;
  });
  return c.json(await threadOf(deps.db, brandId, updated, deps.now(), identity.language), 200);
});
