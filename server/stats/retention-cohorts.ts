/**
 * @module D1/D7/D30 retention: a cohort is the participants who joined on one local day of the range; Dn is how many of
 * them were active (any telemetry) on exactly the n-th local day after — the classic "N-day retention". Activity is
 * read up to 30 days past the range; a Dn whose day has not ended yet is null (not known), not 0.
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { rate, walkSessions } from './session-walk.ts';
import type { StatsRetention } from './stats.schemas.ts';
import { campaignIdsOf, header, type StatsContext } from './stats-context.ts';
import { DayGrid } from './stats-range.ts';

export const RETENTION_DAYS = [1, 7, 30] as const;
const LAST = 30;

type Retained = { users: number; rate: number } | null;

/** @example const body = await retentionCohorts(ctx); */
export async function retentionCohorts(ctx: StatsContext): Promise<StatsRetention> {
  const { range } = ctx;
  // The range's days and the 30 after them, so every Dn of every cohort has its day.
  const grid = new DayGrid(range.from, range.days + LAST, range.timeZone);
  const p = schema.participants;
  const cohortOf = new Map<number, number>();
  const sizes = new Array<number>(range.days).fill(0);
  for (const campaignId of campaignIdsOf(ctx)) {
    const rows = await ctx.db
      .select({ id: p.id, createdAt: p.createdAt })
      .from(p)
      .where(
        and(
          eq(p.campaignId, campaignId),
          eq(p.isTester, false),
          gte(p.createdAt, range.fromMs),
          lt(p.createdAt, range.toMs),
          ctx.platform === undefined ? undefined : eq(p.platform, ctx.platform),
        ),
      );
    for (const { id, createdAt } of rows) {
      const day = grid.dayOf(createdAt);
      cohortOf.set(id, day);
      sizes[day] = (sizes[day] ?? 0) + 1;
    }
  }
  // retained[k][cohortDay]: participants of that cohort active on day cohortDay + RETENTION_DAYS[k].
  const retained = RETENTION_DAYS.map(() => Array.from({ length: range.days }, () => new Set<number>()));
  const until = Math.min(grid.starts[grid.days.length] as number, ctx.now);
  // The days a session touches are the days its participant had events (an event at least every 30 minutes).
  const sessions = await walkSessions(ctx.db, {
    campaignIds: campaignIdsOf(ctx),
    from: grid.starts[1] as number,
    until,
    platform: ctx.platform,
  });
  for (const s of sessions) {
    const cohort = cohortOf.get(s.participantId);
    if (cohort === undefined) continue;
    for (let day = grid.dayOf(s.start), last = grid.dayOf(s.end); day <= last; day += 1) {
      const k = RETENTION_DAYS.indexOf((day - cohort) as 1 | 7 | 30);
      if (k >= 0) retained[k]?.[cohort]?.add(s.participantId);
    }
  }
  // A day is known once it has ended.
  const known = (dayIndex: number) => (grid.starts[dayIndex + 1] as number) <= ctx.now;
  const totals = RETENTION_DAYS.map(() => ({ users: 0, size: 0 }));
  const cohorts = sizes.map((size, i) => {
    const values = RETENTION_DAYS.map((n, k): Retained => {
      if (!known(i + n)) return null;
      const users = retained[k]?.[i]?.size ?? 0;
      const t = totals[k] as { users: number; size: number };
      t.users += users;
      t.size += size;
      return { users, rate: rate(users, size) };
    });
    return { day: grid.days[i] as string, size, d1: values[0] ?? null, d7: values[1] ?? null, d30: values[2] ?? null };
  });
  const overall = totals.map((t): Retained => (t.size === 0 ? null : { users: t.users, rate: rate(t.users, t.size) }));
  return {
    ...header(ctx),
    cohorts,
    overall: { d1: overall[0] ?? null, d7: overall[1] ?? null, d30: overall[2] ?? null },
  };
}
