/**
 * @module Whether an offer is live on a given day: imported and not ended, and the campaign's local date (its time
 * zone) inside `starts_on…ends_on`, both ends included. So an offer ending on the 5th is shown all of the 5th, where
 * the campaign is, and disappears at local midnight.
 */
import { and, eq, gte, isNull, lte, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { rows, statement } from '../db/prepared.ts';
import { campaignDay } from '../promo/campaign-day.ts';

export type OfferDayStatus = 'active' | 'ended' | 'scheduled' | 'expired';

/** The campaign's local date now, `YYYY-MM-DD`. */
export const catalogueToday = (now: number, timeZone: string) => campaignDay(now, timeZone);

/** @example offerDayStatus({ status: 'active', startsOn: null, endsOn: '2026-12-01' }, '2026-12-02') // 'expired' */
export function offerDayStatus(
  offer: { status: 'active' | 'ended'; startsOn: string | null; endsOn: string | null },
  today: string,
): OfferDayStatus {
  if (offer.status === 'ended') return 'ended';
  if (offer.startsOn && offer.startsOn > today) return 'scheduled';
  if (offer.endsOn && offer.endsOn < today) return 'expired';
  return 'active';
}

/** The same test in SQL (dates are `YYYY-MM-DD` text, so text order is date order on both databases). */
export function liveOn(campaignId: number | Placeholder, today: string | Placeholder): SQL {
  const { offers } = schema;
  return and(
    eq(offers.campaignId, campaignId),
    eq(offers.status, 'active'),
    or(isNull(offers.startsOn), lte(offers.startsOn, today)),
    or(isNull(offers.endsOn), gte(offers.endsOn, today)),
  ) as SQL;
}

/** One probe of the `(campaign_id, status, …)` index that stops at the first live offer; declared once (db/prepared.ts). */
const firstLiveOffer = statement((db) =>
  db
    .select({ id: schema.offers.id })
    .from(schema.offers)
    .where(liveOn(sql.placeholder('campaignId'), sql.placeholder('today')))
    .limit(rows(1)),
);

/**
 * Whether the campaign has an offer live today where it runs: the campaign screen shows its way into the catalogue
 * only then. It is on the first screen's path, so it reads one row at most, never counts.
 * @example await hasLiveOffers(db, { id: 7, timeZone: 'Europe/Moscow' }, Date.now()) // true
 */
export async function hasLiveOffers(db: Db, campaign: { id: number; timeZone: string }, now: number): Promise<boolean> {
  const today = catalogueToday(now, campaign.timeZone);
  return (await firstLiveOffer.get(db, { campaignId: campaign.id, today })) !== undefined;
}
