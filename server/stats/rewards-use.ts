/**
 * @module Rewards on the dashboard: issued in the range (per reward and per local day), issued overall, stock left
 * (issue-reward.ts `remainingStock`, the number the claim path itself uses), and the prize calendar's moments in the
 * range: won, passed unwon (missed), still ahead. Grants to beta testers are left out of every count (in the range and
 * overall): a tester's code comes from a sandbox pool and is wiped at launch, so it was never a real reward issued.
 */
import { and, asc, count, eq, gte, inArray, lt } from 'drizzle-orm';
import { columnText } from '../campaigns/content-language.ts';
import { schema } from '../db/client.ts';
import { remainingStock } from '../promo/rewards/issue-reward.ts';
import { campaignRewards } from '../promo/rewards/reward.service.ts';
import type { StatsRewards } from './stats.schemas.ts';
import { campaignIdsOf, header, type StatsContext } from './stats-context.ts';
import { dayGrid } from './stats-range.ts';

/** Grants in the range, not to testers, of the platform asked for. */
export async function grantsInRange(ctx: StatsContext) {
  const { grants: g, participants: p } = schema;
  const ids = campaignIdsOf(ctx);
  if (ids.length === 0) return [];
  return await ctx.db
    .select({ rewardId: g.rewardId, issuedAt: g.issuedAt })
    .from(g)
    .innerJoin(p, eq(p.id, g.participantId))
    .where(
      and(
        inArray(g.campaignId, ids),
        gte(g.issuedAt, ctx.range.fromMs),
        lt(g.issuedAt, ctx.range.toMs),
        eq(p.isTester, false),
        ctx.platform === undefined ? undefined : eq(p.platform, ctx.platform),
      ),
    );
}

/** Grants of each reward over the whole campaign (any day, any platform), not to testers; by the reward index. */
async function issuedOverall(ctx: StatsContext, rewardIds: number[]): Promise<Map<number, number>> {
  const { grants: g, participants: p } = schema;
  if (rewardIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ rewardId: g.rewardId, n: count() })
    .from(g)
    .innerJoin(p, eq(p.id, g.participantId))
    .where(and(inArray(g.rewardId, rewardIds), eq(p.isTester, false)))
    .groupBy(g.rewardId);
  return new Map(rows.map((r) => [r.rewardId, Number(r.n)]));
}

/** @example const body = await rewardsUse(ctx); */
export async function rewardsUse(ctx: StatsContext): Promise<StatsRewards> {
  const grid = dayGrid(ctx.range);
  const grants = await grantsInRange(ctx);
  const perReward = new Map<number, number>();
  const perDay = grid.days.map(() => 0);
  for (const g of grants) {
    perReward.set(g.rewardId, (perReward.get(g.rewardId) ?? 0) + 1);
    const i = grid.dayOf(g.issuedAt);
    if (i >= 0) perDay[i] = (perDay[i] ?? 0) + 1;
  }
  const perCampaign = [];
  for (const campaign of ctx.scope.campaigns) {
    perCampaign.push({ campaign, rewards: await campaignRewards(ctx.db, campaign.id) });
  }
  const overall = await issuedOverall(
    ctx,
    perCampaign.flatMap((c) => c.rewards.map((r) => r.id)),
  );
  const rewards: StatsRewards['rewards'] = [];
  const keyOf = new Map<number, string>();
  for (const { campaign, rewards: campaignRewardRows } of perCampaign) {
    for (const reward of campaignRewardRows) {
      keyOf.set(reward.id, reward.key);
      const issuedTotal = overall.get(reward.id) ?? 0;
      const stockLeft = await remainingStock(ctx.db, reward);
      rewards.push({
        campaignId: campaign.id,
        rewardKey: reward.key,
        title: columnText(reward, 'title', ctx.language),
        issued: perReward.get(reward.id) ?? 0,
        issuedTotal,
        stock: reward.stock ?? (stockLeft === null ? null : issuedTotal + stockLeft),
        stockLeft,
      });
    }
  }
  const m = schema.prizeMoments;
  const ids = campaignIdsOf(ctx);
  const moments =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ campaignId: m.campaignId, rewardId: m.rewardId, at: m.at, won: m.wonBy, n: count() })
          .from(m)
          .where(and(inArray(m.campaignId, ids), gte(m.at, ctx.range.fromMs), lt(m.at, ctx.range.toMs)))
          .groupBy(m.campaignId, m.rewardId, m.at, m.wonBy)
          .orderBy(asc(m.campaignId), asc(m.rewardId));
  const calendar = new Map<number, StatsRewards['calendar'][number]>();
  for (const row of moments) {
    const c = calendar.get(row.rewardId) ?? {
      campaignId: row.campaignId,
      rewardKey: keyOf.get(row.rewardId) ?? String(row.rewardId),
      moments: 0,
      won: 0,
      missed: 0,
      upcoming: 0,
    };
    const n = Number(row.n);
    c.moments += n;
    if (row.won !== null) c.won += n;
    else if (row.at <= ctx.now) c.missed += n;
    else c.upcoming += n;
    calendar.set(row.rewardId, c);
  }
  return {
    ...header(ctx),
    rewards,
    days: grid.days.map((day, i) => ({ day, issued: perDay[i] ?? 0 })),
    calendar: [...calendar.values()],
  };
}
