/**
 * Strings of the invitation screen (`#/invite/<token>`), ru and en, with the role and section names it shows; the
 * office's team section builds on them (../i18n-team.ts). On their own because the invitation screen is also in the
 * iOS single file, which leaves the rest of the office out (docs/decisions/024, 036). `{name}` marks a value filled in.
 */
import { sectionLabelsEn, sectionLabelsRu } from '../i18n-sections.ts';

export const inviteRu = {
  back: 'Назад',
  role_agency_admin: 'Владелец агентства',
  role_agency_manager: 'Менеджер агентства',
  role_brand_admin: 'Администратор бренда',
  role_brand_member: 'Участник бренда',
  ...sectionLabelsRu,
  allSections: 'все разделы',
  noSections: 'нет разделов',
  inviteTitle: 'Приглашение',
  invitedBy: '{agency} приглашает вас в кабинет',
  invitedToBrand: 'Бренд: {brand}',
  invitedAsRole: 'Роль: {role}',
  invitedSections: 'Разделы: {sections}',
  validUntil: 'Действует до {date}',
  accept: 'Принять приглашение',
  openOffice: 'Открыть кабинет',
  accepted: 'Готово: вы в команде.',
  problem_invitation_used: 'Это приглашение уже использовано.',
  problem_invitation_expired: 'Срок приглашения истёк. Попросите новое.',
  problem_invitation_revoked: 'Приглашение отозвано.',
  problem_wrong_platform: 'Это приглашение для другой платформы.',
  problem_invitation_not_for_you: 'Это приглашение сделано для другого пользователя.',
  problem_already_member: 'У вас уже есть доступ к этому кабинету.',
  problem_invitation_not_found: 'Такого приглашения нет.',
};

export type InviteMessages = { [K in keyof typeof inviteRu]: string };

export const inviteEn: InviteMessages = {
  back: 'Back',
  role_agency_admin: 'Agency owner',
  role_agency_manager: 'Agency manager',
  role_brand_admin: 'Brand admin',
  role_brand_member: 'Brand member',
  ...sectionLabelsEn,
  allSections: 'all sections',
  noSections: 'no sections',
  inviteTitle: 'Invitation',
  invitedBy: '{agency} invites you to its office',
  invitedToBrand: 'Brand: {brand}',
  invitedAsRole: 'Role: {role}',
  invitedSections: 'Sections: {sections}',
  validUntil: 'Valid until {date}',
  accept: 'Accept the invitation',
  openOffice: 'Open the office',
  accepted: 'Done: you are on the team.',
  problem_invitation_used: 'This invitation has already been used.',
  problem_invitation_expired: 'This invitation has expired. Ask for a new one.',
  problem_invitation_revoked: 'This invitation was revoked.',
  problem_wrong_platform: 'This invitation is for another platform.',
  problem_invitation_not_for_you: 'This invitation was made for another user.',
  problem_already_member: 'You already have access to this office.',
  problem_invitation_not_found: 'There is no such invitation.',
};

export const inviteStrings = (language: 'ru' | 'en'): InviteMessages => (language === 'en' ? inviteEn : inviteRu);

/** A role's, section's or problem's label (unknown keys show as they are). */
export const label = (s: InviteMessages, prefix: 'role' | 'section' | 'status' | 'problem', key: string) =>
  (s as Record<string, string>)[`${prefix}_${key}`] ?? key;
