/**
 * @module Client errors: the share of sessions with at least one, per day (a session's errors count on the day it
 * started), and the most frequent errors with the screen they happened on, how many people met them and the build.
 */
import { and, count, countDistinct, desc, eq, gte, inArray, lt, max, notInArray } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { perStartDay, sessionTotals } from './session-aggregates.ts';
import { rangeSplit } from './session-stats.ts';
import { rate } from './session-walk.ts';
import type { StatsErrors } from './stats.schemas.ts';
import { campaignIdsOf, header, type StatsContext } from './stats-context.ts';
import { dayGrid } from './stats-range.ts';

export const TOP_ERRORS = 20;

async function topErrors(ctx: StatsContext): Promise<StatsErrors['top']> {
  const t = schema.telemetryEvents;
  const rows = await ctx.db
    .select({
      message: t.message,
      screen: t.screen,
      n: count(),
      users: countDistinct(t.participantId),
      lastAt: max(t.at),
      build: max(t.build),
    })
    .from(t)
    .where(
      and(
        inArray(t.campaignId, campaignIdsOf(ctx)),
        gte(t.at, ctx.range.fromMs),
        lt(t.at, ctx.range.toMs),
        eq(t.kind, 'client_error'),
        ctx.platform === undefined ? undefined : eq(t.platform, ctx.platform),
        ctx.testers.size === 0 ? undefined : notInArray(t.participantId, [...ctx.testers]),
      ),
    )
    .groupBy(t.message, t.screen)
    .orderBy(desc(count()), t.message, t.screen)
    .limit(TOP_ERRORS);
  return rows.map((r) => ({
    message: r.message ?? '',
    screen: r.screen,
    count: Number(r.n),
    users: Number(r.users),
    lastAt: Number(r.lastAt ?? 0),
    build: r.build ?? null,
  }));
}

/** @example const body = await clientErrorRate(ctx); */
export async function clientErrorRate(ctx: StatsContext): Promise<StatsErrors> {
  const split = await rangeSplit(ctx);
  const grid = dayGrid(ctx.range);
  const totals = await sessionTotals(ctx.db, split);
  const perDay = await perStartDay(ctx.db, split, grid, { sessions: true, withErrors: true, errors: true });
  return {
    ...header(ctx),
    sessions: totals.sessions,
    sessionsWithErrors: totals.withErrors,
    errorRate: rate(totals.withErrors, totals.sessions),
    errors: totals.errors,
    days: grid.days.map((day, i) => ({
      day,
      sessions: perDay[i]?.sessions ?? 0,
      sessionsWithErrors: perDay[i]?.withErrors ?? 0,
      errors: perDay[i]?.errors ?? 0,
    })),
    top: await topErrors(ctx),
  };
}
