/**
 * How a broadcast's state reads in the office, the same in the list and on its progress page: scheduled for when,
 * stopped by a member, or not sent at all or only in part with why (the agency switched the brand off: when its moment
 * came, decision 054, or while its messages waited, decision 064; or its community had no token, decision 078, or its app no service token, decision 090); and the words for why single messages were not sent (the outbox's `cancelled` reasons) or failed
 * (the sender's reasons, bot/sender/vk-errors.ts: a code of ours, or VK's own code and text).
 */
import type { CloseReason } from '../../../server/mailing/close-reasons.ts';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import type { Language } from '../../intl-formats.ts';
import type { MailingsMessages } from '../i18n-mailings.ts';
import type { Broadcast } from './mailing-api.ts';

/**
 * The state line, the one home of it: the list and the broadcast's page show the same words. One handed to the outbox
 * reads "sending · recipients: N" while any of its messages is still to send (`openCount`: queued or sending), then
 * "finished" — before, the list said "sending" for ever, as it did not know whether anything was left. One the agency
 * stopped by switching the brand off while its messages waited (decision 064) says how many of them went out: none,
 * or some of all.
 * @example broadcastState(m, 'ru', { ...b, sentCount: 5, openCount: 0 }, 'Europe/Moscow') // 'Завершена'
 */
export function broadcastState(
  m: MailingsMessages,
  language: Language,
  b: Pick<Broadcast, 'status' | 'cancelReason' | 'scheduledAt' | 'enqueuedCount'> & {
    sentCount: number;
    openCount: number;
  },
  timeZone: string,
): string {
  if (b.status === 'cancelled') {
    if (b.cancelReason === 'no_community_token') {
      // Its messages came due while its community had no token (decision 078): written, then closed unsent.
      const counts = { sent: b.sentCount, total: b.enqueuedCount };
      return fill(b.sentCount > 0 ? m.status_partlySent_noCommunityToken : m.status_notSent_noCommunityToken, counts);
    }
    if (b.cancelReason === 'no_app_token') {
      // Its notifications came due while its VK app had no service token (decision 090): written, then closed unsent.
      const counts = { sent: b.sentCount, total: b.enqueuedCount };
      return fill(b.sentCount > 0 ? m.status_partlySent_noAppToken : m.status_notSent_noAppToken, counts);
    }
    if (b.cancelReason !== 'brand_switched_off') return m.status_cancelled;
    // Nothing written for it: its moment came while the brand was off (decision 054).
    if (b.enqueuedCount === 0) return m.status_notSent_brandSwitchedOff;
    const counts = { sent: b.sentCount, total: b.enqueuedCount };
    return fill(
      b.sentCount > 0 ? m.status_partlySent_brandSwitchedOff : m.status_notSent_brandSwitchedOffQueued,
      counts,
    );
  }
  if (b.status === 'scheduled')
    return fill(m.status_scheduled, { date: formatDateTime(b.scheduledAt, language, timeZone) });
  if (b.openCount === 0) return m.status_done;
  return `${m.status_enqueued} · ${fill(m.audience, { count: b.enqueuedCount })}`;
}

const REASONS = {
  brand_switched_off: 'reason_brand_switched_off',
  no_community_token: 'reason_no_community_token',
  no_app_token: 'reason_no_app_token',
  broadcast_cancelled: 'reason_broadcast_cancelled',
  consent_revoked: 'reason_consent_revoked',
  rule_or_campaign_not_live: 'reason_rule_or_campaign_not_live',
  moved_on: 'reason_moved_on',
  tester_reset: 'reason_tester_reset',
  unrecorded: 'reason_unrecorded',
} as const satisfies Record<CloseReason, keyof MailingsMessages>;

/**
 * Why messages were not sent, in words: the reason the server read from each closed row (server/mailing/close-reasons.ts),
 * every one of which is worded.
 * @example notSentReason(m, 'consent_revoked') // 'Получатель запретил сообщения'
 */
export function notSentReason(m: MailingsMessages, reason: CloseReason): string {
  return m[REASONS[reason]];
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
 * names what VK disliked; the rate and flood limits the sender retries, 6 and 9, in words), VK not answering
 * (`network: …`) and retries run out (`attempts_exhausted: <reason>`, one sentence); a
 * reason not worded yet reads as its code.
 * @example failedReason(m, 'vk_914: Message is too long') // 'ВКонтакте отказал (код 914): Message is too long'
 */
export function failedReason(m: MailingsMessages, reason: string): string {
  const exhausted = /^attempts_exhausted: (.*)$/s.exec(reason);
  if (exhausted) return withReason(m.failed_attemptsExhausted, failedReason(m, exhausted[1] ?? ''));
  const vk = /^vk_(\d+): (.*)$/s.exec(reason);
  // The refusals the sender retries, in words; any other keeps VK's own text, which names what VK disliked.
  if (vk?.[1] === '6') return m.failed_vk_6;
  if (vk?.[1] === '9') return m.failed_vk_9;
  if (vk) return fill(m.failed_vk, { code: vk[1] ?? '', text: vk[2] ?? '' });
  const network = /^network: (.*)$/s.exec(reason);
  if (network) return fill(m.failed_network, { text: network[1] ?? '' });
  const key = FAILED[reason as keyof typeof FAILED];
  return key ? m[key] : reason;
}
