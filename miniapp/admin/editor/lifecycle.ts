/**
 * When a save publishes: the lifecycle buttons themselves follow the document's `allowedTransitions`, computed by the
 * server (server/office/campaigns/campaign-transitions.ts), so the office keeps no copy of that table.
 */
import type { CampaignStatus } from '../office-api.ts';

/** Live and paused campaigns publish a new revision on save; drafts and scheduled ones are saved in place. */
export function savePublishes(status: CampaignStatus): boolean {
  return status === 'live' || status === 'paused';
}
