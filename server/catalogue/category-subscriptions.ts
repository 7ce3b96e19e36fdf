/**
 * @module A participant's "tell me about new offers in this category". Subscribing needs the community's message
 * consent first (the mini app asks with VKWebAppAllowMessagesFromGroup; `message_allow` records it, see
 * server/mailing/consent.ts): without it 409 `no_message_consent`, and outside the VK client 409 `alerts_vk_only`
 * (./category-alerts-channel.ts), so nothing is stored that could never be sent.
 * The language of the caller's launch is kept for the message (./category-alerts.ts).
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { loadCampaign, requireParticipantId } from '../promo/promo-context.ts';
import { requireCategoryAlerts } from './category-alerts-channel.ts';

async function communityGroupId(deps: Deps, communityId: number | null): Promise<number | undefined> {
  if (communityId === null) return undefined;
  const [row] = await deps.db
    .select({ vkGroupId: schema.communities.vkGroupId })
    .from(schema.communities)
    .where(eq(schema.communities.id, communityId))
    .limit(1);
  return row?.vkGroupId;
}

/**
 * @example await setCategorySubscription(deps, identity, 7, 'tea', true) // { subscribed: true }
 */
export async function setCategorySubscription(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  categoryId: string,
  on: boolean,
): Promise<{ subscribed: boolean }> {
  const campaign = await loadCampaign(deps, identity, campaignId);
  const { id: participantId } = await requireParticipantId(deps.db, campaignId, identity);
  const subs = schema.offerCategorySubscriptions;
  if (!on) {
    await inTransaction(deps.db, (tx) =>
      tx.delete(subs).where(and(eq(subs.participantId, participantId), eq(subs.categoryExternalId, categoryId))),
    );
    return { subscribed: false };
  }
  await requireCategoryAlerts(deps.db, identity, await communityGroupId(deps, campaign.communityId));
  await inTransaction(deps.db, async (tx) => {
    const [category] = await tx
      .select({ id: schema.offerCategories.id })
      .from(schema.offerCategories)
      .where(and(eq(schema.offerCategories.campaignId, campaignId), eq(schema.offerCategories.externalId, categoryId)))
      .limit(1);
    if (!category) throw new ApiError(404, 'category_not_found', 'This category does not exist');
    await tx
      .insert(subs)
      .values({ campaignId, participantId, categoryExternalId: categoryId, language: identity.language })
      .onConflictDoUpdate({
        target: [subs.participantId, subs.categoryExternalId],
        set: { language: identity.language },
      });
  });
  return { subscribed: true };
}
