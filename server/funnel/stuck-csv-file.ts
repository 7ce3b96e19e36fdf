/**
 * @module The «who is stuck where» CSV of one stage, for the member asking: their `stats` right on the campaign's brand
 * checked now, the stage one of the campaign's, the list oldest first, worded in the member's language. The office
 * route (`format=csv`, funnel.routes.ts) and a signed link (server/office-downloads/) both serve this, byte for byte.
 */
import type { Identity } from '../auth/identity.ts';
import { requireCampaignStages } from '../campaigns/campaign-stages.ts';
import type { Db } from '../db/client.ts';
import { requireCampaignAccess } from '../mailing/admin-access.ts';
import type { OfficeCsv, OfficeDownloadParams } from '../office-downloads/office-download-grant.ts';
import { stageTaskTitles } from './stage-task-titles.ts';
import { type StuckQuery, stuckCsv, stuckParticipants } from './stuck-participants.ts';

/** The campaign, if the member has `stats` on its brand and `stage` is one of its stages (else 403/404/422). */
export async function stuckCampaign(db: Db, identity: Identity, campaignId: number, stage: string) {
  const campaign = await requireCampaignAccess(db, identity, campaignId, 'stats');
  requireCampaignStages(campaign, [['stage', stage]]);
  return campaign;
}

/**
 * @example const { csv } = await stuckCsvFile(deps, identity, { campaignId: 3, stage: 'opened', minHours: 24, limit: 50_000 });
 */
export async function stuckCsvFile(
  deps: { db: Db; now: () => number },
  identity: Identity,
  q: OfficeDownloadParams['stuck-csv'] & Pick<StuckQuery, 'after'>,
): Promise<OfficeCsv> {
  const { db } = deps;
  const campaign = await stuckCampaign(db, identity, q.campaignId, q.stage);
  const now = deps.now();
  const { rows } = await stuckParticipants(db, { ...q, now });
  const { language } = identity;
  const titles = await stageTaskTitles(db, q.campaignId, q.stage, language);
  const csv = stuckCsv(rows, now, language, titles);
  return { csv, fileName: `stuck-${q.campaignId}-${q.stage}.csv`, brandId: campaign.brandId };
}
