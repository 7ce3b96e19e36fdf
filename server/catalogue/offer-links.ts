/**
 * @module Deep links into the catalogue, in the shape of the mini app's routes (miniapp/routes.ts `paths.offer`,
 * `paths.offers`) without the leading `/`: the `open_app` button's `hash` and a notification's `fragment`; and an
 * offer's share link into the app of the sharer's own platform.
 */
import type { Platform } from '../auth/identity.ts';
import type { Config } from '../config.ts';
import { toCustomArgs, toStartParam } from '../promo/participation/deep-link.ts';

/** @example offerHash(3, 17) // 'campaign/3/offer/17' */
export const offerHash = (campaignId: number, offerId: number) => `campaign/${campaignId}/offer/${offerId}`;

/** @example catalogueHash(3) // 'campaign/3/offers' */
export const catalogueHash = (campaignId: number) => `campaign/${campaignId}/offers`;

/**
 * An offer's share link: it opens the offer in the app of the platform the participant launched, as an invitation's
 * link does (promo/tasks/task-view.ts `shareLink`, decision 048). VK: the campaign's VK app, the route in the hash. OK
 * and Telegram: the app's configured address (`OK_APP_URL`, `TELEGRAM_APP_URL`) with the route in `custom_args` /
 * `startapp`; null while it is not configured, rather than a VK link that the sharer's friends on OK or in Telegram
 * would open in another app, as someone else.
 * @example offerShareUrl(config, 'telegram', null, 3, 17) // 'https://t.me/promo_bot/promo?startapp=campaign-3-offer-17'
 */
export function offerShareUrl(
  config: Pick<Config, 'OK_APP_URL' | 'TELEGRAM_APP_URL'>,
  platform: Platform,
  vkAppId: number | null,
  campaignId: number,
  offerId: number,
): string | null {
  const hash = offerHash(campaignId, offerId);
  switch (platform) {
    case 'vk':
      return vkAppId ? `https://vk.com/app${vkAppId}#/${hash}` : null;
    case 'ok':
      return config.OK_APP_URL
        ? `${config.OK_APP_URL}?custom_args=${encodeURIComponent(toCustomArgs({ route: `/${hash}` }))}`
        : null;
    case 'telegram': {
      const startParam = toStartParam({ route: `/${hash}` });
      return config.TELEGRAM_APP_URL && startParam ? `${config.TELEGRAM_APP_URL}?startapp=${startParam}` : null;
    }
  }
}
