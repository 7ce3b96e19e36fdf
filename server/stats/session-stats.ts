/**
 * @module Sessions per user and session length (sessions split by 30 minutes of inactivity, session-walk.ts), with
 * their distributions and a per-day series (a session belongs to the day it started). Counted by the database over
 * the stored sessions (session-aggregates.ts), not by reading them.
 */

import { count, sql } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { kthOfHistogram, lengthQuantiles, perStartDay, sessionsPerUser, sessionTotals } from './session-aggregates.ts';
import { lengthSql, type SplitSessions, splitSessions } from './session-split.ts';
import type { StatsSessions } from './stats.schemas.ts';
import { SESSION_GAP_MS } from './stats.schemas.ts';
import { campaignIdsOf, header, type StatsContext } from './stats-context.ts';
import { dayGrid } from './stats-range.ts';

const SEC = 1000;
const MIN = 60 * SEC;
const LENGTH_BUCKETS: [label: string, below: number][] = [
  ['<10s', 10 * SEC],
  ['10s-1m', MIN],
  ['1-3m', 3 * MIN],
  ['3-10m', 10 * MIN],
  ['10-30m', 30 * MIN],
  ['30m+', Number.POSITIVE_INFINITY],
];
const PER_USER_BUCKETS: [label: string, atMost: number][] = [
  ['1', 1],
  ['2', 2],
  ['3-5', 5],
  ['6-10', 10],
  ['11+', Number.POSITIVE_INFINITY],
];

const round = (n: number | null, digits = 0) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** The range's sessions split for counting (session-split.ts). */
export function rangeSplit(ctx: StatsContext, longerThanMs?: number): Promise<SplitSessions> {
  return splitSessions(
    ctx.db,
    {
      campaignIds: campaignIdsOf(ctx),
      from: ctx.range.fromMs,
      until: ctx.range.toMs,
      platform: ctx.platform,
      exclude: ctx.testers,
    },
    longerThanMs,
  );
}

/** Sessions per length bucket: SQL's rows plus JS's sessions. */
async function lengthBuckets(ctx: StatsContext, split: SplitSessions): Promise<number[]> {
  const t = schema.telemetrySessions;
  const bucket = sql`CASE ${sql.join(
    LENGTH_BUCKETS.slice(0, -1).map(
      ([, below], i) => sql`WHEN ${lengthSql} < ${sql.raw(String(below))} THEN ${sql.raw(String(i))} `,
    ),
  )}ELSE ${sql.raw(String(LENGTH_BUCKETS.length - 1))} END`;
  const rows = await ctx.db
    .select({ i: sql<number>`${bucket}`, n: count() })
    .from(t)
    .where(split.where)
    .groupBy(bucket);
  const counts = LENGTH_BUCKETS.map(() => 0);
  for (const r of rows) counts[Number(r.i)] = (counts[Number(r.i)] ?? 0) + Number(r.n);
  for (const s of split.rest) {
    const i = LENGTH_BUCKETS.findIndex(([, below]) => s.end - s.start < below);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** @example const body = await sessionStats(ctx); */
export async function sessionStats(ctx: StatsContext): Promise<StatsSessions> {
  const split = await rangeSplit(ctx);
  const grid = dayGrid(ctx.range);
  const totals = await sessionTotals(ctx.db, split);
  const perUser = await sessionsPerUser(ctx.db, split);
  const lengths = await lengthQuantiles(ctx.db, split, grid);
  const perDay = await perStartDay(ctx.db, split, grid, { sessions: true });
  const byLength = await lengthBuckets(ctx, split);
  const users = totals.users;
  const medianPerUser =
    users === 0
      ? null
      : users % 2
        ? kthOfHistogram(perUser, (users >> 1) + 1)
        : (kthOfHistogram(perUser, users >> 1) + kthOfHistogram(perUser, (users >> 1) + 1)) / 2;
  return {
    ...header(ctx),
    gapMs: SESSION_GAP_MS,
    sessions: totals.sessions,
    users,
    sessionsPerUser: { mean: users === 0 ? null : round(totals.sessions / users, 2), median: medianPerUser },
    lengthMs: {
      mean: totals.sessions === 0 ? null : Math.round(totals.lengthSum / totals.sessions),
      median: lengths.all.median,
      p90: lengths.all.p90,
    },
    lengthBuckets: LENGTH_BUCKETS.map(([label], i) => ({ label, count: byLength[i] ?? 0 })),
    perUserBuckets: PER_USER_BUCKETS.map(([label, atMost], i) => {
      const above = i === 0 ? 0 : (PER_USER_BUCKETS[i - 1] as [string, number])[1];
      let n = 0;
      for (const [sessions, people] of perUser) if (sessions > above && sessions <= atMost) n += people;
      return { label, count: n };
    }),
    days: grid.days.map((day, i) => ({
      day,
      sessions: perDay[i]?.sessions ?? 0,
      medianLengthMs: lengths.days[i]?.median ?? null,
    })),
  };
}
