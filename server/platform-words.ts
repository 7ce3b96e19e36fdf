/**
 * @module A platform as the office names it («ВКонтакте», "OK"): wherever an office screen names a person
 * (miniapp/admin/person-who.ts)
 * and in the CSV exports that carry a participant's platform (server/http/csv-words.ts). One home for those names.
 */
import type { Words } from './http/csv-words.ts';

export const PLATFORM_WORDS: Record<'vk' | 'ok' | 'telegram', Words> = {
  vk: { ru: 'ВКонтакте', en: 'VK' },
  ok: { ru: 'Одноклассники', en: 'OK' },
  telegram: { ru: 'Telegram', en: 'Telegram' },
};
