/**
 * How a broadcast's state reads in the office, the same in the list and on its progress page: scheduled for when,
 * stopped by a member, or not sent at all with why (its moment came while the agency had switched the brand off,
 * decision 054); and the words for why single messages were not sent (the outbox's `cancelled` reasons) or failed
 * (the sender's reasons, bot/sender/vk-errors.ts: a code of ours, or VK's own code and text).
 */
import type { StaleReason } from '../../../server/mailing/outbox-stale.ts';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import type { Language } from '../../intl-formats.ts';
import type { MailingsMessages } from '../i18n-mailings.ts';
import type { Broadcast } from './mailing-api.ts';

/**
 * The state line; `enqueued` is the caller's words for one already handed to the outbox (the list counts its
 * audience, the progress page knows whether anything is left to send).
 * @example broadcastState(m, 'ru', b, 'Europe/Moscow', m.status_done)
 */
export function broadcastState(
  m: MailingsMessages,
  language: Language,
  b: Pick<Broadcast, 'status' | 'cancelReason' | 'scheduledAt'>,
  timeZone: string,
  enqueued: string,
): string {
  if (b.status === 'cancelled') {
    return b.cancelReason === 'brand_switched_off' ? m.status_notSent_brandSwitchedOff : m.status_cancelled;
  }
  if (b.status === 'scheduled')
    return fill(m.status_scheduled, { date: formatDateTime(b.scheduledAt, language, timeZone) });
  return enqueued;
}

const REASONS = {
  brand_switched_off: 'reason_brand_switched_off',
  broadcast_cancelled: 'reason_broadcast_cancelled',
  consent_revoked: 'reason_consent_revoked',
  rule_or_campaign_not_live: 'reason_rule_or_campaign_not_live',
  moved_on: 'reason_moved_on',
} as const satisfies Record<StaleReason, keyof MailingsMessages>;

/** Why messages were not sent, in words; a reason not worded yet reads as its code. */
export function notSentReason(m: MailingsMessages, reason: string): string {
  const key = REASONS[reason as keyof typeof REASONS];
  return key ? m[key] : reason;
}

const FAILED = {
  notifications_disabled: 'failed_notifications_disabled',
  app_not_installed: 'failed_app_not_installed',
  consent_revoked: 'reason_consent_revoked',
  privacy_settings: 'failed_privacy_settings',
  delivery_unknown: 'failed_delivery_unknown',
  notification_hourly_limit: 'failed_notification_hourly_limit',
  notification_daily_limit: 'failed_notification_daily_limit',
} as const satisfies Record<string, keyof MailingsMessages>;

/**
 * Why messages failed, in words: the sender's own codes, VK's refusals (`vk_<code>: <VK's text>`, VK's text kept: it
 * names what VK disliked), VK not answering (`network: …`) and retries run out (`attempts_exhausted: <reason>`); a
 * reason not worded yet reads as its code.
 * @example failedReason(m, 'vk_914: Message is too long') // 'ВКонтакте отказал (код 914): Message is too long'
 */
export function failedReason(m: MailingsMessages, reason: string): string {
  const exhausted = /^attempts_exhausted: (.*)$/s.exec(reason);
  if (exhausted) return fill(m.failed_attemptsExhausted, { reason: failedReason(m, exhausted[1] ?? '') });
  const vk = /^vk_(\d+): (.*)$/s.exec(reason);
  if (vk) return fill(m.failed_vk, { code: vk[1] ?? '', text: vk[2] ?? '' });
  const network = /^network: (.*)$/s.exec(reason);
  if (network) return fill(m.failed_network, { text: network[1] ?? '' });
  const key = FAILED[reason as keyof typeof FAILED];
  return key ? m[key] : reason;
}
