/**
 * @module Why an outbox row was closed unsent (`cancelled`), as the office counts it: the stored `error_reason` every
 * closing path writes (outbox-stale.ts, consent.ts, broadcast.service.ts, outbox-switched-off.ts, outbox-no-token.ts,
 * the tester wipe), read into one closed list, so the office words every reason it can be shown and a row written
 * with none (by an earlier release, decision 055) reads as "not recorded", never as a bare code.
 */
import type { BroadcastCancelReason } from '../db/schema/messaging.ts';
import type { StaleReason } from './outbox-stale.ts';

export const CLOSE_REASONS = [
  'consent_revoked',
  'broadcast_cancelled',
  'brand_switched_off',
  'no_community_token',
  'no_app_token',
  'rule_or_campaign_not_live',
  'moved_on',
  'tester_reset',
  'unrecorded',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** A reason a closing path writes but the list lacks fails to compile here. */
const everyWrittenReasonListed: [Exclude<StaleReason | BroadcastCancelReason, CloseReason>] extends [never]
  ? true
  : never = true;
void everyWrittenReasonListed;

/**
 * The close reason a stored `error_reason` names; `unrecorded` for none or one this release does not know.
 * @example closeReasonOf('consent_revoked') // 'consent_revoked'; closeReasonOf(null) // 'unrecorded'
 */
export function closeReasonOf(stored: string | null): CloseReason {
  return (CLOSE_REASONS as readonly string[]).includes(stored ?? '') ? (stored as CloseReason) : 'unrecorded';
}

/**
 * Counts by reason, the largest first (ties in the list's order), so every screen shows them in one order.
 * @example byLargest({ moved_on: 1, consent_revoked: 4 }) // { consent_revoked: 4, moved_on: 1 }
 */
export function byLargest<R extends string>(counts: Partial<Record<R, number>>, order: readonly R[]) {
  const entries = Object.entries(counts) as [R, number][];
  entries.sort(([a, m], [b, n]) => n - m || order.indexOf(a) - order.indexOf(b));
  return Object.fromEntries(entries) as Partial<Record<R, number>>;
}
