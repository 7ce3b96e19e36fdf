/**
 * @module The office's leads routes under `/api/admin/campaigns/{id}/leads` (section `leads`): inbox, one lead with
 * its CRM delivery log, status, CSV export (also by a signed link), and the CRM webhook settings.
 */
import { z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { officeCampaignFor } from '../calculator/calculator-office.service.ts';
import { LEAD_STATUSES } from '../db/schema/calculator.ts';
import { csvAttachment } from '../http/csv.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam } from '../http/row-id.ts';
import { authErrors, errorResponse, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { OfficeDownloadLinkSchema, officeDownloadLink } from '../office-downloads/office-download-grant.ts';
import { CampaignParams, json } from '../promo/promo.schemas.ts';
import { leadDetail, leadsCsv, listLeads, saveWebhook, setLeadStatus, webhookSettings } from './lead-office.service.ts';

const errors = {
  ...authErrors,
  403: errorResponse('forbidden: no `leads` rights on this brand'),
  404: errorResponse('campaign_not_found | lead_not_found'),
  409: errorResponse('no_calculator'),
  422: errorResponse('Invalid input (issues name the field)'),
} as const;
const tags = ['admin: leads'];
const LeadParams = CampaignParams.extend({ leadId: RowIdParam });

const DeliverySchema = z
  .object({
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    deliveredAt: z.number().nullable(),
  })
  .nullable();
export const LeadSchema = z
  .object({
    id: z.number().int(),
    key: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    phoneVerified: z.boolean(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    calculation: z.record(z.string(), z.unknown()),
    consentAt: z.number(),
    consentVersion: z.string(),
    policyUrl: z.string(),
    status: z.enum(LEAD_STATUSES),
    createdAt: z.number(),
    delivery: DeliverySchema,
  })
  .openapi('Lead');
export const LeadDetailSchema = LeadSchema.extend({
  consentText: z.string(),
  deliveryLog: z.array(
    z.object({
      attempt: z.number().int(),
      startedAt: z.number(),
      finishedAt: z.number(),
      durationMs: z.number().int(),
      outcome: z.string().openapi({
        description: 'delivered | http_error | timeout | network_error | refused_address (SSRF guard) | no_webhook',
      }),
      httpStatus: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ),
}).openapi('LeadDetail');
export const WebhookSchema = z.object({ url: z.string().nullable(), secretSet: z.boolean() }).openapi('LeadWebhook');

const listRoute = officeRoute('leads', {
  method: 'get',
  path: '/{id}/leads',
  tags,
  summary: "The campaign's leads, newest first, with their CRM delivery state",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(z.object({ leads: z.array(LeadSchema) }), 'Leads'), ...errors },
});
const detailRoute = officeRoute('leads', {
  method: 'get',
  path: '/{id}/leads/{leadId}',
  tags,
  summary: 'One lead with the consent text it was given under and its delivery log',
  security: LAUNCH_AUTH,
  request: { params: LeadParams },
  responses: { 200: json(LeadDetailSchema, 'The lead'), ...errors },
});
const statusRoute = officeRoute('leads', {
  method: 'patch',
  path: '/{id}/leads/{leadId}',
  tags,
  summary: "Change a lead's status; the status it already has is answered as it is, with no audit entry",
  security: LAUNCH_AUTH,
  request: { params: LeadParams, ...jsonBody(z.object({ status: z.enum(LEAD_STATUSES) })) },
  responses: { 200: json(LeadSchema, 'Changed'), ...errors },
});
const csvRoute = officeRoute('leads', {
  method: 'get',
  path: '/{id}/leads.csv',
  tags,
  summary: 'Every lead as CSV (formula-safe)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errors },
});
const csvLinkRoute = officeRoute('leads', {
  method: 'post',
  path: '/{id}/leads.csv/download-link',
  tags,
  summary:
    'A signed one-minute link to the leads CSV, for a downloader that sends no launch data (VKWebAppDownloadFile)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(OfficeDownloadLinkSchema, 'The link (relative to the API origin)'), ...errors },
});
const webhookRoute = officeRoute('leads', {
  method: 'get',
  path: '/{id}/leads-webhook',
  tags,
  summary: "The CRM webhook's URL and whether a secret is set (the secret is never answered)",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(WebhookSchema, 'Webhook'), ...errors },
});
const saveWebhookRoute = officeRoute('leads', {
  method: 'put',
  path: '/{id}/leads-webhook',
  tags,
  summary:
    'Set the CRM webhook: URL (null: off) and HMAC-SHA256 secret (kept when not sent); the URL and secret it already ' +
    'has are answered as they are, with no audit entry',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParams,
    ...jsonBody(
      z.object({
        url: z
          .url({ protocol: /^https?$/ })
          .max(500)
          .nullable(),
        secret: z.string().min(16).max(200).optional(),
      }),
    ),
  },
  responses: { 200: json(WebhookSchema, 'Saved'), ...errors },
});

export const leadOfficeRoutes = newRouter();
for (const path of ['/:id/leads', '/:id/leads/*', '/:id/leads.csv', '/:id/leads.csv/*', '/:id/leads-webhook']) {
  leadOfficeRoutes.use(path, requireIdentity);
}
leadOfficeRoutes.openapi(listRoute, async (c) =>
  c.json(await listLeads(c.var.deps.db, c.var.identity, c.req.valid('param').id), 200),
);
leadOfficeRoutes.openapi(detailRoute, async (c) => {
  const { id, leadId } = c.req.valid('param');
  return c.json(await leadDetail(c.var.deps.db, c.var.identity, id, leadId), 200);
});
leadOfficeRoutes.openapi(statusRoute, async (c) => {
  const { id, leadId } = c.req.valid('param');
  return c.json(await setLeadStatus(c.var.deps, c.var.identity, id, leadId, c.req.valid('json').status), 200);
});
leadOfficeRoutes.openapi(csvRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { csv, fileName } = await leadsCsv(c.var.deps.db, c.var.identity, id);
  return csvAttachment(c, csv, fileName) as never;
});
leadOfficeRoutes.openapi(csvLinkRoute, async (c) => {
  const { deps, identity } = c.var;
  const campaignId = c.req.valid('param').id;
  const { brandId } = await officeCampaignFor(deps.db, identity, campaignId, 'leads');
  return c.json(officeDownloadLink(deps, { purpose: 'leads-csv', identity, brandId, campaignId }), 200);
});
leadOfficeRoutes.openapi(webhookRoute, async (c) =>
  c.json(await webhookSettings(c.var.deps.db, c.var.identity, c.req.valid('param').id), 200),
);
leadOfficeRoutes.openapi(saveWebhookRoute, async (c) =>
  c.json(await saveWebhook(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('json')), 200),
);
