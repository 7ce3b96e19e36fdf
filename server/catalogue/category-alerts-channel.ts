/**
 * @module Whether following a category can work for the caller. Alerts go out as the community's VK messages, which
 * need the user's consent, asked by VKWebAppAllowMessagesFromGroup inside the VK client. OK and Telegram have no such
 * channel for a VK community (neither a message consent nor a way to write to the user), and on the web entry the
 * VK user cannot give consent, so there it works only if they already gave it in VK. Decided from the verified
 * identity, never the client's word: the list says it, and a subscription outside it is 409 `alerts_vk_only`.
 */
import type { Identity } from '../auth/identity.ts';
import { WEB_ENTRY_DETAIL } from '../auth/vk-id/web-session.ts';
import type { Db } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';
import { hasConsent } from '../mailing/consent.ts';

const vkUserIdOf = (identity: Identity) => {
  const id = Number(identity.userId);
  return Number.isSafeInteger(id) ? id : undefined;
};

/**
 * @example await categoryAlertsOffered(db, okIdentity, 200000777) // false
 */
export async function categoryAlertsOffered(
  db: Db,
  identity: Identity,
  vkGroupId: number | undefined,
): Promise<boolean> {
  const vkUserId = vkUserIdOf(identity);
  if (identity.platform !== 'vk' || vkGroupId === undefined || vkUserId === undefined) return false;
  if (identity.platformDetail !== WEB_ENTRY_DETAIL) return true;
  return hasConsent(db, vkGroupId, vkUserId, 'message');
}

/** Throws 409 `alerts_vk_only` where following cannot work, 409 `no_message_consent` where consent can be asked. */
export async function requireCategoryAlerts(db: Db, identity: Identity, vkGroupId: number | undefined): Promise<void> {
  if (!(await categoryAlertsOffered(db, identity, vkGroupId))) {
    throw new ApiError(409, 'alerts_vk_only', 'Offer alerts are VK community messages: follow from the app inside VK');
  }
  const vkUserId = vkUserIdOf(identity);
  if (vkGroupId === undefined || vkUserId === undefined || !(await hasConsent(db, vkGroupId, vkUserId, 'message'))) {
    throw new ApiError(409, 'no_message_consent', 'Allow messages from the community first');
  }
}
