/**
 * @module `POST /api/local/message-allow`: in the local demo (no VK credentials, not production) there is no VK to
 * deliver `message_allow` when the participant allows the community's messages, so the mini app's `local` platform
 * adapter asks for it here. The server builds the very update VK would send (`message_allow` with the user and the
 * task's `key`) and hands it to the update handler's `receive` (the bot, wired into `deps.updates`), so it is journaled and handled by the same code as a real one:
 * consent recorded, allow_messages task confirmed by key. With real credentials VK sends the event itself, and this
 * route refuses (403) rather than let a client claim a consent VK never reported.
 */
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { requireIdentity } from '../auth/middleware.ts';
import { schema } from '../db/client.ts';
import { errorBody } from '../http/errors.ts';
import { newRouter } from '../http/router.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { updatesOf } from './community-updates.ts';
import { isLocalDemo } from './local-demo.ts';

const AllowBody = z
  .object({
    groupId: z.number().int().positive().openapi({ description: 'The community whose messages are allowed' }),
    key: z.string().min(1).max(256).openapi({ description: 'The allow_messages task key from the task start' }),
  })
  .openapi('LocalMessageAllow');

const allowRoute = createRoute({
  method: 'post',
  path: '/message-allow',
  tags: ['bot'],
  summary: 'Local demo only: record the message_allow VK would send when the user allows community messages',
  security: LAUNCH_AUTH,
  request: jsonBody(AllowBody),
  responses: {
    200: json(z.object({ eventId: z.string() }), 'Journaled and handled like VK’s message_allow'),
    ...authErrors,
    403: errorResponse('Not the local demo: VK delivers message_allow itself'),
    404: errorResponse('No such community'),
    409: errorResponse('Only VK users allow community messages'),
    422: errorResponse('Invalid body'),
    503: errorResponse('This process does not handle community updates'),
  },
});

export const localAllowRoutes = newRouter();
localAllowRoutes.use('*', requireIdentity);
localAllowRoutes.openapi(allowRoute, async (c) => {
  const deps = c.var.deps;
  if (!isLocalDemo(deps)) {
    return c.json(errorBody('not_local', 'Only the local demo records consent here; VK sends message_allow'), 403);
  }
  const identity = c.get('identity');
  if (identity.platform !== 'vk') {
    return c.json(errorBody('wrong_platform', 'Community messages are allowed by VK users only'), 409);
  }
  const { groupId, key } = c.req.valid('json');
  const [community] = await deps.db
    .select({ id: schema.communities.id })
    .from(schema.communities)
    .where(eq(schema.communities.vkGroupId, groupId))
    .limit(1);
  if (!community) return c.json(errorBody('not_found', `No community ${groupId}`), 404);
  const eventId = `local-${randomUUID()}`;
  const bot = updatesOf(deps);
  const outcome = await bot.receive({
    type: 'message_allow',
    group_id: groupId,
    event_id: eventId,
    v: '5.199',
    object: { user_id: Number(identity.userId), key },
  });
  if (outcome.status === 'rejected') return c.json(errorBody('invalid_input', outcome.reason, outcome.issues), 422);
  // Answer once it is handled, so the client's next call (completing the task) sees its effect.
  await bot.idle();
  return c.json({ eventId }, 200);
});
