/**
 * Which status changes the office offers from each status (the server's lifecycle decides; it answers 409 to
 * anything else): draft → scheduled | live; scheduled → live | draft is not offered (unpublishing is not a thing);
 * live ⇄ paused; live | paused → ended; ended → archived.
 */
import type { CampaignStatus } from '../office-api.ts';

export type Transition = Exclude<CampaignStatus, 'draft'>;

export const TRANSITIONS: Record<CampaignStatus, readonly Transition[]> = {
  draft: ['scheduled', 'live', 'archived'],
  scheduled: ['live', 'archived'],
  live: ['paused', 'ended'],
  paused: ['live', 'ended'],
  ended: ['archived'],
  archived: [],
};

/** Live and paused campaigns publish a new revision on save; drafts and scheduled ones are saved in place. */
export function savePublishes(status: CampaignStatus): boolean {
  return status === 'live' || status === 'paused';
}
