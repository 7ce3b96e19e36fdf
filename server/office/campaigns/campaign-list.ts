/** @module A brand's campaigns for the office list: status and phase, schedule, revision, and stock per code pool. */
import { desc, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requirePermission } from '../../auth/permissions.ts';
import { campaignPhase } from '../../campaigns/campaign.service.ts';
import { schema } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { poolDocuments, publishedRevision } from './campaign-store.ts';

/**
 * @example (await brandCampaigns(deps, identity, 1))[0].stock // [{ poolKey: 'quiz10', free: 3, total: 100, low: true }]
 */
export async function brandCampaigns(deps: Pick<Deps, 'db' | 'now'>, identity: Identity, brandId: number) {
  const { db } = deps;
  await requirePermission(db, identity, brandId, 'campaigns');
  const now = deps.now();
  const rows = await db
    .select()
    .from(schema.campaigns)
    .where(eq(schema.campaigns.brandId, brandId))
    .orderBy(desc(schema.campaigns.id));
  const list = [];
  for (const c of rows) {
    const pools = await poolDocuments(db, c.id);
    list.push({
      id: c.id,
      title: { ru: c.title, en: c.translations.en?.title ?? '' },
      status: c.status,
      phase: campaignPhase(c, now),
      mechanic: c.mechanic,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      timeZone: c.timeZone,
      revision: await publishedRevision(db, c.id),
      stock: pools.map((p) => ({ poolKey: p.key, free: p.free, total: p.total, low: p.free <= p.lowStockThreshold })),
    });
  }
  return list;
}
