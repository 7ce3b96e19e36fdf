/**
 * @module The participant's catalogue routes under `/api/campaigns/{id}`: the offers live today (filter by category,
 * region, search), one offer, favourites, and category subscriptions. Writes are rate-limited in
 * server/http/route-limits.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam } from '../http/row-id.ts';
import { errorResponse, LAUNCH_AUTH } from '../http/schemas.ts';
import { actionErrors, CampaignParams, json } from '../promo/promo.schemas.ts';
import { getOffer, listFavourites, listOffers, setFavourite } from './catalogue.service.ts';
import { setCategorySubscription } from './category-subscriptions.ts';

const errors = {
  ...actionErrors,
  404: errorResponse(
    'campaign_not_found | offer_not_found (ended, expired or not this campaign’s) | category_not_found',
  ),
  409: errorResponse('not_joined | no_message_consent | alerts_vk_only (OK, Telegram, the web entry without consent)'),
} as const;
const tags = ['catalogue'];

export const OfferSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    imageUrl: z.string().nullable(),
    oldPrice: z.number().int().nullable().openapi({ description: 'Minor units (kopecks)' }),
    price: z.number().int().nullable().openapi({ description: 'Minor units (kopecks)' }),
    discountPercent: z.number().int().nullable(),
    currency: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    categoryId: z.string().nullable(),
    region: z.string().nullable(),
    howToUse: z.string().nullable(),
    url: z.string().nullable(),
    favourite: z.boolean(),
  })
  .openapi('Offer');

const CatalogueSchema = z
  .object({
    messagesGroupId: z.number().int().nullable().openapi({ description: 'The community to allow messages from' }),
    categoryAlerts: z.boolean().openapi({
      description:
        'Whether following a category can work for the caller: alerts are VK community messages, so only a launch in ' +
        'the VK client (or the web entry of a VK user who already allows them); elsewhere PUT is 409 alerts_vk_only',
    }),
    categories: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
    regions: z.array(z.string()),
    offers: z.array(OfferSchema),
    total: z.number().int(),
    subscribedCategories: z.array(z.string()),
  })
  .openapi('Catalogue');

const OfferParams = CampaignParams.extend({ offerId: RowIdParam });
const CategoryParams = CampaignParams.extend({ categoryId: z.string().min(1).max(64) });
const text = (max: number) => z.string().max(max).optional();

const listRoute = createRoute({
  method: 'get',
  path: '/{id}/offers',
  tags,
  summary: "Offers live today in the campaign's time zone, by category, region and search",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams, query: z.object({ q: text(100), category: text(64), region: text(100) }) },
  responses: { 200: json(CatalogueSchema, 'The catalogue'), ...errors },
});
const favouritesRoute = createRoute({
  method: 'get',
  path: '/{id}/offer-favourites',
  tags,
  summary: "The caller's favourite offers that are live today",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(z.object({ offers: z.array(OfferSchema) }), 'Favourites'), ...errors },
});
const offerRoute = createRoute({
  method: 'get',
  path: '/{id}/offers/{offerId}',
  tags,
  summary: 'One offer’s card (live today)',
  security: LAUNCH_AUTH,
  request: { params: OfferParams },
  responses: {
    200: json(OfferSchema.extend({ shareUrl: z.string().nullable() }), 'The offer, with its share link'),
    ...errors,
  },
});
const favouriteRoute = (method: 'put' | 'delete') =>
  createRoute({
    method,
    path: '/{id}/offers/{offerId}/favourite',
    tags,
    summary: method === 'put' ? 'Add the offer to favourites' : 'Remove the offer from favourites',
    security: LAUNCH_AUTH,
    request: { params: OfferParams },
    responses: { 200: json(z.object({ favourite: z.boolean() }), 'Done'), ...errors },
  });
const subscriptionRoute = (method: 'put' | 'delete') =>
  createRoute({
    method,
    path: '/{id}/offer-categories/{categoryId}/subscription',
    tags,
    summary:
      method === 'put'
        ? 'Tell me about new offers in this category (needs message consent: 409 no_message_consent; outside VK 409 alerts_vk_only)'
        : 'Stop telling me about new offers in this category',
    security: LAUNCH_AUTH,
    request: { params: CategoryParams },
    responses: { 200: json(z.object({ subscribed: z.boolean() }), 'Done'), ...errors },
  });

export const catalogueRoutes = newRouter();
catalogueRoutes.use('/:id/offers', requireIdentity);
catalogueRoutes.use('/:id/offers/*', requireIdentity);
catalogueRoutes.use('/:id/offer-categories/*', requireIdentity);
catalogueRoutes.use('/:id/offer-favourites', requireIdentity);
catalogueRoutes.openapi(listRoute, async (c) =>
  c.json(await listOffers(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('query')), 200),
);
catalogueRoutes.openapi(favouritesRoute, async (c) =>
  c.json(await listFavourites(c.var.deps, c.var.identity, c.req.valid('param').id), 200),
);
catalogueRoutes.openapi(offerRoute, async (c) => {
  const { id, offerId } = c.req.valid('param');
  return c.json(await getOffer(c.var.deps, c.var.identity, id, offerId), 200);
});
for (const method of ['put', 'delete'] as const) {
  catalogueRoutes.openapi(favouriteRoute(method), async (c) => {
    const { id, offerId } = c.req.valid('param');
    return c.json(await setFavourite(c.var.deps, c.var.identity, id, offerId, method === 'put'), 200);
  });
  catalogueRoutes.openapi(subscriptionRoute(method), async (c) => {
    const { id, categoryId } = c.req.valid('param');
    return c.json(await setCategorySubscription(c.var.deps, c.var.identity, id, categoryId, method === 'put'), 200);
  });
}
