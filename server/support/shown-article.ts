/**
 * @module Which knowledge-base article a participant's launch may act on: the help screen's own rule (knowledge-base.ts
 * `helpArticles`) turned round, for the routes that take an article id alone.
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { launchAppId, visibleTo } from '../campaigns/campaign.service.ts';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';
import type { ArticleRow } from './knowledge-base.ts';

const { apps, campaigns, communities, kbArticles } = schema;

/**
 * A published article the caller's help screen can show: of the brand of a campaign visible to them (the same rule as
 * every participant route), and for that campaign when it is one campaign's. Anyone else's, and an unpublished one, is
 * the same 404, so a launch of another brand's app cannot count views or answers on this brand's articles.
 * @example const article = await articleShownTo(db, identity, 12)
 */
export async function articleShownTo(db: Db, identity: Identity, id: number): Promise<ArticleRow> {
  const [row] = await db
    .select({ article: kbArticles })
    .from(kbArticles)
    .innerJoin(
      campaigns,
      and(
        eq(campaigns.brandId, kbArticles.brandId),
        or(isNull(kbArticles.campaignId), eq(campaigns.id, kbArticles.campaignId)),
      ),
    )
    .innerJoin(apps, eq(apps.id, campaigns.appId))
    .leftJoin(communities, eq(communities.id, campaigns.communityId))
    .where(
      and(
        eq(kbArticles.id, id),
        eq(kbArticles.published, true),
        visibleTo(identity.platform, launchAppId(identity), identity.groupId, identity.userId),
      ),
    )
    .limit(1);
  if (!row) throw new ApiError(404, 'article_not_found', `Article ${id} does not exist`);
  return row.article;
}
