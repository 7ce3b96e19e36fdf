/**
 * @module D1/D7/D30 retention: a cohort is the participants who joined on one local day of the range; Dn is how many of
 * them were active (any telemetry) on exactly the n-th local day after — the classic "N-day retention". Activity is
 * read up to 30 days past the range; a Dn whose day has not ended yet is null (not known), not 0.
 */
import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { dayIndexSql, splitSessions } from './session-split.ts';
import { rate } from './session-walk.ts';
import type { StatsRetention } from './stats.schemas.ts';
import { campaignIdsOf, header, type StatsContext } from './stats-context.ts';
import { DayGrid } from './stats-range.ts';

export const RETENTION_DAYS = [1, 7, 30] as const;
const LAST = 30;

type Retained = { users: number; rate: number } | null;

/**
 * @example const body = await retentionCohorts(ctx);
 * Counted by the database: cohorts by the day their participants joined, and per cohort the distinct participants
 * with a stored session touching the n-th day after (session-split.ts); participants an edge of the range cuts
 * through are counted from their sessions in JS.
 */
export async function retentionCohorts(ctx: StatsContext): Promise<StatsRetention> {
  const { range } = ctx;
  // The range's days and the 30 after them, so every Dn of every cohort has its day.
  const grid = new DayGrid(range.from, range.days + LAST, range.timeZone);
  const p = schema.participants;
  const t = schema.telemetrySessions;
  const ids = campaignIdsOf(ctx);
  const sizes = new Array<number>(range.days).fill(0);
  const retained = RETENTION_DAYS.map(() => new Array<number>(range.days).fill(0));
  const cohort = and(
    inArray(p.campaignId, ids.length > 0 ? ids : [-1]),
    eq(p.isTester, false),
    gte(p.createdAt, range.fromMs),
    lt(p.createdAt, range.toMs),
    ctx.platform === undefined ? undefined : eq(p.platform, ctx.platform),
  );
  const joined = dayIndexSql(grid, p.createdAt);
  for (const r of await ctx.db
    .select({ day: sql<number>`${joined}`, n: count() })
    .from(p)
    .where(cohort)
    .groupBy(joined)) {
    sizes[Number(r.day)] = Number(r.n);
  }
  const until = Math.min(grid.starts[grid.days.length] as number, ctx.now);
  const split = await splitSessions(ctx.db, {
    campaignIds: ids,
    from: grid.starts[1] as number,
    until,
    platform: ctx.platform,
  });
  // The days a session touches are the days its participant had events (an event at least every 30 minutes).
  const first = dayIndexSql(grid, t.startAt);
  const last = dayIndexSql(grid, t.endAt);
  const onDay = (n: number) =>
    sql<number>`count(DISTINCT CASE WHEN ${joined} + ${sql.raw(String(n))} BETWEEN ${first} AND ${last} THEN ${p.id} END)`;
  const rows = await ctx.db
    .select({ day: sql<number>`${joined}`, d1: onDay(1), d7: onDay(7), d30: onDay(30) })
    .from(t)
    .innerJoin(p, eq(p.id, t.participantId))
    .where(and(split.where, cohort))
    .groupBy(joined);
  for (const r of rows) {
    const i = Number(r.day);
    for (const [k, v] of [r.d1, r.d7, r.d30].entries()) (retained[k] as number[])[i] = Number(v);
  }
  if (split.rest.length > 0) {
    const theirs = [...new Set(split.rest.map((s) => s.participantId))];
    const cohortOf = new Map<number, number>();
    for (const r of await ctx.db
      .select({ id: p.id, createdAt: p.createdAt })
      .from(p)
      .where(and(cohort, inArray(p.id, theirs)))) {
      cohortOf.set(r.id, grid.dayOf(Number(r.createdAt)));
    }
    const seen = RETENTION_DAYS.map(() => new Set<string>());
    for (const s of split.rest) {
      const c = cohortOf.get(s.participantId);
      if (c === undefined) continue;
      for (let day = grid.dayOf(s.start), end = grid.dayOf(s.end); day <= end; day += 1) {
        const k = RETENTION_DAYS.indexOf((day - c) as 1 | 7 | 30);
        const key = `${s.participantId}`;
        if (k >= 0 && !seen[k]?.has(key)) {
          seen[k]?.add(key);
          (retained[k] as number[])[c] = ((retained[k] as number[])[c] ?? 0) + 1;
        }
      }
    }
  }
  // A day is known once it has ended.
  const known = (dayIndex: number) => (grid.starts[dayIndex + 1] as number) <= ctx.now;
  const totals = RETENTION_DAYS.map(() => ({ users: 0, size: 0 }));
  const cohorts = sizes.map((size, i) => {
    const values = RETENTION_DAYS.map((n, k): Retained => {
      if (!known(i + n)) return null;
      const users = retained[k]?.[i] ?? 0;
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
