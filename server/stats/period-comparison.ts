/**
 * @module The summary: the headline numbers of the range beside those of the previous period of the same number of
 * days, with the change in percent. Each number is computed the way its own measure computes it (sessions by the
 * same walk, new participants and rewards by the same queries), so the summary agrees with the detailed pages.
 */
import { newParticipantsByDay } from './daily-activity.ts';
import { grantsInRange } from './rewards-use.ts';
import { lengthQuantiles, sessionTotals } from './session-aggregates.ts';
import { rangeSplit } from './session-stats.ts';
import { rate } from './session-walk.ts';
import { type StatsSummary, SUMMARY_KPIS } from './stats.schemas.ts';
import { header, type StatsContext, withRange } from './stats-context.ts';
import { previousRange } from './stats-range.ts';

type Kpis = Record<(typeof SUMMARY_KPIS)[number], number | null>;

async function kpis(ctx: StatsContext): Promise<Kpis> {
  const split = await rangeSplit(ctx);
  const n = await sessionTotals(ctx.db, split);
  const lengths = await lengthQuantiles(ctx.db, split);
  const fresh = await newParticipantsByDay(ctx);
  return {
    new_participants: fresh.reduce((a, b) => a + b, 0),
    active_users: n.users,
    sessions: n.sessions,
    sessions_per_user: n.users === 0 ? null : Math.round((n.sessions / n.users) * 100) / 100,
    median_session_ms: lengths.all.median,
    screen_views: n.screenViews,
    error_rate: rate(n.withErrors, n.sessions),
    rewards_issued: (await grantsInRange(ctx)).length,
  };
}

export function changePct(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 10_000) / 100;
}

/** @example const body = await periodComparison(ctx); */
export async function periodComparison(ctx: StatsContext): Promise<StatsSummary> {
  const before = previousRange(ctx.range);
  const current = await kpis(ctx);
  const previous = await kpis(withRange(ctx, before));
  return {
    ...header(ctx),
    previousRange: before,
    kpis: SUMMARY_KPIS.map((key) => ({
      key,
      current: current[key],
      previous: previous[key],
      changePct: changePct(current[key], previous[key]),
    })),
  };
}
