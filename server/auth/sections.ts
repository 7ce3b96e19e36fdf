/**
 * @module The sections a brand membership can hold, in the order the office shows them: the one list the permission
 * check, the tenant gate, the office access answer, invitations and the team screen's checkboxes all read. No imports,
 * so the office screens can take the values too.
 */
export const BRAND_SECTIONS = [
  'campaigns',
  'launch',
  'prizes',
  'mailings',
  'stats',
  'support',
  'team',
  'leads',
] as const;
export type Section = (typeof BRAND_SECTIONS)[number];

/**
 * `launch` (putting a campaign on the air, scheduling, pausing, resuming, ending it) is a right over the campaigns one
 * may open, so it means something only beside `campaigns`: a list holding it alone is refused (decision 116).
 * @example launchWithoutCampaigns(['launch']) // true
 */
export const launchWithoutCampaigns = (sections: readonly string[]) =>
  sections.includes('launch') && !sections.includes('campaigns');

/** The reason given for such a list, the same in every refusal. */
export const LAUNCH_NEEDS_CAMPAIGNS = 'The launch right needs the campaigns right: give both, or neither';
