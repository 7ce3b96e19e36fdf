/** @module Unauthenticated operational routes. */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
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
systemRoutes.openapi(healthRoute, (c) => {
  c.var.deps.db.get(sql`select 1`);
  return c.json({ status: 'ok' as const, db: 'ok' as const }, 200);
});
