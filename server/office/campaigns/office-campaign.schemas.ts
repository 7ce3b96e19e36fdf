/** @module OpenAPI shapes of the office campaign routes that are not the document itself. */
import { z } from '@hono/zod-openapi';
import { CampaignSchema } from '../../campaigns/campaign.routes.ts';
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from '../../campaigns/content-bounds.ts';
import { CAMPAIGN_STATUSES, LEGAL_TYPES, MECHANICS } from '../../db/schema/campaign.ts';
import { RowIdParam } from '../../http/row-id.ts';
import { authErrors, ErrorSchema, errorResponse, json } from '../../http/schemas.ts';
import { StateSchema } from '../../promo/promo.schemas.ts';
import { RulesSchema } from '../../promo/rules/rules.routes.ts';
import { BilingualSchema, ProblemSchema } from './campaign-document.ts';

export const OfficeCampaignParams = z.object({ id: RowIdParam });

export const PreviewSchema = z
  .object({
    at: z.number().int().openapi({ description: 'The moment the preview shows (inside the schedule)' }),
    campaign: CampaignSchema,
    state: StateSchema,
    rules: RulesSchema,
  })
  .openapi('CampaignPreview');

export const TemplateCardSchema = z
  .object({
    key: z.string(),
    mechanic: z.enum(MECHANICS),
    legalType: z.enum(LEGAL_TYPES),
    title: BilingualSchema(MAX_TITLE_LENGTH),
    purpose: BilingualSchema(MAX_DESCRIPTION_LENGTH),
    preview: PreviewSchema,
  })
  .openapi('CampaignTemplate');

export const CampaignListItemSchema = z
  .object({
    id: z.number().int(),
    title: BilingualSchema(MAX_TITLE_LENGTH),
    status: z.enum(CAMPAIGN_STATUSES),
    phase: z.enum(['not_started', 'running', 'paused', 'ended']),
    mechanic: z.enum(MECHANICS),
    startsAt: z.number().int(),
    endsAt: z.number().int(),
    /** The campaign's IANA time zone, in which the office shows its dates. */
    timeZone: z.string(),
    revision: z.number().int(),
    /** Scheduled, and its start has passed without the server launching it (it has errors to fix). */
    startPassed: z.boolean(),
    stock: z.array(
      z.object({
        poolKey: z.string(),
        /** The pool as the manager named it (its key when it has no name): what the office shows. */
        pool: z.string(),
        free: z.number().int(),
        total: z.number().int(),
        /** Low by low-stock.ts; a pool with no code loaded yet is not (the office says none is loaded). */
        low: z.boolean(),
      }),
    ),
  })
  .openapi('OfficeCampaignListItem');

export const RevisionSchema = z
  .object({
    number: z.number().int(),
    createdAt: z.number().int(),
    createdBy: z.object({ platform: z.string(), userId: z.string() }),
  })
  .openapi('CampaignRevision');

/** 422: invalid input (issues), or `not_publishable` with every problem of the document. */
export const UnprocessableSchema = ErrorSchema.extend({ problems: z.array(ProblemSchema).optional() }).openapi(
  'OfficeUnprocessable',
);

export const officeErrors = {
  ...authErrors,
  403: errorResponse('forbidden: a member of this brand without the `campaigns` section'),
  404: errorResponse('No such campaign among your brands (the same answer whether it exists or not)'),
  422: json(UnprocessableSchema, 'invalid_input with issues by field, or not_publishable with the problems'),
} as const;
