/**
 * @module Mailing performance on the dashboard: every rule of the scope and the broadcasts scheduled in the range, each
 * with sent/failed and conversion against its holdout (the lift), as server/mailing/mailing-stats.ts computes them —
 * one home for those numbers. Message numbers are over each rule's or broadcast's whole life (a holdout comparison
 * needs all of it) and not split by platform: messages go out through the VK community only.
 */
import { and, asc, gte, inArray, lt } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { stageTaskTitles } from '../funnel/stage-task-titles.ts';
import { broadcastStats, type MessageStats, ruleStats } from '../mailing/mailing-stats.ts';
import type { StatsMailings } from './stats.schemas.ts';
import { campaignIdsOf, header, type StatsContext } from './stats-context.ts';

async function performance(ctx: StatsContext, campaignId: number, s: MessageStats) {
  return {
    campaignId,
    targetStage: s.targetStage,
    // So the target stage reads as the funnel words it (a task's by its title), in the JSON's and the CSV's language.
    taskTitles: s.targetStage === null ? {} : await stageTaskTitles(ctx.db, campaignId, s.targetStage, ctx.language),
    sent: s.byStatus.sent ?? 0,
    failed: s.byStatus.failed ?? 0,
    treated: s.treated,
    holdout: s.holdout,
    liftPoints: s.liftPoints,
  };
}

/** @example const body = await mailingPerformance(ctx); */
export async function mailingPerformance(ctx: StatsContext): Promise<StatsMailings> {
  const ids = campaignIdsOf(ctx);
  const { messageRules: r, broadcasts: b } = schema;
  const rules =
    ids.length === 0
      ? []
      : await ctx.db.select().from(r).where(inArray(r.campaignId, ids)).orderBy(asc(r.campaignId), asc(r.id));
  const casts =
    ids.length === 0
      ? []
      : await ctx.db
          .select()
          .from(b)
          .where(
            and(inArray(b.campaignId, ids), gte(b.scheduledAt, ctx.range.fromMs), lt(b.scheduledAt, ctx.range.toMs)),
          )
          .orderBy(asc(b.scheduledAt), asc(b.id));
  const ruleRows: StatsMailings['rules'] = [];
  for (const rule of rules) {
    const s = await ruleStats(ctx.db, rule.id);
    ruleRows.push({
      ...(await performance(ctx, rule.campaignId, s)),
      ruleId: rule.id,
      name: rule.name,
      enabled: rule.active,
    });
  }
  const broadcastRows: StatsMailings['broadcasts'] = [];
  for (const cast of casts) {
    const s = await broadcastStats(ctx.db, cast.id);
    broadcastRows.push({
      ...(await performance(ctx, cast.campaignId, s)),
      broadcastId: cast.id,
      title: cast.name,
      status: cast.status,
    });
  }
  return { ...header(ctx), rules: ruleRows, broadcasts: broadcastRows };
}
