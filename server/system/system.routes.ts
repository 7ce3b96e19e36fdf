/** @module Unauthenticated operational routes. */
import { createRoute, z } from '@hono/zod-openapi';
import { schema } from '../db/client.ts';
import { newRouter } from '../http/router.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and database reachability',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), db: z.literal('ok') }) } },
      description: 'Healthy',
    },
  },
});

export const systemRoutes = newRouter();
systemRoutes.openapi(healthRoute, async (c) => {
  // A real read of a small table (the same query on either database): the connection answers and the schema is there.
  await c.var.deps.db.select({ id: schema.agencies.id }).from(schema.agencies).limit(1);
  return c.json({ status: 'ok' as const, db: 'ok' as const }, 200);
});
