/**
 * @module Deep links into the catalogue, in the shape of the mini app's routes (miniapp/routes.ts `paths.offer`,
 * `paths.offers`) without the leading `/`: the `open_app` button's `hash` and a notification's `fragment`.
 */

/** @example offerHash(3, 17) // 'campaign/3/offer/17' */
export const offerHash = (campaignId: number, offerId: number) => `campaign/${campaignId}/offer/${offerId}`;

/** @example catalogueHash(3) // 'campaign/3/offers' */
export const catalogueHash = (campaignId: number) => `campaign/${campaignId}/offers`;
