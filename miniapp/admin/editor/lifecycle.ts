/**
 * Which status changes the office offers from each status: the server's table
 * (server/office/campaigns/campaign-lifecycle.ts `TRANSITIONS`, which answers 409 to anything else), restated here
 * because that module runs on the database and cannot ship to the browser.
 */
import type { CampaignStatus } from '../office-api.ts';

export type Transition = CampaignStatus;

export const TRANSITIONS: Record<CampaignStatus, readonly Transition[]> = {
  draft: ['scheduled', 'live'],
  scheduled: ['draft', 'live'],
  live: ['paused', 'ended'],
  paused: ['live', 'ended'],
  ended: ['archived'],
  archived: [],
};

/** Live and paused campaigns publish a new revision on save; drafts and scheduled ones are saved in place. */
export function savePublishes(status: CampaignStatus): boolean {
  return status === 'live' || status === 'paused';
}
