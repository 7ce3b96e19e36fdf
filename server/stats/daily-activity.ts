/**
 * @module Daily active users (participants with any telemetry that local day) and new participants (joined that day),
 * with the range's totals (distinct active users over the whole range).
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { rangeSessions } from './session-stats.ts';
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

/**
 * Per day, the set of active participants; and everyone active in the range. A session has an event at least every 30
 * minutes from its start to its end, so the days it touches are exactly the days its participant had events.
 */
export async function activeUsersByDay(ctx: StatsContext, grid: DayGrid = dayGrid(ctx.range)) {
  const perDay = grid.days.map(() => new Set<number>());
  const all = new Set<number>();
  for (const s of await rangeSessions(ctx)) {
    for (let day = grid.dayOf(s.start), last = grid.dayOf(s.end); day <= last; day += 1) {
      perDay[day]?.add(s.participantId);
    }
    all.add(s.participantId);
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
