/** @module The participant's lead form route: `POST /api/campaigns/{id}/calculator/lead`. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { RawInputsSchema } from '../calculator/calculator.routes.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { visibleText } from '../http/text-fields.ts';
import { actionErrors, CampaignParams, json } from '../promo/promo.schemas.ts';
import { submitLead } from './lead.service.ts';

const Contact = z.object({
  value: z.string().trim().min(1).max(254),
  sign: z.string().max(100).optional().openapi({ description: "VK bridge's sign, when the value came from VK" }),
});

export const LeadBodySchema = z
  .object({
    inputs: RawInputsSchema,
    name: visibleText(100),
    phone: Contact.optional(),
    email: Contact.extend({ value: z.email().max(254) }).optional(),
    consent: z.boolean(),
    consentVersion: z.string().min(1).max(40),
  })
  .openapi('LeadForm');

const leadRoute = createRoute({
  method: 'post',
  path: '/{id}/calculator/lead',
  tags: ['calculator'],
  summary: 'Leave a lead after a calculation (funnel stage lead_sent); one per participant, a repeat answers the first',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams, ...jsonBody(LeadBodySchema) },
  responses: {
    200: json(
      z
        .object({
          key: z.string(),
          result: z.number(),
          phoneVerified: z.boolean(),
          emailVerified: z.boolean(),
          already: z.boolean(),
        })
        .openapi('LeadReceipt'),
      'Stored (and queued for the CRM)',
    ),
    ...actionErrors,
    409: errorResponse('campaign_* | not_joined | no_calculator | consent_outdated'),
    422: errorResponse(
      'invalid_input | consent_required (issue at `consent`) | invalid_sign | calculation_failed (issues name the inputs)',
    ),
  },
});

export const leadRoutes = newRouter();
leadRoutes.use('/:id/calculator/lead', requireIdentity);
leadRoutes.openapi(leadRoute, async (c) =>
  c.json(await submitLead(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('json')), 200),
);
