/**
 * @module The participant's catalogue: offers live today in the campaign's time zone (./offer-status.ts), filtered by
 * category, region and a search in title and description; one offer's card; favourites. Reading needs only a campaign
 * the caller may see; writing needs their participation (open the campaign first).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { type Db, schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { findParticipant, loadCampaign, requireParticipantId } from '../promo/promo-context.ts';
import { categoryAlertsOffered } from './category-alerts-channel.ts';
import { offerShareUrl } from './offer-links.ts';
import { catalogueToday, liveOn } from './offer-status.ts';

/** Offers one list answers at most (a retailer's catalogue is hundreds; the search narrows the rest). */
export const LIST_LIMIT = 200;

type OfferRow = typeof schema.offers.$inferSelect;

export interface OfferView {
  id: number;
  title: string;
  description: string | null;
  imageUrl: string | null;
  oldPrice: number | null;
  price: number | null;
  discountPercent: number | null;
  currency: string;
  startsOn: string | null;
  endsOn: string | null;
  categoryId: string | null;
  region: string | null;
  howToUse: string | null;
  url: string | null;
  favourite: boolean;
}

export interface CatalogueFilter {
  q?: string;
  category?: string;
  region?: string;
}

const view = (r: OfferRow, favourites: ReadonlySet<number>): OfferView => ({
  id: r.id,
  title: r.title,
  description: r.description,
  imageUrl: r.imageUrl,
  oldPrice: r.oldPrice,
  price: r.price,
  discountPercent: r.discountPercent,
  currency: r.currency,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  categoryId: r.categoryExternalId,
  region: r.region,
  howToUse: r.howToUse,
  url: r.url,
  favourite: favourites.has(r.id),
});

/** Case-insensitive in any script (SQLite's LIKE folds ASCII only), so the search runs here on the live rows. */
/**
 * Text as search compares it: lower case, ё as е (Russian writes "ежик" for "ёжик" as often as not), and accents
 * dropped (`İstanbul`, `café`), so a participant finds an offer however they typed it; й stays й (a letter of its own,
 * not an accented и).
 */
export const searchable = (text: string) =>
  text
    .toLocaleLowerCase('ru')
    .replaceAll('й', '\uE000')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replaceAll('\uE000', 'й');

const matches = (r: OfferRow, q: string) =>
  searchable(r.title).includes(q) || searchable(r.description ?? '').includes(q);

async function favouriteIds(db: Db, participantId: number | undefined): Promise<Set<number>> {
  if (participantId === undefined) return new Set();
  const rows = await db
    .select({ offerId: schema.offerFavourites.offerId })
    .from(schema.offerFavourites)
    .where(eq(schema.offerFavourites.participantId, participantId));
  return new Set(rows.map((r) => r.offerId));
}

async function context(deps: Deps, identity: Identity, campaignId: number) {
  const campaign = await loadCampaign(deps, identity, campaignId);
  const participant = await findParticipant(deps.db, campaignId, identity);
  return { campaign, participant, today: catalogueToday(deps.now(), campaign.timeZone) };
}

/**
 * The catalogue screen: categories and regions of today's offers (with counts), the offers matching the filter,
 * the caller's favourites and category subscriptions.
 * @example await listOffers(deps, identity, 7, { category: '12', q: 'чай' })
 */
