/**
 * @module `GET /api/office-downloads/{purpose}/{token}`: the download behind a signed office link
 * (office-download-grant.ts), for VK's own downloader, which sends no launch data. The link names the member, the
 * brand and the CSV's parameters; the member's rights are checked again now by the very function the office's own
 * CSV route serves (a member removed or stripped of the section since gets the office's 403/404), and the file must
 * still belong to the brand the link was issued for.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../deps.ts';
import { stuckCsvFile } from '../funnel/stuck-csv-file.ts';
import { csvAttachment } from '../http/csv.ts';
import { ApiError } from '../http/errors.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse } from '../http/schemas.ts';
import { leadsCsv } from '../leads/lead-office.service.ts';
import { winnersCsv } from '../promo/draw/draw-views.ts';
import { statsCsvFile } from '../stats/stats.routes.ts';
import {
  OFFICE_DOWNLOAD_PURPOSES,
  type OfficeCsv,
  type OfficeDownloadGrant,
  type OfficeDownloadPurpose,
  verifyOfficeDownload,
} from './office-download-grant.ts';

/** Each purpose's CSV, by the function its office route serves: a new purpose does not compile until it is here. */
const FILES: { [P in OfficeDownloadPurpose]: (deps: Deps, grant: OfficeDownloadGrant<P>) => Promise<OfficeCsv> } = {
  'stats-csv': (deps, g) => statsCsvFile(deps, g.identity, g),
  'leads-csv': (deps, g) => leadsCsv(deps.db, g.identity, g.campaignId),
  'draw-winners-csv': (deps, g) => winnersCsv(deps.db, g.identity, g.campaignId),
  'stuck-csv': (deps, g) => stuckCsvFile(deps, g.identity, g),
};

const route = createRoute({
  method: 'get',
  path: '/{purpose}/{token}',
  tags: ['admin: downloads'],
  summary: 'Download an office CSV by a signed one-minute link (no launch data: the link is the authorisation)',
  request: {
    params: z.object({ purpose: z.enum(OFFICE_DOWNLOAD_PURPOSES), token: z.string().max(4096) }),
  },
  responses: {
    200: { content: { 'text/csv': { schema: { type: 'string' } } }, description: 'The CSV, as an attachment' },
    403: errorResponse('link_invalid: altered, malformed or for another download; or no rights any more'),
    404: errorResponse('The campaign or brand is no longer among the member’s'),
    409: errorResponse('The file cannot be made now (e.g. not_drawn)'),
    410: errorResponse('link_expired: older than a minute'),
    422: errorResponse('An unknown purpose, or the link’s stage is no longer the campaign’s'),
  },
});

export const officeDownloadRoutes = newRouter();
officeDownloadRoutes.openapi(route, async (c) => {
  const { deps } = c.var;
  const { purpose, token } = c.req.valid('param');
  const grant = verifyOfficeDownload(deps.config, purpose, token, deps.now());
  const file = await (FILES[purpose] as (deps: Deps, grant: OfficeDownloadGrant) => Promise<OfficeCsv>)(deps, grant);
  if (file.brandId !== grant.brandId) throw new ApiError(403, 'link_invalid', 'This download link is not valid');
  const res = csvAttachment(c, file.csv, file.fileName);
  // Never cached by a proxy or the client: the file is the member's.
  res.headers.set('Cache-Control', 'no-store');
  return res as never;
});
