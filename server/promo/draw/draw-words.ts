/**
 * @module The draw's winners export in both office languages: its columns and a pick's role, worded as the office's
 * draw screen words them (miniapp/admin/i18n-draw.ts).
 */
import type { PickRole } from '../../db/schema/draw.ts';
import type { Words } from '../../http/csv-words.ts';

export const PICK_ROLE_WORDS: Record<PickRole, Words> = {
  winner: { ru: 'Победитель', en: 'Winner' },
  reserve: { ru: 'Резерв', en: 'Reserve' },
};

/** The winners CSV's columns, in their order. */
export const WINNERS_CSV_COLUMNS = {
  position: { ru: '№', en: '#' },
  role: { ru: 'Роль', en: 'Role' },
  standing: { ru: 'Действует (не заменён)', en: 'Standing (not replaced)' },
  entry_index: { ru: 'Запись', en: 'Entry' },
  entry_hash: { ru: 'Хеш записи', en: 'Entry hash' },
  platform: { ru: 'Платформа', en: 'Platform' },
  user_id: { ru: 'ID пользователя', en: 'User ID' },
  verified: { ru: 'Условия выполнены', en: 'Conditions met' },
  replaced_reason: { ru: 'Причина замены', en: 'Reason for the replacement' },
  announced: { ru: 'Сообщение отправлено', en: 'Message sent' },
} satisfies Record<string, Words>;
