/** @module Reading a campaign's draw and its picks, and the office's access to them (`prizes` section). */
import { asc, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requirePermission } from '../../auth/permissions.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import type { Tx } from '../../db/transactions.ts';
import { ApiError } from '../../http/errors.ts';
import { type DrawSettings, parseCampaignSettings } from '../settings.ts';

export type DrawRow = typeof schema.draws.$inferSelect;
export type PickRow = typeof schema.drawPicks.$inferSelect;

/** The campaign, if the identity has `prizes` rights on its brand (404 when there is no such campaign, else 403). */
export async function officeCampaign(db: Db, identity: Identity, campaignId: number): Promise<CampaignRow> {
  const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist`);
  await requirePermission(db, identity, campaign.brandId, 'prizes');
  return campaign;
}

export function drawSettingsOf(campaign: Pick<CampaignRow, 'settings'>): DrawSettings | undefined {
  return parseCampaignSettings(campaign.settings).draw;
}

export function requireDrawSettings(campaign: Pick<CampaignRow, 'settings'>): DrawSettings {
  const draw = drawSettingsOf(campaign);
  if (!draw) throw new ApiError(409, 'no_draw', 'This campaign has no draw (settings.draw)');
  return draw;
}

export async function findDraw(db: Db | Tx, campaignId: number): Promise<DrawRow | undefined> {
  const [row] = await db.select().from(schema.draws).where(eq(schema.draws.campaignId, campaignId)).limit(1);
  return row;
}

/** The draw, which exists from the campaign's launch (409 `no_commitment` before). */
export async function requireDraw(db: Db | Tx, campaignId: number): Promise<DrawRow> {
  const draw = await findDraw(db, campaignId);
  if (!draw)
    throw new ApiError(
      409,
      'no_commitment',
      'The draw has no commitment yet: it is written when the campaign goes live',
    );
  return draw;
}

export function requireDrawn(draw: DrawRow): DrawRow & { drawnAt: number } {
  if (draw.drawnAt == null) throw new ApiError(409, 'not_drawn', 'The draw has not run yet');
  return draw as DrawRow & { drawnAt: number };
}

export async function drawPicksOf(db: Db | Tx, drawId: number): Promise<PickRow[]> {
  return db
    .select()
    .from(schema.drawPicks)
    .where(eq(schema.drawPicks.drawId, drawId))
    .orderBy(asc(schema.drawPicks.position));
}

/** The pick of this draw (404 otherwise). */
export function pickOf(picks: PickRow[], pickId: number): PickRow {
  const pick = picks.find((p) => p.id === pickId);
  if (!pick) throw new ApiError(404, 'pick_not_found', `Pick ${pickId} is not part of this draw`);
  return pick;
}

/** Winners still standing: role winner, not replaced. */
export const activeWinners = (picks: PickRow[]) => picks.filter((p) => p.role === 'winner' && p.replacedAt == null);
export const unusedReserves = (picks: PickRow[]) => picks.filter((p) => p.role === 'reserve' && p.replacedAt == null);

/** The participants the brand took out of the campaign's draw. */
export async function excludedParticipants(db: Db | Tx, campaignId: number): Promise<Set<number>> {
  const rows = await db
    .select({ id: schema.drawExclusions.participantId })
    .from(schema.drawExclusions)
    .where(eq(schema.drawExclusions.campaignId, campaignId));
  return new Set(rows.map((r) => r.id));
}
