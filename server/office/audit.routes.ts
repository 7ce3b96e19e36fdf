/**
 * @module `GET /api/admin/audit`: the office audit log for those who answer for a brand or the agency (audit-log.ts
 * says who), with filters by brand (or `agency`), person (platform and id), section and date range, newest first, paged by `before`.
 */
import { z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { officeRoute } from '../http/office-route.ts';
import { PersonKeyParam, PersonSchema } from '../http/person-schema.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam } from '../http/row-id.ts';
import { authErrors, errorResponse, json, LAUNCH_AUTH } from '../http/schemas.ts';
import { EpochMsParam, wholeNumberParamOr } from '../http/url-number.ts';
import { AGENCY_ONLY, readAudit } from './audit-log.ts';

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    brandId: z.number().int().nullable(),
    brandName: z.string().nullable(),
    agencyId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The agency; with brandId null an agency-level entry' }),
    agencyName: z.string().nullable(),
    actor: PersonSchema,
    section: z.string().openapi({
      description:
        'The section the write needed; a status change written under campaigns before decision 117 reads launch',
    }),
    action: z.string().openapi({ example: 'campaign.publish' }),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    at: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('AuditEntry');

const AuditQuerySchema = z.object({
  brandId: z
    .union([z.literal(AGENCY_ONLY), RowIdParam])
    .optional()
    .openapi({ description: `A brand id, or \`${AGENCY_ONLY}\` for the agency's own entries (agency owner)` }),
  person: PersonKeyParam.optional().openapi({
    description: 'The actor as `<platform>:<userId>` (`ok:5550001`); a bare user id is refused (decision 109)',
  }),
  section: z.string().min(1).max(32).optional(),
  from: EpochMsParam.optional(),
  to: EpochMsParam.optional(),
  before: RowIdParam.optional(),
  limit: wholeNumberParamOr({ min: 1, max: 100 }, 50),
});

const auditRoute = officeRoute('audit', {
  method: 'get',
  path: '/',
  tags: ['admin: audit'],
  summary:
    'Office audit log: who changed what and when (owner: the agency; manager: covered brands; brand admin: the brand)',
  security: LAUNCH_AUTH,
  request: { query: AuditQuerySchema },
  responses: {
    200: json(z.object({ entries: z.array(AuditEntrySchema), next: z.number().int().nullable() }), 'Entries'),
    ...authErrors,
    403: errorResponse('No audit rights (or for this brand)'),
    422: errorResponse('Invalid filter'),
  },
});

export const auditRoutes = newRouter();
auditRoutes.use('*', requireIdentity);
auditRoutes.openapi(auditRoute, async (c) =>
  c.json(await readAudit(c.var.deps.db, c.var.identity, c.req.valid('query')), 200),
);
