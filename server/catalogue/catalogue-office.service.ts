/** @module The office's read of a campaign's catalogue: every offer with its status today, and the categories. */
import { asc, count, eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { officeCampaignFor } from '../calculator/calculator-office.service.ts';
import { schema } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { catalogueToday, offerDayStatus } from './offer-status.ts';

/** Offers shown in the office list at most (the newest first within each status); `total` says how many there are. */
export const OFFICE_LIST_LIMIT = 1000;

export async function officeOffers(deps: Deps, identity: Identity, campaignId: number) {
  const campaign = await officeCampaignFor(deps.db, identity, campaignId, 'campaigns');
  const today = catalogueToday(deps.now(), campaign.timeZone);
  const { offers, offerCategories } = schema;
  const rows = await deps.db
    .select()
    .from(offers)
    .where(eq(offers.campaignId, campaignId))
    .orderBy(asc(offers.status), asc(offers.title), asc(offers.id))
    .limit(OFFICE_LIST_LIMIT);
  const [total] = await deps.db.select({ n: count() }).from(offers).where(eq(offers.campaignId, campaignId));
  const categories = await deps.db
    .select({ externalId: offerCategories.externalId, name: offerCategories.name })
    .from(offerCategories)
    .where(eq(offerCategories.campaignId, campaignId))
    .orderBy(asc(offerCategories.name));
  return {
    offers: rows.map((r) => ({
      id: r.id,
      externalId: r.externalId,
      title: r.title,
      categoryExternalId: r.categoryExternalId,
      region: r.region,
      price: r.price,
      oldPrice: r.oldPrice,
      discountPercent: r.discountPercent,
      currency: r.currency,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      status: offerDayStatus(r, today),
      updatedAt: r.updatedAt,
    })),
    categories,
    total: total?.n ?? 0,
  };
}
