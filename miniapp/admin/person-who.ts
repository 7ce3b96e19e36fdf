/**
 * Who a participant or member is, as every office screen names them (the team, the beta group, a draw's entrants and
 * winners): the platform by name and the id as that platform writes it («Одноклассники · 5550001», "VK · id123"),
 * linked to the profile where the server gives one (server/profile-url.ts). Never `ok:5550001`, the stored key.
 */
import { PLATFORM_WORDS } from '../../server/platform-words.ts';

export interface PersonWho {
  /** The platform's name in the office's language («ВКонтакте», "OK"); an unknown one as stored. */
  platform: string;
  /** The id as the platform writes it (`id123` on VK). */
  text: string;
  /** The profile's address from the server; undefined where there is no profile to open (OK, Telegram). */
  href: string | undefined;
}

/** "Open the profile", for the link's label (the visible text is the id alone). */
export const OPEN_PROFILE = { ru: 'Открыть профиль', en: 'Open the profile' } as const;

/**
 * A platform by the name the office gives it («ВКонтакте», "OK"); one it does not know, as stored.
 * @example platformName('ok', 'ru') // 'Одноклассники'
 */
export function platformName(platform: string, language: 'ru' | 'en'): string {
  const words = PLATFORM_WORDS[platform as keyof typeof PLATFORM_WORDS];
  return words ? words[language] : platform;
}

/**
 * @example personWho({ platform: 'ok', userId: '5550001', profileUrl: null }, 'ru') // { platform: 'Одноклассники', text: '5550001', href: undefined }
 */
export function personWho(
  person: { platform: string; userId: string; profileUrl?: string | null },
  language: 'ru' | 'en',
): PersonWho {
  return {
    platform: platformName(person.platform, language),
    text: person.platform === 'vk' ? `id${person.userId}` : person.userId,
    href: person.profileUrl ?? undefined,
  };
}

/**
 * The same in plain text, where a screen names a person inside a line of other facts or an `<option>` (nothing to
 * link there): «Одноклассники · 5550001», "VK · id123".
 * @example personText({ platform: 'telegram', userId: '42' }, 'en') // 'Telegram · 42'
 */
export function personText(person: { platform: string; userId: string }, language: 'ru' | 'en'): string {
  const who = personWho(person, language);
  return `${who.platform} · ${who.text}`;
}
