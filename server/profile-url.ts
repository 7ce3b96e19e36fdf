/**
 * @module Where the office may open a participant's or member's profile: one home for the address, so every screen
 * that names a person (the team, the beta group, a draw's entrants and winners) links the same way, and builds carry
 * no external address of their own (tests/package/external-hosts).
 */

/**
 * The profile page of a platform user: VK's `id<number>` address; none for OK and Telegram, whose numeric ids have
 * no public profile address to link to.
 * @example profileUrl('vk', '123') // 'https://vk.com/id123'
 */
export function profileUrl(platform: string, userId: string): string | null {
  return platform === 'vk' && /^[1-9]\d*$/.test(userId) ? `https://vk.com/id${userId}` : null;
}

/** A person as every office answer names one: the platform, the id and where the profile opens (null: nowhere). */
export interface Person {
  platform: string;
  userId: string;
  profileUrl: string | null;
}

/**
 * @example personOf('ok', '5550001') // { platform: 'ok', userId: '5550001', profileUrl: null }
 */
export function personOf(platform: string, userId: string): Person {
  return { platform, userId, profileUrl: profileUrl(platform, userId) };
}
