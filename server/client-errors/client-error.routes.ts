/**
 * @module Errors the mini app's error boundary caught, reported so we see what users see.
 * Accepted without a verified identity (a broken launch is exactly when we want the report) but bounded in size,
 * logged as structured lines; the identity is attached when the launch data verifies.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { LaunchError } from '../auth/launch-errors.ts';
import { identify } from '../auth/middleware.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse } from '../http/schemas.ts';

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
    422: errorResponse('Invalid report'),
  },
});

export const clientErrorRoutes = newRouter();
clientErrorRoutes.openapi(reportRoute, (c) => {
  let user: string | undefined;
  try {
    const id = identify(c.req.header('Authorization'), c.var.deps);
    user = `${id.platform}:${id.userId}`;
  } catch (err) {
    if (!(err instanceof LaunchError)) throw err;
  }
  const report = c.req.valid('json');
  console.warn(JSON.stringify({ kind: 'client_error', user, ...report }));
  return c.json({ accepted: true as const }, 202);
});
