/**
 * @module The participant's knowledge base (`/api/support/…`): the brand's published articles for a campaign's help
 * screen, in the launch's language, shown before the ticket form; that they opened one, and whether it helped
 * (stored per participant and article, rate limited in server/http/route-limits.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { getVisibleCampaign } from '../campaigns/campaign.service.ts';
import { inTransaction } from '../db/transactions.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam } from '../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { helpArticles, recordArticleFeedback, recordArticleView } from './knowledge-base.ts';
import { articleShownTo } from './shown-article.ts';

const tags = ['support'];
const errors = {
  ...authErrors,
  404: errorResponse('No such campaign or article'),
  422: errorResponse('Invalid input'),
} as const;
const ArticleParams = z.object({ articleId: RowIdParam });

const articles = createRoute({
  method: 'get',
  path: '/campaigns/{id}/articles',
  tags,
  summary: "The brand's help articles for this campaign, in the caller's language",
  security: LAUNCH_AUTH,
  request: { params: z.object({ id: RowIdParam }) },
  responses: {
    200: json(
      z.object({ articles: z.array(z.object({ id: z.number().int(), title: z.string(), body: z.string() })) }),
      'Articles',
    ),
    ...errors,
  },
});
const viewed = createRoute({
  method: 'post',
  path: '/articles/{articleId}/viewed',
  tags,
  summary: 'The caller opened the article',
  security: LAUNCH_AUTH,
  request: { params: ArticleParams },
  responses: { 204: { description: 'Recorded' }, ...errors },
});
const feedback = createRoute({
  method: 'post',
  path: '/articles/{articleId}/feedback',
  tags,
  summary: '"Did this help?": yes or no, the latest answer counts',
  security: LAUNCH_AUTH,
  request: { params: ArticleParams, ...jsonBody(z.object({ helped: z.boolean() })) },
  responses: { 204: { description: 'Recorded' }, ...errors },
});

export const knowledgeRoutes = newRouter();
knowledgeRoutes.use('*', requireIdentity);

knowledgeRoutes.openapi(articles, async (c) => {
  const { deps, identity } = c.var;
  const campaign = await getVisibleCampaign(deps, identity, c.req.valid('param').id);
  return c.json({ articles: await helpArticles(deps.db, campaign, identity.language) }, 200);
});
knowledgeRoutes.openapi(viewed, async (c) => {
  const { deps, identity } = c.var;
  const article = await articleShownTo(deps.db, identity, c.req.valid('param').articleId);
  await inTransaction(deps.db, (tx) => recordArticleView(tx, article.id, identity, deps.now()));
  return c.body(null, 204);
});
knowledgeRoutes.openapi(feedback, async (c) => {
  const { deps, identity } = c.var;
  const article = await articleShownTo(deps.db, identity, c.req.valid('param').articleId);
  const { helped } = c.req.valid('json');
  await inTransaction(deps.db, (tx) => recordArticleFeedback(tx, article.id, identity, helped, deps.now()));
  return c.body(null, 204);
});
