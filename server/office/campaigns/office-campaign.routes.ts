/**
 * @module The office's campaign API under `/api/admin`: the catalogue, creating a draft from it, the brand's list,
 * reading and saving the document, the live preview, lifecycle, duplicate and revisions. Every route needs a verified
 * launch and the `campaigns` section of the campaign's brand (campaign-access.ts: not-yours and not-there are the
 * same 404). Rules live in the services beside this file; handlers only translate.
 */
import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { requireIdentity } from '../../auth/middleware.ts';
import { CONTENT_LANGUAGES } from '../../campaigns/content-language.ts';
import { schema } from '../../db/client.ts';
import { CAMPAIGN_STATUSES } from '../../db/schema/campaign.ts';
import { ClientKey } from '../../http/client-key.ts';
import { ApiError, errorBody, onError } from '../../http/errors.ts';
import { officeRoute } from '../../http/office-route.ts';
import { type AppEnv, newRouter } from '../../http/router.ts';
import { RowIdParam, rowId } from '../../http/row-id.ts';
import { errorResponse, json, jsonBody, LAUNCH_AUTH } from '../../http/schemas.ts';
import { TEMPLATES } from '../templates/index.ts';
import { launchNowWarnings } from './calendar-first-moment.ts';
import { officeCampaign, requireLaunchRight } from './campaign-access.ts';
import { createFromTemplate, duplicateCampaign } from './campaign-create.ts';
import { CampaignContentSchema, CampaignDocumentSchema, DocumentWithProblemsSchema } from './campaign-document.ts';
import { EditedMeanwhileError, NotPublishableError, problemsOf, saveDocument } from './campaign-editing.ts';
import { changeStatus } from './campaign-lifecycle.ts';
import { brandCampaigns } from './campaign-list.ts';
import { previewDocument, storedIds } from './campaign-preview.ts';
import { listRevisions, revisionDocument } from './campaign-revisions.ts';
import { loadDocument } from './campaign-store.ts';
import {
  CampaignListItemSchema,
  OfficeCampaignParams,
  officeErrors,
  PreviewSchema,
  RevisionSchema,
  TemplateCardSchema,
} from './office-campaign.schemas.ts';

const tags = ['admin: campaigns'];
/** A create or duplicate whose `clientKey` was sent before for another template, places or campaign. */
const keyReused = errorResponse('`client_key_reused`: this clientKey made another draft; make a new one per click');
const security = LAUNCH_AUTH;
const PreviewQuery = z.object({
  language: z.enum(CONTENT_LANGUAGES).optional(),
  platform: z.enum(['vk', 'ok', 'telegram']).optional(),
});

