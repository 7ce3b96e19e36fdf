/**
 * @module What the sender does with each VK answer: 6 → retry soon, 9 → back off for this user, 901/902 → the user
 * withdrew consent (row closed, consent recorded), everything else (10 included) → failed with the reason.
 * Notification per-user codes: 1 disabled → consent revoked, 2/3 hourly/daily limit → back off, 4 → failed.
 */
import type { MessageChannel } from '../../server/mailing/outbox-claim.ts';

export type Verdict =
  | { action: 'retry'; delayMs: number; reason: string }
  | { action: 'revoke'; reason: string }
  | { action: 'fail'; reason: string };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Errors that refuse the token itself, not one recipient: 5 (user authorization failed: the key was regenerated or
 * revoked), 27 (group authorization failed), 28 (application authorization failed), 29 (the method's quota is spent).
 * Every row of every call would get the same answer: the rows go back to the queue unspent and the channel pauses
 * (found from outside: a key regenerated in VK turned a 2,000-user broadcast into 2,000 failures in one second).
 */
export function tokenRefusal(code: number | undefined): { pauseMs: number } | undefined {
  if (code === 5 || code === 27 || code === 28) return { pauseMs: MINUTE };
  if (code === 29) return { pauseMs: HOUR };
  return undefined;
}

/** Gives up on a row after this many attempts that ended in a retry. */
export const MAX_ATTEMPTS = 8;

export function retryDelay(base: number, attempts: number, cap = 6 * HOUR): number {
  return Math.min(cap, base * 2 ** Math.max(0, attempts - 1));
}

/** Classifies a VK error code for one recipient after `attempts` attempts (including this one). */
export function classifyVkError(
  code: number | undefined,
  message: string,
  channel: MessageChannel,
  attempts: number,
): Verdict {
  // vk-io prefixes VK's error_msg with "Code №N - "; the code is already in the reason.
  const text = message.replace(/^Code №\d+ - /, '');
  const reason = code === undefined ? `network: ${text}` : `vk_${code}: ${text}`;
  if (code === undefined) return { action: 'retry', delayMs: retryDelay(2 * SECOND, attempts), reason };
  if (channel === 'notification') {
    if (code === 1) return { action: 'revoke', reason: 'notifications_disabled' };
    if (code === 2) return { action: 'retry', delayMs: HOUR, reason: 'notification_hourly_limit' };
    if (code === 3) return { action: 'retry', delayMs: 24 * HOUR, reason: 'notification_daily_limit' };
    if (code === 4) return { action: 'fail', reason: 'app_not_installed' };
  }
  switch (code) {
    case 6:
      return { action: 'retry', delayMs: retryDelay(SECOND, attempts, MINUTE), reason };
    case 9:
      return { action: 'retry', delayMs: retryDelay(10 * MINUTE, attempts), reason };
    case 901:
      return { action: 'revoke', reason: 'consent_revoked' };
    case 902:
      return { action: 'revoke', reason: 'privacy_settings' };
    default:
      return { action: 'fail', reason };
  }
}
