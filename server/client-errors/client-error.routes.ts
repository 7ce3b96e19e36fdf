/**
 * @module Errors the mini app's error boundary caught, reported so we see what users see.
 * Accepted without a verified identity (a broken launch is exactly when we want the report), so everything about it
 * is bounded: the body (16 KB, else 413), the rate per network address and per verified identity (429), and the log
 * (`client-error-log.ts`: one line per distinct error a minute, 32 KB a minute at most).
 */

import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { LaunchError } from '../auth/launch-errors.ts';
import { identifyRequest } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { limitBody } from '../http/body-limit.ts';
import { errorBody, RateLimitedError } from '../http/errors.ts';
import { limiterFor, type RateBucket, retryAfterSeconds } from '../http/rate-limit.ts';
import { type AppEnv, newRouter } from '../http/router.ts';
import { errorResponse } from '../http/schemas.ts';
import { ClientErrorLog } from './client-error-log.ts';

/** Largest report body: the schema's fields at their longest fit in it. */
export const MAX_REPORT_BYTES = 16 * 1024;

const ClientErrorSchema = z
  .object({
    message: z.string().min(1).max(2000),
    stack: z.string().max(8000).optional(),
    screen: z.string().max(200).optional(),
    url: z.string().max(2000).optional(),
  })
  .openapi('ClientError');

const reportRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['system'],
  summary: 'Report an error the mini app caught',
  request: { body: { content: { 'application/json': { schema: ClientErrorSchema } }, required: true } },
  responses: {
    202: {
      content: { 'application/json': { schema: z.object({ accepted: z.literal(true) }) } },
      description: 'Logged',
    },
    413: errorResponse('Report larger than 16 KB'),
    422: errorResponse('Invalid report'),
    429: errorResponse('Too many reports from this address or user; see Retry-After'),
  },
});

const logs = new WeakMap<Deps, ClientErrorLog>();
function logFor(deps: Deps): ClientErrorLog {
  let log = logs.get(deps);
  if (!log) {
    log = new ClientErrorLog();
    logs.set(deps, log);
  }
  return log;
}

/** The peer address (no proxy header is trusted: anyone can write one); absent when not served by Node. */
function peerAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function spend(deps: Deps, key: string, bucket: RateBucket): Promise<void> {
  const wait = await limiterFor(deps).hit(key, bucket, deps.now());
  if (wait > 0) throw new RateLimitedError(retryAfterSeconds(wait));
}

export const clientErrorRoutes = newRouter();
clientErrorRoutes.use(
  '/',
  limitBody(MAX_REPORT_BYTES, (c) => c.json(errorBody('payload_too_large', 'A report is at most 16 KB'), 413)),
  (c, next) => spend(c.get('deps'), peerAddress(c), 'client_error_address').then(next),
);
clientErrorRoutes.openapi(reportRoute, async (c) => {
  let user: string | undefined;
  try {
    const id = await identifyRequest(c);
    user = `${id.platform}:${id.userId}`;
  } catch (err) {
    if (!(err instanceof LaunchError)) throw err;
  }
  const deps = c.get('deps');
  if (user) await spend(deps, user, 'client_error_user');
  // Accepted whether it was written or only counted: the client has nothing better to do with it.
  logFor(deps).record(c.req.valid('json'), user, deps.now());
  return c.json({ accepted: true as const }, 202);
});