const templatesRoute = officeRoute('any', {
  method: 'get',
  path: '/templates',
  tags,
  security,
  summary: 'The catalogue of ready mechanics, each with the participant screens it makes (preview)',
  request: { query: PreviewQuery },
  responses: { 200: json(z.object({ templates: z.array(TemplateCardSchema) }), 'Templates'), ...officeErrors },
});
const createRouteDef = officeRoute('campaigns', {
  method: 'post',
  path: '/campaigns',
  tags,
  security,
  summary: "Clone a template into the brand as a draft (app and community default to the brand's only ones)",
  request: jsonBody(
    z.object({
      brandId: rowId(),
      templateKey: z.string().min(1).max(64),
      appId: rowId().optional(),
      communityId: rowId().nullable().optional(),
      clientKey: ClientKey.optional(),
    }),
  ),
  responses: { 201: json(CampaignDocumentSchema, 'The new draft'), ...officeErrors, 409: keyReused },
});
const listRoute = officeRoute('any', {
  method: 'get',
  path: '/campaigns',
  tags,
  security,
  summary: "The brand's campaigns for any member; stock per code pool (low-stock flag) only with campaigns/prizes",
  request: { query: z.object({ brandId: RowIdParam }) },
  responses: { 200: json(z.object({ campaigns: z.array(CampaignListItemSchema) }), 'Campaigns'), ...officeErrors },
});
const getRoute = officeRoute('campaigns', {
  method: 'get',
  path: '/campaigns/{id}',
  tags,
  security,
  summary: 'The campaign document and what stands between it and publishing',
  request: { params: OfficeCampaignParams },
  responses: { 200: json(DocumentWithProblemsSchema, 'Document and problems'), ...officeErrors },
});
const putRoute = officeRoute('campaigns', {
  method: 'put',
  path: '/campaigns/{id}',
  tags,
  security,
  summary:
    'Save the document. A draft is saved as it is; a scheduled, live or paused campaign gets a new revision, ' +
    'refused with 422 not_publishable while the document has error problems. Moving the start or end of a ' +
    'scheduled, live or paused campaign also needs the launch section (403 forbidden)',
  request: { params: OfficeCampaignParams, ...jsonBody(CampaignDocumentSchema) },
  responses: {
    200: json(DocumentWithProblemsSchema, 'Saved'),
    ...officeErrors,
    409: json(
      z.object({
        error: z.object({ code: z.string(), message: z.string() }),
        current: z
          .object({ editVersion: z.number().int(), savedAt: z.number().int() })
          .optional()
          .openapi({ description: 'edited_meanwhile: the version saved now and when (UTC ms)' }),
      }),
      'not_editable | status_changed | edited_meanwhile (someone saved a newer version: reload it)',
    ),
  },
});
const previewRoute = officeRoute('campaigns', {
  method: 'post',
  path: '/campaigns/{id}/preview',
  tags,
  security,
  summary:
    'What the participant app would get for this unsaved document: the campaign, the state of someone who has ' +
    'not opened it yet, the rules. Nothing is saved',
  request: { params: OfficeCampaignParams, query: PreviewQuery, ...jsonBody(CampaignDocumentSchema) },
  responses: { 200: json(PreviewSchema, 'Preview'), ...officeErrors },
});
// `launch` at the gate (refused before the body is read), `campaigns` in the handler: both are needed (decision 116).
const statusRoute = officeRoute('launch', {
  method: 'post',
  path: '/campaigns/{id}/status',
  tags,
  security,
  summary:
    'Lifecycle: draft → scheduled|live; scheduled → draft|live; live → paused|ended; paused → live|ended; ' +
    'ended → archived. Publishing validates (422 not_publishable) and writes revision 1. Needs the campaigns and ' +
    'launch sections (403 forbidden without launch)',
  request: {
    params: OfficeCampaignParams,
    ...jsonBody(z.object({ to: z.enum(CAMPAIGN_STATUSES) })),
  },
  responses: {
    200: json(CampaignDocumentSchema, 'The campaign in its new status'),
    ...officeErrors,
    409: json(
      z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
      'transition_not_allowed | status_changed',
    ),
  },
});
const duplicateRoute = officeRoute('campaigns', {
  method: 'post',
  path: '/campaigns/{id}/duplicate',
  tags,
  security,
  summary:
    "A new draft with this campaign's content (no codes, participants or revisions); sent again with its clientKey, " +
    'the copy already made',
  request: {
    params: OfficeCampaignParams,
    // Optional: a client without a key sends no body, as before keys.
    body: {
      content: { 'application/json': { schema: z.object({ clientKey: ClientKey.optional() }) } },
      required: false,
    },
  },
  responses: { 201: json(CampaignDocumentSchema, 'The copy'), ...officeErrors, 409: keyReused },
});
const revisionsRoute = officeRoute('campaigns', {
  method: 'get',
  path: '/campaigns/{id}/revisions',
  tags,
  security,
  summary: 'Published revisions, latest first',
  request: { params: OfficeCampaignParams },
  responses: { 200: json(z.object({ revisions: z.array(RevisionSchema) }), 'Revisions'), ...officeErrors },
});
const revisionRoute = officeRoute('campaigns', {
  method: 'get',
  path: '/campaigns/{id}/revisions/{number}',
  tags,
  security,
  summary: 'The document as published in that revision',
  request: { params: OfficeCampaignParams.extend({ number: RowIdParam }) },
  responses: { 200: json(CampaignDocumentSchema, 'The revision'), ...officeErrors },
});

export const officeCampaignRoutes = newRouter();
// Mounted at /api/admin beside other routers: the middleware covers this router's own paths only.
for (const path of ['/templates', '/campaigns', '/campaigns/*']) officeCampaignRoutes.use(path, requireIdentity);
// not_publishable carries the problems beside the usual error shape, edited_meanwhile the version now saved; every
// other error renders as everywhere.
officeCampaignRoutes.onError((err, c) => {
  if (err instanceof NotPublishableError) {
    return c.json({ ...errorBody(err.code, err.message, err.issues), problems: err.problems }, 422);
  }
  if (err instanceof EditedMeanwhileError) {
    return c.json({ ...errorBody(err.code, err.message), current: err.current }, 409);
  }
  return onError(err, c);
});

