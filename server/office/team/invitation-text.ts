/**
 * @module The invitation's text for copying or sending, in the creator's language. It names the agency (white label)
 * and, when the invitation is for one brand, the brand; never the platform's vendor.
 */

export interface InvitationTextInput {
  agencyName: string;
  brandName: string | null;
  link: string;
  expiresAt: number;
}

const date = (ms: number, locale: string) =>
  new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * @example invitationText('en', { agencyName: 'Acme', brandName: 'Tea', link: 'https://vk.com/app1#/invite/x', expiresAt })
 */
export function invitationText(language: 'ru' | 'en', input: InvitationTextInput): string {
  const { agencyName, brandName, link, expiresAt } = input;
  if (language === 'en') {
    const where = brandName ? `the office of ${brandName}` : 'its office';
    return `${agencyName} invites you to ${where}. Open the link in VK: ${link} (valid until ${date(expiresAt, 'en-GB')} UTC, once).`;
  }
  const where = brandName ? `кабинет бренда «${brandName}»` : 'свой кабинет';
  return `«${agencyName}» приглашает вас в ${where}. Откройте ссылку во ВКонтакте: ${link} (действует до ${date(expiresAt, 'ru-RU')} UTC, один раз).`;
}
