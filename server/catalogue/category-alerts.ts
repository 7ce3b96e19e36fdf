/**
 * @module "Tell me about new offers in this category": when an import adds offers, each subscriber of their category
 * gets one community message (with an `open_app` button to the first new offer) in the language they subscribed in,
 * written to the outbox in the import's transaction. The dedupe key names the first added offer, a row id no later
 * import can add again, so no one hears twice about the same offer. Only subscribers whose message consent is still
 * given are written to; the sender re-checks consent at send time. An import that would alert someone while the agency
 * has switched the brand off is refused with 409 `brand_switched_off`, writing nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { requireBrandSwitchedOn } from '../auth/permissions.ts';
import type { CampaignRow } from '../campaigns/campaign.service.ts';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { hasConsent } from '../mailing/consent.ts';
import { contentLanguage } from '../mailing/message-language.ts';
import { OPEN_APP_LABEL, openAppKeyboard } from '../mailing/open-app-button.ts';
import { enqueue, type OutboxDraft } from '../mailing/outbox.ts';
import { offerHash } from './offer-links.ts';

export interface AddedOffer {
  id: number;
  title: string;
  categoryExternalId: string | null;
}

/** @example alertText('ru', 'Чай', 'Улун', 2) // 'Новые предложения в категории «Чай»: Улун и ещё 2' */
export function alertText(language: ContentLanguage, category: string, first: string, more: number): string {
  if (language === 'en') return `New offers in “${category}”: ${first}${more > 0 ? ` and ${more} more` : ''}`;
  return `Новые предложения в категории «${category}»: ${first}${more > 0 ? ` и ещё ${more}` : ''}`;
}

/**
 * Queues the messages for the offers an import added; answers how many were queued.
 * @example await alertSubscribers(tx, deps, campaign, [{ id: 41, title: 'Tea', categoryExternalId: '1' }], now)
 */
export async function alertSubscribers(
  tx: Tx,
  deps: Pick<Deps, 'config'>,
  campaign: CampaignRow,
  added: readonly AddedOffer[],
  now: number,
): Promise<number> {
  const byCategory = new Map<string, AddedOffer[]>();
  for (const offer of added) {
    if (!offer.categoryExternalId) continue;
    const list = byCategory.get(offer.categoryExternalId) ?? [];
    list.push(offer);
    byCategory.set(offer.categoryExternalId, list);
  }
  if (byCategory.size === 0 || campaign.communityId === null) return 0;
  const [community] = await tx
    .select({ vkGroupId: schema.communities.vkGroupId })
    .from(schema.communities)
    .where(eq(schema.communities.id, campaign.communityId))
    .limit(1);
  if (!community) return 0;
  const { offerCategorySubscriptions: subs, participants, offerCategories } = schema;
  const subscribers = await tx
    .select({
      participantId: subs.participantId,
      categoryExternalId: subs.categoryExternalId,
      language: subs.language,
      platform: participants.platform,
      platformUserId: participants.platformUserId,
    })
    .from(subs)
    .innerJoin(participants, eq(participants.id, subs.participantId))
    .where(and(eq(subs.campaignId, campaign.id), inArray(subs.categoryExternalId, [...byCategory.keys()])));
  const names = new Map(
    (
      await tx
        .select({ externalId: offerCategories.externalId, name: offerCategories.name })
        .from(offerCategories)
        .where(eq(offerCategories.campaignId, campaign.id))
    ).map((c) => [c.externalId, c.name]),
  );
  const drafts: OutboxDraft[] = [];
  for (const s of subscribers) {
    const vkUserId = Number(s.platformUserId);
    const offers = byCategory.get(s.categoryExternalId);
    const first = offers?.[0];
    if (s.platform !== 'vk' || !Number.isSafeInteger(vkUserId) || !offers || !first) continue;
    if (!(await hasConsent(tx, community.vkGroupId, vkUserId, 'message'))) continue;
    const language = contentLanguage(s.language);
    const hash = offerHash(campaign.id, first.id);
    const category = names.get(s.categoryExternalId) ?? s.categoryExternalId;
    drafts.push({
      dedupeKey: `catalogue:${campaign.id}:${s.participantId}:offer:${first.id}`,
      kind: 'catalogue',
      campaignId: campaign.id,
      participantId: s.participantId,
      vkGroupId: community.vkGroupId,
      vkUserId,
      channel: 'message',
      text: alertText(language, category, first.title, offers.length - 1),
      extras: {
        keyboard: openAppKeyboard(OPEN_APP_LABEL[language], deps.config.VK_APP_ID, community.vkGroupId, hash),
        fragment: hash,
        intent: 'catalogue_alert',
      },
      nextAttemptAt: now,
    });
  }
  if (drafts.length === 0) return 0;
  // Switched off, the brand tells no one; the import is refused (its transaction undone) rather than its alerts held
  // or closed unsent while the report counts them, and the offers then never announced (decision 054).
  await requireBrandSwitchedOn(tx, campaign.brandId);
  return (await enqueue(tx, drafts, now)).inserted;
}