/** Anyone with a membership may read the catalogue; participants may not. */
async function requireOfficeMember(c: Context<AppEnv>): Promise<void> {
  const { memberships } = schema;
  const { platform, userId } = c.var.identity;
  const [m] = await c.var.deps.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.platform, platform), eq(memberships.platformUserId, userId)))
    .limit(1);
  if (!m) throw new ApiError(403, 'forbidden', 'Only brand office members may open the catalogue');
}

officeCampaignRoutes.openapi(templatesRoute, async (c) => {
  await requireOfficeMember(c);
  const { deps, identity } = c.var;
  const q = c.req.valid('query');
  const now = deps.now();
  const opts = { platform: q.platform ?? identity.platform, language: q.language ?? identity.language, now };
  const templates = [];
  for (const t of TEMPLATES) {
    const content = CampaignContentSchema.parse(t.document(now, opts.language));
    const base = { campaign: { id: 0, brandId: 0, appId: 0, communityId: null, createdAt: now }, ids: null };
    const { key, mechanic, legalType, title, purpose } = t;
    templates.push({
      key,
      mechanic,
      legalType,
      title,
      purpose,
      preview: await previewDocument(deps, base, content, opts),
    });
  }
  return c.json({ templates }, 200);
});
officeCampaignRoutes.openapi(createRouteDef, async (c) =>
  c.json(await createFromTemplate(c.var.deps, c.var.identity, c.req.valid('json')), 201),
);
officeCampaignRoutes.openapi(listRoute, async (c) =>
  c.json({ campaigns: await brandCampaigns(c.var.deps, c.var.identity, c.req.valid('query').brandId) }, 200),
);
officeCampaignRoutes.openapi(getRoute, async (c) => {
  const { deps, identity } = c.var;
  const campaign = await officeCampaign(deps.db, identity, c.req.valid('param').id, 'campaigns');
  const document = await loadDocument(deps.db, campaign);
  const problems = await problemsOf(deps, campaign, document);
  return c.json(
    { document, problems, launchNow: await launchNowWarnings(deps.db, campaign, document, deps.now()) },
    200,
  );
});
officeCampaignRoutes.openapi(putRoute, async (c) => {
  const { deps, identity } = c.var;
  const campaign = await officeCampaign(deps.db, identity, c.req.valid('param').id, 'campaigns');
  return c.json(await saveDocument(deps, identity, campaign, c.req.valid('json')), 200);
});
officeCampaignRoutes.openapi(previewRoute, async (c) => {
  const { deps, identity } = c.var;
  const campaign = await officeCampaign(deps.db, identity, c.req.valid('param').id, 'campaigns');
  const q = c.req.valid('query');
  const base = { campaign, ids: await storedIds(deps.db, campaign.id) };
  const opts = {
    platform: q.platform ?? identity.platform,
    language: q.language ?? identity.language,
    now: deps.now(),
  };
  return c.json(await previewDocument(deps, base, c.req.valid('json'), opts), 200);
});
officeCampaignRoutes.openapi(statusRoute, async (c) => {
  const { deps, identity } = c.var;
  const campaign = await officeCampaign(deps.db, identity, c.req.valid('param').id, 'campaigns');
  await requireLaunchRight(deps.db, identity, campaign);
  return c.json(await changeStatus(deps, identity, campaign, c.req.valid('json').to), 200);
});
officeCampaignRoutes.openapi(duplicateRoute, async (c) => {
  const { deps, identity } = c.var;
  const campaign = await officeCampaign(deps.db, identity, c.req.valid('param').id, 'campaigns');
  return c.json(await duplicateCampaign(deps, identity, campaign, c.req.valid('json')?.clientKey), 201);
});
officeCampaignRoutes.openapi(revisionsRoute, async (c) => {
  const { deps, identity } = c.var;
  const campaign = await officeCampaign(deps.db, identity, c.req.valid('param').id, 'campaigns');
  return c.json({ revisions: await listRevisions(deps.db, campaign.id) }, 200);
});
officeCampaignRoutes.openapi(revisionRoute, async (c) => {
  const { deps, identity } = c.var;
  const { id, number } = c.req.valid('param');
  const campaign = await officeCampaign(deps.db, identity, id, 'campaigns');
  return c.json(await revisionDocument(deps.db, campaign.id, number), 200);
});
