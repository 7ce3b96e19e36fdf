/**
 * @module The sections a brand membership can hold, in the order the office shows them: the one list the permission
 * check, the tenant gate, the office access answer, invitations and the team screen's checkboxes all read. No imports,
 * so the office screens can take the values too.
 */
export const BRAND_SECTIONS = ['campaigns', 'prizes', 'mailings', 'stats', 'support', 'team', 'leads'] as const;
export type Section = (typeof BRAND_SECTIONS)[number];
