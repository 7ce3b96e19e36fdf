/**
 * @module Daily active users (participants with any telemetry that local day) and new participants (joined that day),
 * with the range's totals (distinct active users over the whole range).
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { telemetryPoints } from '../db/telemetry-scan.ts';
import type { StatsActivity } from './stats.schemas.ts';
import { campaignIdsOf, header, type StatsContext } from './stats-context.ts';
import { type DayGrid, dayGrid } from './stats-range.ts';

/** Participants who joined in the range (not testers), by the day index they joined. */
export async function newParticipantsByDay(ctx: StatsContext, grid: DayGrid = dayGrid(ctx.range)): Promise<number[]> {
  const p = schema.participants;
  const perDay = grid.days.map(() => 0);
  for (const campaignId of campaignIdsOf(ctx)) {
    const rows = await ctx.db
      .select({ createdAt: p.createdAt })
      .from(p)
      .where(
        and(
          eq(p.campaignId, campaignId),
          eq(p.isTester, false),
          gte(p.createdAt, ctx.range.fromMs),
          lt(p.createdAt, ctx.range.toMs),
          ctx.platform === undefined ? undefined : eq(p.platform, ctx.platform),
        ),
      );
    for (const { createdAt } of rows) {
      const i = grid.dayOf(createdAt);
      if (i >= 0) perDay[i] = (perDay[i] ?? 0) + 1;
    }
  }
  return perDay;
}

/** Per day, the set of active participants; and everyone active in the range. */
export async function activeUsersByDay(ctx: StatsContext, grid: DayGrid = dayGrid(ctx.range)) {
  const perDay = grid.days.map(() => new Set<number>());
  const all = new Set<number>();
  for (const campaignId of campaignIdsOf(ctx)) {
    const scan = { campaignId, from: ctx.range.fromMs, until: ctx.range.toMs, platform: ctx.platform };
    let day = 0;
    for await (const chunk of telemetryPoints(ctx.db, scan)) {
      for (const [pid, at] of chunk) {
        if (ctx.testers.has(pid)) continue;
        // Events come in time order: the day only moves forward.
        while (day < grid.days.length - 1 && at >= (grid.starts[day + 1] as number)) day += 1;
        perDay[day]?.add(pid);
        all.add(pid);
      }
    }
  }
  return { perDay, all };
}

/** @example const body = await dailyActivity(ctx); */
export async function dailyActivity(ctx: StatsContext): Promise<StatsActivity> {
  const grid = dayGrid(ctx.range);
  const fresh = await newParticipantsByDay(ctx, grid);
  const active = await activeUsersByDay(ctx, grid);
  return {
    ...header(ctx),
    days: grid.days.map((day, i) => ({
      day,
      activeUsers: active.perDay[i]?.size ?? 0,
      newParticipants: fresh[i] ?? 0,
    })),
    totals: { activeUsers: active.all.size, newParticipants: fresh.reduce((a, b) => a + b, 0) },
  };
}
