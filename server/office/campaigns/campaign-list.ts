/**
 * @module A brand's campaigns for the office list: status and phase, schedule, revision, and stock per code pool.
 * Any member of the brand may list them (a mailings or support member picks a campaign here); the stock is shown
 * only to those with `campaigns` or `prizes`, the sections that manage it.
 */
import { desc, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { isBrandMember } from '../../auth/office-gate.ts';
import { findPermission } from '../../auth/permissions.ts';
import { campaignPhase } from '../../campaigns/campaign.service.ts';
import { schema } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { isLowStock } from '../../promo/rewards/low-stock.ts';
import { poolDocuments, publishedRevision } from './campaign-store.ts';
import { poolName } from './pool-name.ts';

/**
 * @example (await brandCampaigns(deps, identity, 1))[0].stock // [{ poolKey: 'quiz10', pool: 'Промокоды −10%', free: 3, total: 100, low: true }]
 */
export async function brandCampaigns(deps: Pick<Deps, 'db' | 'now'>, identity: Identity, brandId: number) {
  const { db } = deps;
  if (!(await isBrandMember(db, identity, brandId))) throw new ApiError(403, 'forbidden', 'No rights for this brand');
  const seesStock =
    (await findPermission(db, identity, brandId, 'campaigns')) !== undefined ||
    (await findPermission(db, identity, brandId, 'prizes')) !== undefined;
  const now = deps.now();
  const rows = await db
    .select()
    .from(schema.campaigns)
    .where(eq(schema.campaigns.brandId, brandId))
    .orderBy(desc(schema.campaigns.id));
  const list = [];
  for (const c of rows) {
    const pools = seesStock ? await poolDocuments(db, c.id) : [];
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
      // Scheduled with its start passed: the server's promotion refused it (it has errors), or is about to run.
      startPassed: c.status === 'scheduled' && c.startsAt <= now,
      stock: pools.map((p) => ({
        poolKey: p.key,
        pool: poolName(p),
        free: p.free,
        total: p.total,
        low: isLowStock(p),
      })),
    });
  }
  return list;
}
