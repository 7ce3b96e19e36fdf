/**
 * Office strings of the team section, ru and en, on top of the invitation screen's (invite/i18n-invite.ts: role and
 * section names, the invitation's own words); `{name}` marks a value filled in. Office chunk only.
 */
import { inviteEn, inviteRu } from './invite/i18n-invite.ts';

export { label } from './invite/i18n-invite.ts';
export const teamRu = {
  ...inviteRu,
  title: 'Команда',
  members: 'Участники',
  agencyWide: 'всё агентство',
  since: 'с {date}',
  edit: 'Изменить',
  role: 'Роль',
  sections: 'Разделы',
  notYours: 'Этот раздел есть не у вас — выдать его нельзя',
  save: 'Сохранить',
  remove: 'Убрать из команды',
  /** The question's own button: short, so «Отмена» and it fit side by side on a phone. */
  removeYes: 'Убрать',
  confirmRemove: '«{who}» сразу потеряет доступ к офису бренда. Вернуть доступ можно только новым приглашением.',
  cancel: 'Отмена',
  invite: 'Пригласить',
  inviteIntro: 'Одноразовая ссылка: кто первым откроет её в мини-приложении, получит выбранную роль и разделы.',
  expiry: 'Ссылка действует',
  hours24: '1 день',
  hours72: '3 дня',
  hours168: '7 дней',
  createLink: 'Создать ссылку',
  linkReady: 'Ссылка готова. Она показывается один раз.',
  copy: 'Скопировать приглашение',
  copied: 'Скопировано',
  byId: 'Или добавить сразу по VK ID',
  vkId: 'VK ID пользователя',
  add: 'Добавить',
  pending: 'Приглашения',
  noInvitations: 'Приглашений нет',
  status_pending: 'ждёт, до {date}',
  status_used: 'принято: {user}',
  status_revoked: 'отозвано',
  status_expired: 'истекло',
  revoke: 'Отозвать',
  confirmRevoke: 'Ссылка приглашения сразу перестанет работать. Вместо неё можно только создать новое приглашение.',
  error: 'Не получилось: {reason}',
};

export type TeamMessages = { [K in keyof typeof teamRu]: string };

export const teamEn: TeamMessages = {
  ...inviteEn,
  title: 'Team',
  members: 'Members',
  agencyWide: 'whole agency',
  since: 'since {date}',
  edit: 'Edit',
  role: 'Role',
  sections: 'Sections',
  notYours: 'You do not hold this section, so you cannot grant it',
  save: 'Save',
  remove: 'Remove from the team',
  removeYes: 'Remove',
  confirmRemove: '{who} loses access to the brand’s office at once. Only a new invitation gives it back.',
  cancel: 'Cancel',
  invite: 'Invite',
  inviteIntro: 'A one-time link: whoever opens it first in the mini app gets the chosen role and sections.',
  expiry: 'Link valid for',
  hours24: '1 day',
  hours72: '3 days',
  hours168: '7 days',
  createLink: 'Create link',
  linkReady: 'The link is ready. It is shown only once.',
  copy: 'Copy the invitation',
  copied: 'Copied',
  byId: 'Or add at once by VK ID',
  vkId: "User's VK ID",
  add: 'Add',
  pending: 'Invitations',
  noInvitations: 'No invitations',
  status_pending: 'pending, until {date}',
  status_used: 'accepted by {user}',
  status_revoked: 'revoked',
  status_expired: 'expired',
  revoke: 'Revoke',
  confirmRevoke: "The invitation's link stops working at once. Only a new invitation can replace it.",
  error: 'That did not work: {reason}',
};

export const teamStrings = (language: 'ru' | 'en'): TeamMessages => (language === 'en' ? teamEn : teamRu);
