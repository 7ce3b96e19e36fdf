/** @module `GET /api/me`: the identity the server verified from this request's launch data. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { newRouter } from '../http/router.ts';
import { authErrors, LAUNCH_AUTH } from '../http/schemas.ts';

export const IdentitySchema = z
  .object({
    platform: z.enum(['vk', 'ok', 'telegram']),
    userId: z.string(),
    appId: z.string(),
    groupId: z.number().int().optional(),
    viewerGroupRole: z.enum(['admin', 'editor', 'moder', 'member', 'none']).optional(),
    language: z.enum(['ru', 'en']),
    platformDetail: z.string(),
    ref: z.string().optional(),
  })
  .openapi('Identity');

const meRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['identity'],
  summary: 'The verified identity of the caller',
  security: LAUNCH_AUTH,
  responses: {
    200: { content: { 'application/json': { schema: IdentitySchema } }, description: 'Verified identity' },
    ...authErrors,
  },
});

export const meRoutes = newRouter();
meRoutes.use('*', requireIdentity);
meRoutes.openapi(meRoute, (c) => c.json(c.var.identity, 200));
