/**
 * @module Which status may follow which: the one table the lifecycle enforces (campaign-lifecycle.ts answers 409 to
 * anything else) and the office's buttons follow, since every campaign document carries its `allowedTransitions`.
 */
import type { CampaignStatus } from '../../db/schema/campaign.ts';

/** Allowed transitions; anything may be duplicated instead (`POST /campaigns/{id}/duplicate`). */
export const TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['scheduled', 'live'],
  scheduled: ['draft', 'live'],
  live: ['paused', 'ended'],
  paused: ['live', 'ended'],
  ended: ['archived'],
  archived: [],
};

/**
 * The statuses a campaign in `status` may move to, in the order the office offers them.
 * @example allowedTransitions('live') // ['paused', 'ended']
 */
export function allowedTransitions(status: CampaignStatus): CampaignStatus[] {
  return [...TRANSITIONS[status]];
}
