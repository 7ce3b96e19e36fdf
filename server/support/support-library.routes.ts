/**
 * @module The brand's support library in the office (`/api/admin/support/brands/{brandId}/…`, section `support`):
 * canned answers and knowledge-base articles (list, create, edit, delete, each audited), and the articles ranked by
 * deflection (kb-deflection.ts says how it is counted).
 */
import { z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { requirePermission } from '../auth/permissions.ts';
import { inTransaction } from '../db/transactions.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam } from '../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import {
  CannedEditSchema,
  CannedNewSchema,
  CannedSchema,
  createCanned,
  deleteCanned,
  listCanned,
  publicCanned,
  updateCanned,
} from './canned-answers.ts';
import { DEFLECTION_WINDOW_MS, deflectionRanking } from './kb-deflection.ts';
import {
  ArticleEditSchema,
  ArticleNewSchema,
  ArticleOrderSchema,
  ArticleSchema,
  createArticle,
  deleteArticle,
  listArticles,
  publicArticle,
  reorderArticles,
  updateArticle,
} from './knowledge-base.ts';

const meta = { tags: ['admin: support'], security: LAUNCH_AUTH };
const errors = {
  ...authErrors,
  403: errorResponse('No `support` rights on this brand (or no such brand)'),
  404: errorResponse('No such canned answer or article of this brand'),
  422: errorResponse('Invalid input'),
} as const;
const savedMeanwhile = {
  409: errorResponse('saved_meanwhile: someone saved it after this copy was read (nothing written; reload it)'),
} as const;
const BrandParams = z.object({ brandId: RowIdParam });
const ItemParams = BrandParams.extend({ itemId: RowIdParam });

const cannedList = officeRoute('support', {
  ...meta,
  method: 'get',
  path: '/brands/{brandId}/canned',
  summary: "The brand's canned answers: by a position set through the API, then by title (Russian alphabetical order)",
  request: { params: BrandParams },
  responses: { 200: json(z.object({ canned: z.array(CannedSchema) }), 'Canned answers'), ...errors },
});
const cannedCreate = officeRoute('support', {
  ...meta,
  method: 'post',
  path: '/brands/{brandId}/canned',
  summary: 'Add a canned answer (`{name}`, `{code}`, `{campaign}` are filled when a reply is sent)',
  request: { params: BrandParams, ...jsonBody(CannedNewSchema) },
  responses: {
    201: json(CannedSchema, 'Created (or, sent again with its clientKey, the one it created)'),
    ...errors,
    409: errorResponse('client_key_reused: this clientKey added another answer; make a new one per answer'),
  },
});
const cannedUpdate = officeRoute('support', {
  ...meta,
  method: 'put',
  path: '/brands/{brandId}/canned/{itemId}',
  summary:
    'Replace a canned answer (the copy named by `savedAt`; 409 `saved_meanwhile` if saved since); ' +
    'the copy saved as it is is answered as it is, with no audit entry',
  request: { params: ItemParams, ...jsonBody(CannedEditSchema) },
  responses: { 200: json(CannedSchema, 'Updated'), ...errors, ...savedMeanwhile },
});
const cannedDelete = officeRoute('support', {
  ...meta,
  method: 'delete',
  path: '/brands/{brandId}/canned/{itemId}',
  summary: 'Delete a canned answer',
  request: { params: ItemParams },
  responses: { 204: { description: 'Deleted' }, ...errors },
});
const articleList = officeRoute('support', {
  ...meta,
  method: 'get',
  path: '/brands/{brandId}/articles',
  summary: "The brand's knowledge-base articles, published or not, in the office's order",
  request: { params: BrandParams },
  responses: { 200: json(z.object({ articles: z.array(ArticleSchema) }), 'Articles'), ...errors },
});
const articleCreate = officeRoute('support', {
  ...meta,
  method: 'post',
  path: '/brands/{brandId}/articles',
  summary: 'Add an article',
  request: { params: BrandParams, ...jsonBody(ArticleNewSchema) },
  responses: {
    201: json(ArticleSchema, 'Created (or, sent again with its clientKey, the one it created)'),
    ...errors,
    409: errorResponse('client_key_reused: this clientKey added another article; make a new one per article'),
  },
});
const articleUpdate = officeRoute('support', {
  ...meta,
  method: 'put',
  path: '/brands/{brandId}/articles/{itemId}',
  summary:
    'Replace an article (the copy named by `savedAt`; 409 if saved since); without `position` it keeps its place; ' +
    'the copy saved as it is is answered as it is, with no audit entry',
  request: { params: ItemParams, ...jsonBody(ArticleEditSchema) },
  responses: { 200: json(ArticleSchema, 'Updated'), ...errors, ...savedMeanwhile },
});
const articleDelete = officeRoute('support', {
  ...meta,
  method: 'delete',
  path: '/brands/{brandId}/articles/{itemId}',
  summary: 'Delete an article and its feedback',
  request: { params: ItemParams },
  responses: { 204: { description: 'Deleted' }, ...errors },
});
const articleOrder = officeRoute('support', {
  ...meta,
  method: 'put',
  path: '/brands/{brandId}/articles-order',
  summary:
    "Order the brand's articles as the help screen shows them (every article once; positions only); the order " +
    'they already have is answered as it is, with no audit entry',
  request: { params: BrandParams, ...jsonBody(ArticleOrderSchema) },
  responses: {
    200: json(z.object({ articles: z.array(ArticleSchema) }), 'Articles in their new order'),
    ...errors,
    409: errorResponse('list_changed: an article was added or removed after the list was read (nothing written)'),
  },
});
const ranking = officeRoute('support', {
  ...meta,
  method: 'get',
  path: '/brands/{brandId}/articles-ranking',
  summary: 'Articles by deflection: "helped" answers not followed by a ticket of the brand within 24 hours',
  request: { params: BrandParams },
  responses: {
    200: json(
      z.object({
        windowHours: z.number().int(),
        articles: z.array(
          z.object({
            articleId: z.number().int(),
            title: z.string(),
            published: z.boolean(),
            views: z.number().int(),
            helped: z.number().int(),
            notHelped: z.number().int(),
            deflected: z.number().int(),
            pending: z.number().int(),
            deflectionRate: z.number(),
          }),
        ),
      }),
      'Ranking',
    ),
    ...errors,
  },
});

export const supportLibraryRoutes = newRouter();
supportLibraryRoutes.use('*', requireIdentity);

supportLibraryRoutes.openapi(cannedList, async (c) => {
  const { brandId } = c.req.valid('param');
  await requirePermission(c.var.deps.db, c.var.identity, brandId, 'support');
  return c.json({ canned: (await listCanned(c.var.deps.db, brandId)).map(publicCanned) }, 200);
});
supportLibraryRoutes.openapi(cannedCreate, async (c) => {
  const { brandId } = c.req.valid('param');
  const { deps, identity } = c.var;
  await requirePermission(deps.db, identity, brandId, 'support');
  const input = c.req.valid('json');
  const row = await inTransaction(deps.db, (tx) => createCanned(tx, identity, brandId, input, deps.now()));
  return c.json(publicCanned(row), 201);
});
supportLibraryRoutes.openapi(cannedUpdate, async (c) => {
  const { brandId, itemId } = c.req.valid('param');
  const { deps, identity } = c.var;
  await requirePermission(deps.db, identity, brandId, 'support');
  const input = c.req.valid('json');
  const row = await inTransaction(deps.db, (tx) => updateCanned(tx, identity, brandId, itemId, input, deps.now()));
  return c.json(publicCanned(row), 200);
});
supportLibraryRoutes.openapi(cannedDelete, async (c) => {
  const { brandId, itemId } = c.req.valid('param');
  const { deps, identity } = c.var;
  await requirePermission(deps.db, identity, brandId, 'support');
  await inTransaction(deps.db, (tx) => deleteCanned(tx, identity, brandId, itemId));
  return c.body(null, 204);
});
supportLibraryRoutes.openapi(articleList, async (c) => {
  const { brandId } = c.req.valid('param');
  await requirePermission(c.var.deps.db, c.var.identity, brandId, 'support');
  return c.json({ articles: (await listArticles(c.var.deps.db, brandId)).map(publicArticle) }, 200);
});
supportLibraryRoutes.openapi(articleCreate, async (c) => {
  const { brandId } = c.req.valid('param');
  const { deps, identity } = c.var;
  await requirePermission(deps.db, identity, brandId, 'support');
  const input = c.req.valid('json');
  const row = await inTransaction(deps.db, (tx) => createArticle(tx, identity, brandId, input, deps.now()));
  return c.json(publicArticle(row), 201);
});
supportLibraryRoutes.openapi(articleUpdate, async (c) => {
  const { brandId, itemId } = c.req.valid('param');
  const { deps, identity } = c.var;
  await requirePermission(deps.db, identity, brandId, 'support');
  const input = c.req.valid('json');
  const row = await inTransaction(deps.db, (tx) => updateArticle(tx, identity, brandId, itemId, input, deps.now()));
  return c.json(publicArticle(row), 200);
});
supportLibraryRoutes.openapi(articleDelete, async (c) => {
  const { brandId, itemId } = c.req.valid('param');
  const { deps, identity } = c.var;
  await requirePermission(deps.db, identity, brandId, 'support');
  await inTransaction(deps.db, (tx) => deleteArticle(tx, identity, brandId, itemId));
  return c.body(null, 204);
});
supportLibraryRoutes.openapi(articleOrder, async (c) => {
  const { brandId } = c.req.valid('param');
  const { deps, identity } = c.var;
  await requirePermission(deps.db, identity, brandId, 'support');
  const { ids } = c.req.valid('json');
  const rows = await inTransaction(deps.db, (tx) => reorderArticles(tx, identity, brandId, ids));
  return c.json({ articles: rows.map(publicArticle) }, 200);
});
supportLibraryRoutes.openapi(ranking, async (c) => {
  const { brandId } = c.req.valid('param');
  const { deps } = c.var;
  await requirePermission(deps.db, c.var.identity, brandId, 'support');
  const articles = await deflectionRanking(deps.db, brandId, deps.now());
  return c.json({ windowHours: DEFLECTION_WINDOW_MS / 3_600_000, articles }, 200);
});
