/**
 * @module `GET /api/stats-exports/{token}`: the download behind a signed stats link (stats-export-link.ts), for VK's
 * own downloader, which sends no launch data. The link names the member, brand, measure and filters; the member's
 * `stats` rights are checked again now (a member removed since the link was issued gets the office's 403/404), and
 * the campaign must still belong to the brand the link was issued for.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ApiError } from '../http/errors.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse } from '../http/schemas.ts';
import { computeMeasure, csvResponse } from './stats.routes.ts';
import { exportLinkKey, verifyExportLink } from './stats-export-link.ts';

const route = createRoute({
  method: 'get',
  path: '/{token}',
  tags: ['admin: stats'],
  summary: 'Download a stats CSV by a signed one-minute link (no launch data: the link is the authorisation)',
  request: { params: z.object({ token: z.string().max(4096) }) },
  responses: {
    200: { content: { 'text/csv': { schema: { type: 'string' } } }, description: 'The CSV, as an attachment' },
    403: errorResponse('Tampered or malformed link, or no stats rights any more'),
    404: errorResponse('The campaign or brand is no longer among the member’s'),
    410: errorResponse('The link has expired'),
  },
});

export const statsExportRoutes = newRouter();
statsExportRoutes.openapi(route, async (c) => {
  const { deps } = c.var;
  const grant = verifyExportLink(exportLinkKey(deps.config), c.req.valid('param').token, deps.now());
  const { body, brandId } = await computeMeasure(deps, grant.identity, grant.scope, grant.measure, grant.query);
  if (brandId !== grant.brandId) throw new ApiError(403, 'link_invalid', 'This download link is not valid');
  const res = csvResponse(c, grant.measure, body, grant.scope, grant.query.lang ?? grant.identity.language);
  // Never cached by a proxy or the client: the file is the member's.
  res.headers.set('Cache-Control', 'no-store');
  return res as never;
});
