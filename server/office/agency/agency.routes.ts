/**
 * @module The agency API under `/api/admin/agency`: its brands with their communities, apps and live campaigns,
 * creating and renaming a brand, switching it off and on, connecting communities and apps with their tokens, and the
 * white label. Rights: the `agency` rule of auth/permissions.ts (owner, or a manager of the brand); the settings are
 * the owner's. Tokens go in, only masks come out.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../../auth/middleware.ts';
import { officeGate } from '../../auth/office-gate.ts';
import { newRouter } from '../../http/router.ts';
import { RowIdParam } from '../../http/row-id.ts';
import { errorResponse, json, jsonBody, LAUNCH_AUTH } from '../../http/schemas.ts';
import {
  AgencyBrandSchema,
  AgencySettingsSchema,
  agencyErrors,
  BrandParams,
  ConnectAppBody,
  ConnectCommunityBody,
  CreateBrandBody,
  EditAppBody,
  EditBrandBody,
  EditCommunityBody,
  SettingsBody,
  SettingsQuery,
} from './agency.schemas.ts';
import { agencyBrand, createBrand, listAgencyBrands, renameBrand, switchBrand } from './agency-brands.ts';
import { connectApp, connectCommunity, editApp, editCommunity } from './agency-platforms.ts';
import { readAgencySettings, saveAgencySettings } from './agency-settings.ts';

const base = { tags: ['admin: agency'], security: LAUNCH_AUTH, 'x-section': 'agency' as const };
const brandAnswer = json(AgencyBrandSchema, 'The brand as the agency sees it (tokens masked)');
// The office gate (server/auth/office-gate.ts) runs before validation, as officeRoute would put it; the generic
// helper keeps each route's own types, which officeRoute's signature does not pass through here.
const route = <T extends Parameters<typeof createRoute>[0]>(r: T) =>
  createRoute({ ...base, ...r, middleware: officeGate('agency') });

const listRoute = route({
  method: 'get',
  path: '/brands',
  summary: 'The brands the caller manages, with communities, apps (tokens masked) and live campaigns',
  responses: { 200: json(z.object({ brands: z.array(AgencyBrandSchema) }), 'Brands'), ...agencyErrors },
});
const createBrandRoute = route({
  method: 'post',
  path: '/brands',
  summary: 'A new brand of the agency (its owner or an agency-wide manager); sent again with its clientKey, that brand',
  request: jsonBody(CreateBrandBody),
  responses: {
    201: brandAnswer,
    ...agencyErrors,
    409: errorResponse('client_key_reused: this clientKey made a brand of another name; make a new one per brand'),
  },
});
const getBrandRoute = route({
  method: 'get',
  path: '/brands/{brandId}',
  summary: 'One brand',
  request: { params: BrandParams },
  responses: { 200: brandAnswer, ...agencyErrors },
});
const editBrandRoute = route({
  method: 'patch',
  path: '/brands/{brandId}',
  summary: 'Rename a brand, on the copy read as `savedAt`',
  request: { params: BrandParams, ...jsonBody(EditBrandBody) },
  responses: { 200: brandAnswer, ...agencyErrors },
});
const switchOffRoute = route({
  method: 'post',
  path: '/brands/{brandId}/switch-off',
  summary: 'Switch a brand off: its campaigns stop, its brand roles lose access, its messages stop; nothing is deleted',
  request: { params: BrandParams },
  responses: { 200: brandAnswer, ...agencyErrors },
});
const switchOnRoute = route({
  method: 'post',
  path: '/brands/{brandId}/switch-on',
  summary: 'Switch a brand back on',
  request: { params: BrandParams },
  responses: { 200: brandAnswer, ...agencyErrors },
});
const connectCommunityRoute = route({
  method: 'post',
  path: '/brands/{brandId}/communities',
  summary: 'Connect a VK community (group id, name, community token, its Callback API confirmation string and secret)',
  request: { params: BrandParams, ...jsonBody(ConnectCommunityBody) },
  responses: { 201: brandAnswer, ...agencyErrors },
});
const editCommunityRoute = route({
  method: 'patch',
  path: '/brands/{brandId}/communities/{communityId}',
  summary:
    'Rename a community, replace its token or its Callback API confirmation string and secret (null removes one), ' +
    'on the copy read as `savedAt`',
  request: {
    params: BrandParams.extend({ communityId: RowIdParam }),
    ...jsonBody(EditCommunityBody),
  },
  responses: { 200: brandAnswer, ...agencyErrors },
});
const connectAppRoute = route({
  method: 'post',
  path: '/brands/{brandId}/apps',
  summary: 'Connect an app: VK app id with secure key and service token, OK app key, Telegram bot id',
  request: { params: BrandParams, ...jsonBody(ConnectAppBody) },
  responses: { 201: brandAnswer, ...agencyErrors },
});
const editAppRoute = route({
  method: 'patch',
  path: '/brands/{brandId}/apps/{appId}',
  summary: "Edit an app's ids and name, or replace its tokens (null removes one), on the copy read as `savedAt`",
  request: { params: BrandParams.extend({ appId: RowIdParam }), ...jsonBody(EditAppBody) },
  responses: { 200: brandAnswer, ...agencyErrors },
});
const readSettingsRoute = route({
  method: 'get',
  path: '/settings',
  summary: "The agency's white label: name, logo, accent (its owner only)",
  request: { query: SettingsQuery },
  responses: { 200: json(AgencySettingsSchema, 'White label'), ...agencyErrors },
});
const saveSettingsRoute = route({
  method: 'patch',
  path: '/settings',
  summary: "Change the agency's white label (its owner only), on the copy read as `savedAt`",
  request: jsonBody(SettingsBody),
  responses: { 200: json(AgencySettingsSchema, 'White label'), ...agencyErrors },
});

export const agencyRoutes = newRouter();
agencyRoutes.use('*', requireIdentity);
agencyRoutes
  .openapi(listRoute, async (c) => c.json({ brands: await listAgencyBrands(c.var.deps, c.var.identity) }, 200))
  .openapi(createBrandRoute, async (c) =>
    c.json(await createBrand(c.var.deps, c.var.identity, c.req.valid('json')), 201),
  )
  .openapi(getBrandRoute, async (c) =>
    c.json(await agencyBrand(c.var.deps, c.var.identity, c.req.valid('param').brandId), 200),
  )
  .openapi(editBrandRoute, async (c) =>
    c.json(await renameBrand(c.var.deps, c.var.identity, c.req.valid('param').brandId, c.req.valid('json')), 200),
  )
  .openapi(switchOffRoute, async (c) =>
    c.json(await switchBrand(c.var.deps, c.var.identity, c.req.valid('param').brandId, true), 200),
  )
  .openapi(switchOnRoute, async (c) =>
    c.json(await switchBrand(c.var.deps, c.var.identity, c.req.valid('param').brandId, false), 200),
  )
  .openapi(connectCommunityRoute, async (c) =>
    c.json(await connectCommunity(c.var.deps, c.var.identity, c.req.valid('param').brandId, c.req.valid('json')), 201),
  )
  .openapi(editCommunityRoute, async (c) => {
    const { brandId, communityId } = c.req.valid('param');
    return c.json(await editCommunity(c.var.deps, c.var.identity, brandId, communityId, c.req.valid('json')), 200);
  })
  .openapi(connectAppRoute, async (c) =>
    c.json(await connectApp(c.var.deps, c.var.identity, c.req.valid('param').brandId, c.req.valid('json')), 201),
  )
  .openapi(editAppRoute, async (c) => {
    const { brandId, appId } = c.req.valid('param');
    return c.json(await editApp(c.var.deps, c.var.identity, brandId, appId, c.req.valid('json')), 200);
  })
  .openapi(readSettingsRoute, async (c) =>
    c.json(await readAgencySettings(c.var.deps, c.var.identity, c.req.valid('query').agencyId), 200),
  )
  .openapi(saveSettingsRoute, async (c) => {
    const { agencyId, ...change } = c.req.valid('json');
    return c.json(await saveAgencySettings(c.var.deps, c.var.identity, agencyId, change), 200);
  });
