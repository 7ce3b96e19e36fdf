/** @module The verified identity: the only thing downstream code knows about who is calling. */
import { storableCopy } from '../http/storable-text.ts';
import { MAX_LAUNCH_REF, MAX_PLATFORM_DETAIL } from './launch-ids.ts';

export type Platform = 'vk' | 'ok' | 'telegram';
export type ViewerGroupRole = 'admin' | 'editor' | 'moder' | 'member' | 'none';

export interface Identity {
  platform: Platform;
  /** The user's id on that platform, as a string (Telegram and OK ids exceed 2^53 in theory). */
  userId: string;
  appId: string;
  groupId?: number;
  viewerGroupRole?: ViewerGroupRole;
  language: 'ru' | 'en';
  /** Client detail for stats (vk_platform, OK mob_platform, Telegram platform); never used for trust. */
  platformDetail: string;
  /**
   * Launch source, only from signed fields (`vk_ref`, Telegram `start_param`). OK's `refplace` is outside `auth_sig`,
   * so anyone could write anything there: it is dropped rather than stored as if verified.
   */
  ref?: string;
}

/** A launch whose signature held, with the issue time read by that same parse (every later age check uses it). */
export interface VerifiedLaunch {
  identity: Identity;
  /** Unix seconds: `vk_ts` or `auth_date`; for OK (no time in the launch), when this server first saw the session. */
  issuedAt?: number;
  /** What `issuedAt` is, for the `expired` message. */
  issuedAtField: string;
}

/** Maps a client language code onto the two the UI ships. */
export function uiLanguage(code: string | undefined | null): 'ru' | 'en' {
  return code && /^(ru|uk|ua|be|kz)/.test(code) ? 'ru' : code ? 'en' : 'ru';
}

/**
 * The launch source as the identity carries it (`vk_ref`, Telegram's `start_param`), absent when empty. It is the
 * platform's text, stored with the participant on their first open (`participants.source`), so what no database can
 * store (NUL, half of a character) is replaced as in anything a platform sends on a user's behalf: a signed `vk_ref`
 * with a NUL in it was a 500 on PostgreSQL at that open (found from outside, server/http/param-sweep.routes.test.ts).
 *
 * @example launchRef('catalog_recent') // { ref: 'catalog_recent' }; launchRef('') // {}
 */
export function launchRef(raw: string | null | undefined): { ref?: string } {
  // Longer than any platform sends (launch-ids.ts): not stored rather than cut into a source nobody sent.
  return raw && raw.length <= MAX_LAUNCH_REF ? { ref: storableCopy(raw) } : {};
}

const PLATFORM_DETAIL = new RegExp(`^[A-Za-z0-9_.-]{1,${MAX_PLATFORM_DETAIL}}$`);

/**
 * The client detail as the identity carries it (`vk_platform`, OK `mob_platform`): a name the platform documents, or
 * one of that shape it adds later, kept; anything else (up to the 8 KB header, markup, spaces) is `unknown` rather than
 * echoed by `/api/me`. Never a refusal: it is signed, but only a label for stats, and a new value must not break a launch.
 *
 * @example platformDetail('mobile_iphone') // 'mobile_iphone'; platformDetail('x'.repeat(999)) // 'unknown'
 */
export function platformDetail(raw: string | null | undefined): string {
  return raw && PLATFORM_DETAIL.test(raw) ? raw : 'unknown';
}
