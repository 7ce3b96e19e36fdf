/**
 * @module Sessions per user and session length (sessions split by 30 minutes of inactivity, session-walk.ts), with
 * their distributions and a per-day series (a session belongs to the day it started).
 */

import { median, percentile, type Session, walkSessions } from './session-walk.ts';
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

export function rangeSessions(ctx: StatsContext) {
  return walkSessions(ctx.db, {
    campaignIds: campaignIdsOf(ctx),
    from: ctx.range.fromMs,
    until: ctx.range.toMs,
    platform: ctx.platform,
    exclude: ctx.testers,
  });
}

/** The numbers of a list of sessions (shared with the period comparison). */
export function sessionNumbers(sessions: readonly Session[]) {
  const perUser = new Map<number, number>();
  for (const s of sessions) perUser.set(s.participantId, (perUser.get(s.participantId) ?? 0) + 1);
  const counts = [...perUser.values()].sort((a, b) => a - b);
  const lengths = sessions.map((s) => s.end - s.start).sort((a, b) => a - b);
  return {
    sessions: sessions.length,
    users: perUser.size,
    counts,
    lengths,
    meanPerUser: counts.length === 0 ? null : round(sessions.length / counts.length, 2),
    medianLength: median(lengths),
  };
}

/** @example const body = await sessionStats(ctx); */
export async function sessionStats(ctx: StatsContext): Promise<StatsSessions> {
  const sessions = await rangeSessions(ctx);
  const n = sessionNumbers(sessions);
  const grid = dayGrid(ctx.range);
  const byDay: number[][] = grid.days.map(() => []);
  for (const s of sessions) byDay[grid.dayOf(s.start)]?.push(s.end - s.start);
  return {
    ...header(ctx),
    gapMs: SESSION_GAP_MS,
    sessions: n.sessions,
    users: n.users,
    sessionsPerUser: { mean: n.meanPerUser, median: median(n.counts) },
    lengthMs: {
      mean: n.lengths.length === 0 ? null : Math.round(n.lengths.reduce((a, b) => a + b, 0) / n.lengths.length),
      median: n.medianLength,
      p90: percentile(n.lengths, 90),
    },
    lengthBuckets: LENGTH_BUCKETS.map(([label, below], i) => {
      const above = i === 0 ? 0 : (LENGTH_BUCKETS[i - 1] as [string, number])[1];
      return { label, count: n.lengths.filter((l) => l >= above && l < below).length };
    }),
    perUserBuckets: PER_USER_BUCKETS.map(([label, atMost], i) => {
      const above = i === 0 ? 0 : (PER_USER_BUCKETS[i - 1] as [string, number])[1];
      return { label, count: n.counts.filter((c) => c > above && c <= atMost).length };
    }),
    days: grid.days.map((day, i) => {
      const lengths = (byDay[i] ?? []).sort((a, b) => a - b);
      return { day, sessions: lengths.length, medianLengthMs: median(lengths) };
    }),
  };
}
