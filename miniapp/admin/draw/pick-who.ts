/** Who a pick is, as the office shows it: the platform by name and, for VK only, a link to the profile. */
import type { DrawOfficeMessages } from '../i18n-draw.ts';
import type { OfficePick } from './draw-office-api.ts';

export interface PickWho {
  platform: string;
  /** The id as the platform writes it (`id123` on VK). */
  text: string;
  /** The profile's address from the server; undefined where there is no profile to open (OK, Telegram). */
  href: string | undefined;
}

const PLATFORM_NAMES = { vk: 'platform_vk', ok: 'platform_ok', telegram: 'platform_telegram' } as const;

export function pickWho(pick: Pick<OfficePick, 'platform' | 'userId' | 'profileUrl'>, t: DrawOfficeMessages): PickWho {
  const key = PLATFORM_NAMES[pick.platform as keyof typeof PLATFORM_NAMES];
  return {
    platform: key ? t[key] : pick.platform,
    text: pick.platform === 'vk' ? `id${pick.userId}` : pick.userId,
    href: pick.platform === 'vk' && pick.profileUrl ? pick.profileUrl : undefined,
  };
}
