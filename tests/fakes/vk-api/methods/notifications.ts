/**
 * @module Mini-app notifications (service token `service:<appId>`): `apps.isNotificationsAllowed` and
 * `notifications.sendMessage` — ≤ 100 user_ids, message ≤ 254 chars, fragment ≤ 2047, per-user status
 * array where a user who did not allow notifications gets `status: false, error: {code: 1}`; a repeated
 * random_id of the same app within an hour returns the first result without re-sending.
 */
import { invalidParam } from '../errors.ts';
import { optionalIntList, optionalString, requireInt, requireString } from '../params.ts';
import type { NotificationStatus } from '../state.ts';
import { requireServiceToken } from '../tokens.ts';
import type { MethodContext } from './context.ts';

const MAX_USER_IDS = 100;
const MAX_MESSAGE_LENGTH = 254;
const MAX_FRAGMENT_LENGTH = 2047;
const NOTIFICATIONS_DISABLED = { code: 1, description: 'Notifications disabled' };

export function appsIsNotificationsAllowed(context: MethodContext): { is_allowed: boolean } {
  const appId = requireServiceToken(context.identity, 'apps.isNotificationsAllowed');
  const userId = requireInt(context.params, 'user_id');
  return { is_allowed: context.state.areNotificationsAllowed(appId, userId) };
}

export function notificationsSendMessage(context: MethodContext): NotificationStatus[] {
  const { params, state } = context;
  const appId = requireServiceToken(context.identity, 'notifications.sendMessage');
  const userIds = optionalIntList(params, 'user_ids', MAX_USER_IDS);
  if (userIds === undefined) throw invalidParam('user_ids is undefined');
  const message = requireString(params, 'message');
  if (message.length > MAX_MESSAGE_LENGTH) throw invalidParam(`message is longer than ${MAX_MESSAGE_LENGTH}`);
  const fragment = optionalString(params, 'fragment');
  if (fragment !== undefined && fragment.length > MAX_FRAGMENT_LENGTH) {
    throw invalidParam(`fragment is longer than ${MAX_FRAGMENT_LENGTH}`);
  }

  const randomId = optionalString(params, 'random_id');
  const dedupeKey = randomId === undefined || randomId === '0' ? undefined : `${appId}:${randomId}`;
  const earlier = dedupeKey === undefined ? undefined : state.sentNotificationRandomIds.recall(dedupeKey);
  if (earlier) return earlier;

  const statuses = userIds.map(
    (userId): NotificationStatus =>
      state.areNotificationsAllowed(appId, userId)
        ? { user_id: userId, status: true }
        : { user_id: userId, status: false, error: NOTIFICATIONS_DISABLED },
  );
  const reached = statuses.filter((entry) => entry.status).map((entry) => entry.user_id);
  if (reached.length > 0) {
    state.notifications.push({ userIds: reached, message, ...(fragment && { fragment }), appId, at: state.clock() });
  }
  if (dedupeKey !== undefined) state.sentNotificationRandomIds.remember(dedupeKey, statuses);
  return statuses;
}
