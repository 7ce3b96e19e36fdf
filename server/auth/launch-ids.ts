/**
 * @module The user and community ids a launch may carry, bounded to what each platform issues and this server holds
 * exactly (decision 074): VK ids are JavaScript numbers in vk-bridge and in our outbox and consents, so at most
 * 2^53 − 1; Telegram user ids have "at most 52 significant bits" (Bot API); OK ids are a Java `long`. One spelling per
 * id: no 0, no sign, no leading zeros. And the signed launch source kept with a participant, bounded too.
 */

/** The largest VK user, community or app id taken: `Number.MAX_SAFE_INTEGER`. */
export const MAX_VK_ID = 9_007_199_254_740_991n;
/** The largest Telegram user id taken: 2^52 − 1. */
export const MAX_TELEGRAM_USER_ID = 4_503_599_627_370_495n;
/** The largest OK user id taken: 2^63 − 1. */
export const MAX_OK_USER_ID = 9_223_372_036_854_775_807n;
/**
 * The longest launch source stored (`vk_ref`, Telegram `start_param`): Telegram's documented maximum for `startapp`;
 * VK documents none, and its documented sources are short names.
 */
export const MAX_LAUNCH_REF = 512;

/**
 * The longest client detail kept (`vk_platform`, OK `mob_platform`): the documented values are at most 24 characters
 * (`desktop_app_messenger`, `mobile_android_messenger`); a little room for one the platforms add later.
 */
export const MAX_PLATFORM_DETAIL = 32;

/** The id as written when it is a positive integer no greater than `max`, else undefined. */
export function boundedId(raw: string | undefined, max: bigint): string | undefined {
  if (raw === undefined || !/^[1-9]\d{0,19}$/.test(raw)) return undefined;
  return BigInt(raw) <= max ? raw : undefined;
}
