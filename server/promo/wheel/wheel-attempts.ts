/**
 * @module The wheel's attempt economy: `dailyFreeAttempts` renew every campaign day (at the reset hour in the
 * campaign's time zone); each completed task earns its `attemptsGranted` bonus attempts once; at most
 * `dailyAttemptLimit` attempts of either kind per day. Free attempts are spent before bonus ones.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import { campaignDay, nextDayStart } from '../campaign-day.ts';
import type { WheelSettings } from '../settings.ts';

export interface AttemptsState {
  day: string;
  usedToday: number;
  dailyLimit: number;
  freeLeftToday: number;
  bonusEarned: number;
  bonusLeft: number;
  availableNow: number;
  /** What the next spin would spend, or why there is none. */
  next: 'free' | 'bonus' | 'daily_limit' | 'none_left';
  nextResetAt: number;
}

export async function attemptsState(
  db: Db,
  campaign: CampaignRow,
  wheel: WheelSettings,
  participantId: number,
  at: number,
): Promise<AttemptsState> {
  const day = campaignDay(at, campaign.timeZone, wheel.resetHour);
  const today = await db
    .select({ kind: schema.wheelAttempts.kind, n: count() })
    .from(schema.wheelAttempts)
    .where(and(eq(schema.wheelAttempts.participantId, participantId), eq(schema.wheelAttempts.day, day)))
    .groupBy(schema.wheelAttempts.kind);
  const freeUsed = today.find((r) => r.kind === 'free')?.n ?? 0;
  const usedToday = today.reduce((s, r) => s + r.n, 0);
  const [bonus] = await db
    .select({ n: count() })
    .from(schema.wheelAttempts)
    .where(and(eq(schema.wheelAttempts.participantId, participantId), eq(schema.wheelAttempts.kind, 'bonus')));
  const bonusUsed = bonus?.n ?? 0;
  // mapWith(Number): PostgreSQL returns SUM as a string.
  const [earned] = await db
    .select({ n: sql<number>`coalesce(sum(${schema.tasks.attemptsGranted}), 0)`.mapWith(Number) })
    .from(schema.taskCompletions)
    .innerJoin(schema.tasks, eq(schema.tasks.id, schema.taskCompletions.taskId))
    .where(and(eq(schema.taskCompletions.participantId, participantId), eq(schema.taskCompletions.status, 'done')));
  const bonusEarned = earned?.n ?? 0;
  const freeLeftToday = Math.max(0, wheel.dailyFreeAttempts - freeUsed);
  const bonusLeft = Math.max(0, bonusEarned - bonusUsed);
  const limitLeft = Math.max(0, wheel.dailyAttemptLimit - usedToday);
  const availableNow = Math.min(limitLeft, freeLeftToday + bonusLeft);
  const next =
    availableNow > 0 ? (freeLeftToday > 0 ? 'free' : 'bonus') : limitLeft === 0 ? 'daily_limit' : 'none_left';
  return {
    day,
    usedToday,
    dailyLimit: wheel.dailyAttemptLimit,
    freeLeftToday,
    bonusEarned,
    bonusLeft,
    availableNow,
    next,
    nextResetAt: nextDayStart(at, campaign.timeZone, wheel.resetHour),
  };
}
