/** @module The check that a stage named in a request is one of its campaign's stages (a funnel query, a broadcast). */
import { fieldRefusal } from '../http/errors.ts';

/**
 * Refuses (422 `unknown_stage`, naming the field) the first given stage the campaign does not have; an absent one
 * (undefined) is not checked.
 * @example requireCampaignStages(campaign, [['segment.stage', segment.stage], ['targetStage', targetStage]])
 */
export function requireCampaignStages(
  campaign: { stages: readonly string[] },
  fields: readonly (readonly [path: string, stage: string | undefined])[],
): void {
  for (const [path, stage] of fields) {
    if (stage !== undefined && !campaign.stages.includes(stage)) {
      throw fieldRefusal('unknown_stage', path, `Stage "${stage}" is not one of ${campaign.stages.join(', ')}`);
    }
  }
}
