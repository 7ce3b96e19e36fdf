/**
 * @module `POST /vk/callback`, VK's Callback API for every community connected here (decision 084): the community is
 * picked by `group_id` and its secret checked first (403 for a wrong one, an unknown community or one without a
 * secret: agency-secrets.ts `callbackServer`), `confirmation` gets that community's code (409 with the reason when none
 * is set up: decision 094), everything else goes to the update handler wired into `deps.updates` (the bot:
 * shape-checked, 422 and kept as `failed`; journaled by `event_id`, VK retries deliveries), answered `ok` and handled
 * afterwards; an event whose handler crashed is handled again by the recovery pass. Without a handler: 503.
 */
import { timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { limitBody } from '../http/body-limit.ts';
import { errorBody } from '../http/errors.ts';
import { fieldIssues } from '../http/field-issues.ts';
import { tooDeepIssue } from '../http/nesting-depth.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse } from '../http/schemas.ts';
import { callbackServer } from '../office/agency/agency-secrets.ts';
import { updatesOf } from './community-updates.ts';

const CallbackBody = z
  .object({
    type: z.string().min(1).max(64),
    group_id: z.number().int().positive(),
    event_id: z.string().max(128).optional(),
    secret: z.string().max(256).optional(),
    v: z.string().max(16).optional(),
    object: z.unknown().optional(),
  })
  .passthrough()
  .openapi('VkCallback');

const callbackRoute = createRoute({
  method: 'post',
  path: '/callback',
  tags: ['bot'],
  summary: 'VK Callback API endpoint of the community bot',
  request: { body: { content: { 'application/json': { schema: CallbackBody } }, required: true } },
  responses: {
    200: { content: { 'text/plain': { schema: z.string() } }, description: '`ok`, or the confirmation string' },
    403: { content: { 'text/plain': { schema: z.string() } }, description: 'Wrong secret or community' },
    422: errorResponse('Not a Callback API notification, or an `object` VK never sends for its type'),
    409: errorResponse(
      '`confirmation` of a community whose confirmation string is not set up here (VK stays unconfirmed)',
    ),
    503: errorResponse('This process does not handle community updates (VK retries)'),
  },
});

function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (!expected || given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const callbackRoutes = newRouter();
callbackRoutes.use(
  '*',
  limitBody(256 * 1024, (c) => c.text('payload too large', 413)),
);
callbackRoutes.openapi(
  callbackRoute,
  async (c) => {
    const deps = c.var.deps;
    const body = c.req.valid('json');
    const server = await callbackServer(deps, body.group_id);
    if (!sameSecret(body.secret, server?.secret)) return c.text('forbidden', 403);
    if (body.type === 'confirmation') {
      if (!server?.confirmation) {
        // A gap in the set-up, not a server fault: VK shows the server as unconfirmed, the office warns (decision 094).
        const reason = `Community ${body.group_id} has no confirmation string set up here: ${
          server?.byServer ? 'set VK_CONFIRMATION_CODE' : "set it on the brand's page in the agency office"
        }`;
        console.warn(`vk/callback: confirmation refused. ${reason}`);
        return c.json(errorBody('confirmation_not_set', reason), 409);
      }
      return c.text(server.confirmation, 200);
    }
    const bot = updatesOf(deps);
    // Stored as `received` before VK gets `ok` (a repeated event_id is answered `ok` and dropped); handled after.
    // An `object` VK never sends for the type is stored as `failed` and refused, so it never becomes work.
    const outcome = await bot.receive(body);
    if (outcome.status === 'rejected') {
      return c.json(errorBody('invalid_input', outcome.reason, outcome.issues), 422);
    }
    // This server process also picks up events a crashed handler (here or in the bot process) left behind.
    bot.recoverNowAndThen();
    return c.text('ok', 200);
  },
  // The schema and nesting only: a user's text a database cannot store (NUL, half of a character) is kept by the bot as
  // U+FFFD (bot.receive), not refused as the API's own clients are — VK would retry the message and it would be lost.
  (result, c) => {
    if (!result.success) {
      // Valid JSON that is not VK's notification shape: say so, and which fields, as the 422's description does.
      const issues = result.error.issues.flatMap(fieldIssues);
      const fields = [...new Set(issues.map((i) => i.path || 'body'))].join(', ');
      return c.json(errorBody('invalid_input', `Not a Callback API notification: ${fields}`, issues), 422);
    }
    // VK's updates nest a few levels; one nested thousands deep would fail the journal's copy and JSON (a 500).
    const tooDeep = tooDeepIssue(result.data);
    if (tooDeep)
      return c.json(errorBody('invalid_input', `Not a Callback API notification: ${tooDeep.path}`, [tooDeep]), 422);
  },
);
