/**
 * @module Daily active users (participants with any telemetry that local day) and new participants (joined that day),
 * with the range's totals (distinct active users over the whole range). Counted by the database: participants by the
 * day they joined, and (participant, day) pairs of the stored sessions (session-split.ts).
 */
import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { sessionTotals } from './session-aggregates.ts';
import { dayIndexSql, SPANS_DAYS_MS } from './session-split.ts';
import { rangeSplit } from './session-stats.ts';
import type { StatsActivity } from './stats.schemas.ts';
import { campaignIdsOf, header, type StatsContext } from './stats-context.ts';
import { type DayGrid, dayGrid } from './stats-range.ts';

/** Participants who joined in the range (not testers), by the day index they joined. */
export async function newParticipantsByDay(ctx: StatsContext, grid: DayGrid = dayGrid(ctx.range)): Promise<number[]> {
  const p = schema.participants;
  const perDay = grid.days.map(() => 0);
  const ids = campaignIdsOf(ctx);
  if (ids.length === 0) return perDay;
  const day = dayIndexSql(grid, p.createdAt);
  const rows = await ctx.db
    .select({ day: sql<number>`${day}`, n: count() })
    .from(p)
    .where(
      and(
        inArray(p.campaignId, ids),
        eq(p.isTester, false),
        gte(p.createdAt, ctx.range.fromMs),
        lt(p.createdAt, ctx.range.toMs),
        ctx.platform === undefined ? undefined : eq(p.platform, ctx.platform),
      ),
    )
    .groupBy(day);
  for (const r of rows) {
    const i = Number(r.day);
    if (i >= 0 && i < perDay.length) perDay[i] = (perDay[i] ?? 0) + Number(r.n);
  }
  return perDay;
}

/**
 * Per day, the number of active participants; and everyone active in the range. A session has an event at least every
 * 30 minutes from its start to its end, so the days it touches are exactly the days its participant had events: its
 * first and last day in SQL, and the participants with a session over a whole day counted in JS.
 */
export async function activeUsersByDay(ctx: StatsContext, grid: DayGrid = dayGrid(ctx.range)) {
  const split = await rangeSplit(ctx, SPANS_DAYS_MS);
  const t = schema.telemetrySessions;
  const first = ctx.db
    .select({ participantId: t.participantId, day: sql<number>`${dayIndexSql(grid, t.startAt)}`.as('day') })
    .from(t)
    .where(split.where);
  const last = ctx.db
    .select({ participantId: t.participantId, day: sql<number>`${dayIndexSql(grid, t.endAt)}`.as('day') })
    .from(t)
    .where(split.where);
  // UNION (not ALL): one pair per participant and day.
  const pairs = first.union(last).as('pairs');
  const rows = await ctx.db.select({ day: pairs.day, n: count() }).from(pairs).groupBy(sql`${pairs.day}`);
  const perDay = grid.days.map(() => 0);
  for (const r of rows) {
    const i = Number(r.day);
    if (i >= 0 && i < perDay.length) perDay[i] = (perDay[i] ?? 0) + Number(r.n);
  }
  const rest = grid.days.map(() => new Set<number>());
  for (const s of split.rest) {
    for (let day = grid.dayOf(s.start), end = grid.dayOf(s.end); day <= end; day += 1) rest[day]?.add(s.participantId);
  }
  for (const [i, set] of rest.entries()) perDay[i] = (perDay[i] ?? 0) + set.size;
  return { perDay, all: (await sessionTotals(ctx.db, split)).users };
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
      activeUsers: active.perDay[i] ?? 0,
      newParticipants: fresh[i] ?? 0,
    })),
    totals: { activeUsers: active.all, newParticipants: fresh.reduce((a, b) => a + b, 0) },
  };
}