export async function listOffers(deps: Deps, identity: Identity, campaignId: number, filter: CatalogueFilter) {
  const { campaign, participant, today } = await context(deps, identity, campaignId);
  const { offers, offerCategories, offerCategorySubscriptions: subs } = schema;
  const live = await deps.db
    .select()
    .from(offers)
    .where(liveOn(campaignId, today))
    .orderBy(asc(offers.title), asc(offers.id));
  const names = await deps.db
    .select({ externalId: offerCategories.externalId, name: offerCategories.name })
    .from(offerCategories)
    .where(eq(offerCategories.campaignId, campaignId))
    .orderBy(asc(offerCategories.name));
  const perCategory = new Map<string, number>();
  const regions = new Set<string>();
  for (const r of live) {
    if (r.categoryExternalId) perCategory.set(r.categoryExternalId, (perCategory.get(r.categoryExternalId) ?? 0) + 1);
    if (r.region) regions.add(r.region);
  }
  const q = searchable(filter.q?.trim() ?? '');
  const chosen = live.filter(
    (r) =>
      (!filter.category || r.categoryExternalId === filter.category) &&
      (!filter.region || r.region === filter.region) &&
      (q === '' || matches(r, q)),
  );
  const favourites = await favouriteIds(deps.db, participant?.id);
  const subscribed = participant
    ? (
        await deps.db
          .select({ categoryExternalId: subs.categoryExternalId })
          .from(subs)
          .where(eq(subs.participantId, participant.id))
      ).map((s) => s.categoryExternalId)
    : [];
  const [community] =
    campaign.communityId === null
      ? []
      : await deps.db
          .select({ vkGroupId: schema.communities.vkGroupId })
          .from(schema.communities)
          .where(eq(schema.communities.id, campaign.communityId))
          .limit(1);
  return {
    messagesGroupId: community?.vkGroupId ?? null,
    categoryAlerts: await categoryAlertsOffered(deps.db, identity, community?.vkGroupId),
    categories: names
      .filter((c) => perCategory.has(c.externalId))
      .map((c) => ({ id: c.externalId, name: c.name, count: perCategory.get(c.externalId) ?? 0 })),
    regions: [...regions].sort((a, b) => a.localeCompare(b, 'ru')),
    offers: chosen.slice(0, LIST_LIMIT).map((r) => view(r, favourites)),
    total: chosen.length,
    subscribedCategories: subscribed,
  };
}

/** One offer's card, while it is live today (404 `offer_not_found` otherwise: ended, expired, or another campaign's). */
export async function getOffer(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  offerId: number,
): Promise<OfferView & { shareUrl: string | null }> {
  const { campaign, participant, today } = await context(deps, identity, campaignId);
  const [row] = await deps.db
    .select()
    .from(schema.offers)
    .where(and(liveOn(campaignId, today), eq(schema.offers.id, offerId)))
    .limit(1);
  if (!row) throw new ApiError(404, 'offer_not_found', 'This offer has ended or does not exist');
  const [app] = await deps.db
    .select({ vkAppId: schema.apps.vkAppId })
    .from(schema.apps)
    .where(eq(schema.apps.id, campaign.appId));
  return {
    ...view(row, await favouriteIds(deps.db, participant?.id)),
    shareUrl: offerShareUrl(deps.config, identity.platform, app?.vkAppId ?? null, campaignId, row.id),
  };
}

/** The caller's favourites that are still live today (an ended one stays stored and shows again if it returns). */
export async function listFavourites(deps: Deps, identity: Identity, campaignId: number) {
  const { participant, today } = await context(deps, identity, campaignId);
  const favourites = await favouriteIds(deps.db, participant?.id);
  if (favourites.size === 0) return { offers: [] };
  const rows = await deps.db
    .select()
    .from(schema.offers)
    .where(and(liveOn(campaignId, today), inArray(schema.offers.id, [...favourites])))
    .orderBy(asc(schema.offers.title));
  return { offers: rows.map((r) => view(r, favourites)) };
}

/**
 * Adds (`on`) or removes an offer from the caller's favourites; adding needs the offer live today. Idempotent.
 * @example await setFavourite(deps, identity, 7, 41, true) // { favourite: true }
 */
export async function setFavourite(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  offerId: number,
  on: boolean,
): Promise<{ favourite: boolean }> {
  const campaign = await loadCampaign(deps, identity, campaignId);
  const { id: participantId } = await requireParticipantId(deps.db, campaignId, identity);
  const today = catalogueToday(deps.now(), campaign.timeZone);
  const { offerFavourites: fav } = schema;
  await inTransaction(deps.db, async (tx) => {
    if (!on) {
      await tx.delete(fav).where(and(eq(fav.participantId, participantId), eq(fav.offerId, offerId)));
      return;
    }
    const [live] = await tx
      .select({ id: schema.offers.id })
      .from(schema.offers)
      .where(and(liveOn(campaignId, today), eq(schema.offers.id, offerId)))
      .limit(1);
    if (!live) throw new ApiError(404, 'offer_not_found', 'This offer has ended or does not exist');
    await tx.insert(fav).values({ participantId, offerId }).onConflictDoNothing();
  });
  return { favourite: on };
}
